import HubCore

/// Turns an `EventPosition` into the sequence number a read starts at, within one partition
/// and one read transaction.
///
/// Offsets grow and enqueued times never decrease with sequence numbers, so both are found by
/// binary search over the retained sequence numbers: O(log n) lookups of a 16-byte header each.
struct PositionResolver {
    let events: EventTable
    let hub: HubRecord
    let state: PartitionState

    /// The first sequence number to read; `state.nextSequenceNumber` or more means nothing yet.
    func start(of position: EventPosition) throws -> Int64 {
        if let start = try state.start(of: position, hub: hub.name) { return start }
        switch position {
        case .offset(let offset, let inclusive):
            return try firstSequenceNumber { header in
                inclusive ? header.offset >= offset : header.offset > offset
            }
        case .enqueuedTime(let millis):
            return try firstSequenceNumber { header in header.enqueuedTime >= millis }
        default:
            preconditionFailure("every other position resolves in PartitionState: \(position)")
        }
    }

    /// The first retained sequence number whose event satisfies `predicate`, which must be
    /// false for a prefix of the partition and true for the rest; `next` when none does.
    private func firstSequenceNumber(
        where predicate: ((offset: Int64, enqueuedTime: Int64)) -> Bool
    ) throws -> Int64 {
        var low = state.firstSequenceNumber
        var high = state.nextSequenceNumber
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(try events.header(hub, state.partition, middle)) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
