import HubCore

/// Splits the events a replay republishes into batches that each land in one commit.
///
/// A batch must fit the origin hub's maximum size, and the replay markers written for it must
/// fit the dead-letter hub's in one commit too: each batch is then either marked as a whole or
/// named as unmarked, never half of each. For example, 1.5 MiB of pending events for a 1 MiB
/// hub go out as two batches, each followed by its markers.
enum ReplayBatches {
    /// A dead-lettered event and the event that republishes it.
    typealias Candidate = (letter: ReceivedEvent, event: RoutedEvent)

    /// The candidates in order, cut into batches for `origin`, marked in `deadLetterHub`.
    /// An event that can never fit `origin` stops everything before anything is replayed.
    static func split(
        _ candidates: [Candidate], origin: HubProperties, deadLetterHub: HubProperties
    ) throws -> [[Candidate]] {
        var batches: [[Candidate]] = []
        var current: [Candidate] = []
        var eventBytes = 0
        var markerBytes = 0
        for candidate in candidates {
            let size = candidate.event.data.size
            guard size <= origin.maxEventSize else {
                let letter = candidate.letter
                throw CommandFailure(
                    "dead letter \(letter.partition)/\(letter.sequenceNumber) is \(size) bytes,"
                        + " over the maximum event size of hub '\(origin.name)'"
                        + " (\(origin.maxEventSize) bytes); nothing was replayed (replay the"
                        + " others with --seq N; this one stays pending)")
            }
            let marker = largestMarkerSize(of: candidate.letter, origin: origin)
            let full = size + eventBytes > origin.maxEventSize
                || marker + markerBytes > deadLetterHub.maxEventSize
            if !current.isEmpty && full {
                batches.append(current)
                current = []
                eventBytes = 0
                markerBytes = 0
            }
            current.append(candidate)
            eventBytes += size
            markerBytes += marker
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// The size of `letter`'s marker when it lands at the largest position `origin` has.
    static func largestMarkerSize(of letter: ReceivedEvent, origin: HubProperties) -> Int {
        let farthest = EventMetadata(
            partition: max(0, origin.partitionCount - 1), sequenceNumber: .max, offset: 0,
            enqueuedTime: 0)
        return DeadLetterRecords.marker(for: letter, origin: origin.name, landed: farthest)
            .data.size
    }
}
