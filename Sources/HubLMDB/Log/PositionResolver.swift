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
        let first = state.firstSequenceNumber
        let next = state.nextSequenceNumber
        switch position {
        case .earliest:
            return first
        case .latest:
            return next
        case .sequenceNumber(let sequenceNumber, let inclusive):
            guard sequenceNumber >= 0 else {
                throw HubError.invalidSequenceNumber(sequenceNumber)
            }
            guard sequenceNumber <= next else {
                throw HubError.sequenceNumberAhead(
                    hub: hub.name, partition: state.partition, sequenceNumber: sequenceNumber,
                    last: state.lastSequenceNumber)
            }
            return max(inclusive ? sequenceNumber : sequenceNumber + 1, first)
        case .offset(let offset, let inclusive):
            return try firstSequenceNumber { header in
                inclusive ? header.offset >= offset : header.offset > offset
            }
        case .enqueuedTime(let millis):
            return try firstSequenceNumber { header in header.enqueuedTime >= millis }
        case .last(let count):
            return max(first, next - max(0, count))
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
