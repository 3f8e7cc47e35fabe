import HubCore

/// Turns an `EventPosition` into the sequence number a read starts at, within one partition.
///
/// On this engine an offset is the sequence number, so `offset:N` starts where `seq:N` does
/// (without refusing numbers past the end). Enqueued times never decrease with sequence
/// numbers, so `time:T` is found by binary search: O(log n) single-message gets.
struct NATSPositionResolver {
    let log: NATSEventLog
    let record: HubRecord
    let state: PartitionState

    /// The first sequence number to read; `state.nextSequenceNumber` or more means nothing yet.
    func start(of position: EventPosition) throws -> Int64 {
        if let start = try state.start(of: position, hub: record.name) { return start }
        switch position {
        case .offset(let offset, let inclusive):
            let start = inclusive ? offset : offset + 1
            return min(max(start, state.firstSequenceNumber), state.nextSequenceNumber)
        case .enqueuedTime(let millis):
            return try firstSequenceNumber(enqueuedAtOrAfter: millis)
        default:
            preconditionFailure("every other position resolves in PartitionState: \(position)")
        }
    }

    /// The first retained sequence number enqueued at or after `millis`; `next` when none.
    private func firstSequenceNumber(enqueuedAtOrAfter millis: Int64) throws -> Int64 {
        if let last = state.lastEnqueuedTime, last < millis { return state.nextSequenceNumber }
        let stream = log.stream(record, state.partition)
        var low = state.firstSequenceNumber
        var high = state.nextSequenceNumber
        while low < high {
            let middle = low + (high - low) / 2
            // A message purged meanwhile is older than any that is left.
            let time = try log.enqueuedTime(stream, sequence: UInt64(middle + 1)) ?? Int64.min
            if time >= millis {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
