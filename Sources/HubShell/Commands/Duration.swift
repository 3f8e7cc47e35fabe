import HubCore

/// Durations for waits and timeouts, as people write them: `500ms`, `5s`, `1.5m`, `2h`, `1d`,
/// `1m30s`, or a plain number of seconds (`0.5`); the grammar is `DurationText`'s, shared with
/// retentions.
///
///     Duration.parse("1.5m")   // .success(90_000) milliseconds
///     Duration.parse("0x10")   // .failure(.notADuration)
///     Duration.parse("8d")     // .failure(.tooLong)
///
/// Nothing longer than `Duration.maximum` is accepted.
public enum Duration {
    /// The longest duration accepted: 7 days, in milliseconds.
    public static let maximum: Int64 = 7 * 86_400_000

    /// How `maximum` is written in messages.
    public static let maximumText = "7d"

    /// Why text is not an acceptable duration.
    public enum Problem: Error, Sendable, Equatable {
        /// Not numbers with units, nor one plain number of seconds.
        case notADuration
        /// Well formed, but longer than `Duration.maximum`.
        case tooLong
    }

    /// The milliseconds `text` stands for, or why it stands for none.
    public static func parse(_ text: String) -> Result<Int64, Problem> {
        switch DurationText.millis(text, bareUnit: 1000) {
        case .success(let millis): millis > maximum ? .failure(.tooLong) : .success(millis)
        case .failure(.overflow): .failure(.tooLong)
        case .failure(.notADuration): .failure(.notADuration)
        }
    }

    /// The message for text given as `name` (a command or a flag) that `parse` refused.
    public static func message(_ problem: Problem, name: String, text: String) -> String {
        switch problem {
        case .notADuration:
            return "\(name) needs a duration such as 500ms, 5s, 1m30s or 1h (durations go up to"
                + " \(maximumText)), not '\(text)'"
        case .tooLong:
            return "\(name) '\(text)' is too long; durations go up to \(maximumText)"
        }
    }
}
