/// Name rules for hubs and consumer groups, as Azure Event Hubs applies them.
///
/// A hub (event hub) name has 1 to 256 characters: letters, digits, periods, hyphens and
/// underscores, starting and ending with a letter or digit. A consumer group name follows the same
/// rule with at most 50 characters; `$default` is the one group every hub has.
///
/// Names are case-insensitive: `Orders` and `orders` are one hub. Engines keep the spelling a
/// name was created with, refuse a second name that differs only in case, and find a hub or a
/// group by its name in any case; `folded` is the one rule they all compare names by.
public enum Names {
    public static let defaultConsumerGroup = "$default"

    /// The longest hub name, in characters.
    public static let maxHubNameLength = 256

    /// The form in which two names are compared: `folded("Orders") == folded("orders")`.
    ///
    /// Valid names are ASCII, so lowercasing is the whole of case folding for them.
    public static func folded(_ name: String) -> String { name.lowercased() }

    /// Whether `name` and `other` name the same hub (or the same group of one hub).
    public static func same(_ name: String, _ other: String) -> Bool {
        folded(name) == folded(other)
    }

    /// Throws `HubError.invalidHubName` unless `name` is a valid hub name.
    public static func validateHub(_ name: String) throws {
        if let reason = problem(with: name, maxLength: maxHubNameLength) {
            throw HubError.invalidHubName(name, reason: reason)
        }
    }

    /// Throws `HubError.invalidGroupName` unless `name` is a valid consumer group name.
    public static func validateGroup(_ name: String) throws {
        if name == defaultConsumerGroup { return }
        if let reason = problem(with: name, maxLength: 50) {
            throw HubError.invalidGroupName(name, reason: reason)
        }
    }

    static func problem(with name: String, maxLength: Int) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard !scalars.isEmpty else { return "a name cannot be empty" }
        guard scalars.count <= maxLength else {
            return "a name has at most \(maxLength) characters, this one has \(scalars.count)"
        }
        for scalar in scalars where !isAllowed(scalar) {
            return "'\(scalar)' is not allowed; use letters, digits, '.', '-' and '_'"
        }
        guard isAlphanumeric(scalars.first!), isAlphanumeric(scalars.last!) else {
            return "a name must start and end with a letter or digit"
        }
        return nil
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return false
        }
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || scalar == "." || scalar == "-" || scalar == "_"
    }
}
