/// Where to start reading a partition.
///
/// The text forms, as `read --from` and `tail --from` take them:
/// `earliest`, `latest`, `seq:N`, `offset:N`, `time:2026-12-03T10:00:00Z` and `-N` (the last N).
public enum EventPosition: Sendable, Equatable {
    /// The first retained event.
    case earliest
    /// After the last event: only events published from now on.
    case latest
    /// The event with this sequence number, or the one after it when not inclusive.
    case sequenceNumber(Int64, inclusive: Bool)
    /// The event at this offset, or the one after it when not inclusive.
    case offset(Int64, inclusive: Bool)
    /// The first event enqueued at or after this time (milliseconds since the epoch).
    case enqueuedTime(Int64)
    /// The last N events, clamped to the first retained event.
    case last(Int64)

    /// Parses the text form; `exclusive` applies to `seq:` and `offset:`.
    public static func parse(_ text: String, exclusive: Bool = false) throws -> EventPosition {
        switch text {
        case "earliest", "beginning", "start": return .earliest
        case "latest", "end": return .latest
        default: break
        }
        if text.hasPrefix("-"), let count = Int64(text.dropFirst()), count >= 0 {
            return .last(count)
        }
        if let colon = text.firstIndex(of: ":") {
            let kind = text[..<colon]
            let value = String(text[text.index(after: colon)...])
            switch kind {
            case "seq", "sequence":
                if let seq = Int64(value), seq >= 0 {
                    return .sequenceNumber(seq, inclusive: !exclusive)
                }
            case "offset":
                if let offset = Int64(value), offset >= 0 {
                    return .offset(offset, inclusive: !exclusive)
                }
            case "time":
                if let millis = Timestamp.parse(value) { return .enqueuedTime(millis) }
            default:
                break
            }
        }
        throw HubError.invalidPosition(text)
    }

    public var description: String {
        switch self {
        case .earliest: return "earliest"
        case .latest: return "latest"
        case .sequenceNumber(let seq, let inclusive):
            return "seq:\(seq)\(inclusive ? "" : " (exclusive)")"
        case .offset(let offset, let inclusive):
            return "offset:\(offset)\(inclusive ? "" : " (exclusive)")"
        case .enqueuedTime(let millis): return "time:\(Timestamp.format(millis))"
        case .last(let count): return "-\(count)"
        }
    }
}

extension PartitionState {
    /// The first sequence number to read from `position`, for the positions every engine
    /// resolves alike: `earliest`, `latest`, `seq:N` and `-N`. Nil for `offset:` and `time:`,
    /// which an engine finds in its own store. `nextSequenceNumber` or more means nothing yet.
    ///
    /// Throws `invalidSequenceNumber` for a negative sequence number and
    /// `sequenceNumberAhead` for one past the next.
    public func start(of position: EventPosition, hub: String) throws -> Int64? {
        switch position {
        case .earliest:
            return firstSequenceNumber
        case .latest:
            return nextSequenceNumber
        case .sequenceNumber(let sequenceNumber, let inclusive):
            guard sequenceNumber >= 0 else {
                throw HubError.invalidSequenceNumber(sequenceNumber)
            }
            guard sequenceNumber <= nextSequenceNumber else {
                throw HubError.sequenceNumberAhead(
                    hub: hub, partition: partition, sequenceNumber: sequenceNumber,
                    last: lastSequenceNumber)
            }
            return max(inclusive ? sequenceNumber : sequenceNumber + 1, firstSequenceNumber)
        case .last(let count):
            return max(firstSequenceNumber, nextSequenceNumber - max(0, count))
        case .offset, .enqueuedTime:
            return nil
        }
    }
}
