import HubCore

/// The records of a dead-letter hub: the dead-lettered events and the replay markers.
///
/// Replay marks an event by appending a marker to the dead-letter hub, in the event's partition:
/// content type `application/vnd.hubsh.replay+json` and the property `deadletter.replayOf`
/// holding the replayed event's sequence number. A marked event is never replayed again, and
/// `deadletter list` shows it as replayed. The dead-letter hub stays append-only like every
/// hub, and its retention removes events and markers together.
///
/// Replay goes in batches (see `ReplayBatches`): each batch of republished events is one
/// commit, and its markers the next one, before the following batch starts.
///
/// Caveat: a crash between a batch and its markers leaves that batch republished but unmarked,
/// so a later replay may publish it again (at-least-once, as Event Hubs delivery is). A failure
/// to write the markers is reported with the events it leaves unmarked.
struct DeadLetterRecords {
    static let markerContentType = "application/vnd.hubsh.replay+json"
    static let replayOf = "deadletter.replayOf"

    struct Letter {
        var event: ReceivedEvent
        /// Where the replay put it: `(hub, partition, sequence number)`, when it was replayed.
        var replayedTo: String?
    }

    /// The dead-letter hub, and the name of the hub it belongs to, both as they were created.
    var hub: HubProperties
    var origin: String
    var letters: [Letter] = []

    /// Every dead-lettered event of the dead-letter hub of `typed` (a hub name in any case),
    /// oldest first per partition.
    static func load(origin typed: String, context: ShellContext) throws -> DeadLetterRecords {
        let origin: HubProperties?
        do {
            origin = try context.log.hub(named: typed)
        } catch HubError.hubNotFound {
            // The origin may be gone while its dead letters outlive it.
            origin = nil
        }
        let name = SchemaBinding.deadLetterHub(of: origin?.name ?? typed)
        let hub: HubProperties
        do {
            hub = try context.log.hub(named: name)
        } catch HubError.hubNotFound {
            guard let origin else { throw HubError.hubNotFound(typed) }
            throw CommandFailure(
                "hub '\(origin.name)' has no dead-letter hub '\(name)'; it is created by"
                    + " 'hub set \(origin.name) --schema GROUP/NAME --on-invalid deadletter'")
        }
        let originName = origin?.name
            ?? String(hub.name.dropLast(SchemaBinding.deadLetterSuffix.count))
        var records = DeadLetterRecords(hub: hub, origin: originName)
        var index: [String: Int] = [:]
        var merge = try PartitionMerge(
            log: context.log, hub: hub.name, partitions: Array(0..<hub.partitionCount),
            from: .earliest)
        while let event = try merge.next() {
            if event.data.contentType == markerContentType {
                guard case .int(let seq)? = DeadLetter.property(replayOf, of: event.data),
                      let at = index["\(event.partition)/\(seq)"]
                else { continue }
                records.letters[at].replayedTo = destination(of: event)
                continue
            }
            index["\(event.partition)/\(event.sequenceNumber)"] = records.letters.count
            records.letters.append(Letter(event: event, replayedTo: nil))
        }
        return records
    }

    /// `to orders 1/16`: where a marker says its event went.
    static func destination(of marker: ReceivedEvent) -> String {
        guard let body = try? JSONValue.parse(bytes: marker.data.body),
              let hub = body["hub"]?.stringValue, let partition = body["partition"]?.stringValue,
              case .number(let seq)? = body["sequenceNumber"]
        else { return "" }
        return "to \(hub) \(partition)/\(seq)"
    }

    /// The marker saying `letter` went to `metadata` of `origin`.
    static func marker(for letter: ReceivedEvent, origin: String, landed metadata: EventMetadata)
        -> RoutedEvent
    {
        let body = JSONValue.object([
            ("hub", .string(origin)), ("partition", .string(String(metadata.partition))),
            ("sequenceNumber", .int(metadata.sequenceNumber)),
        ])
        return RoutedEvent(
            partition: letter.partition,
            data: EventData(
                body: Array(body.text.utf8),
                properties: [(replayOf, .int(letter.sequenceNumber))],
                contentType: markerContentType))
    }
}
