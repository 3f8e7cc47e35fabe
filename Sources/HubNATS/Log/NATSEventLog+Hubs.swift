import CNATS
import HubCore

extension NATSEventLog {
    /// Bytes kept free in each message for hubsh's headers, beyond the hub's largest event.
    static let headerReserve = 4096
    /// How long the server remembers message ids, so that a publish resent after a lost
    /// acknowledgement is stored once.
    static let duplicateWindowNanos: Int64 = 30_000_000_000
    /// The longest stream name JetStream accepts.
    static let maxStreamNameLength = 255

    /// Creates the hub record, then one stream per partition, then `$default`.
    ///
    /// The record is written only when no hub has the name in any case, so two processes
    /// creating one name at the same time cannot both succeed. When a stream cannot be made
    /// (too many replicas for the cluster, say), what was made is removed again.
    public func createHub(_ spec: HubSpec) throws -> HubProperties {
        try spec.validate()
        try checkFitsPayload(hub: spec.name, maxEventSize: spec.maxEventSize)
        // A stream name carries the namespace, the hub's name, its incarnation and the
        // partition, and JetStream takes at most 255 characters.
        let longest = naming.stream(
            hub: spec.name, incarnation: Naming.newIncarnation(),
            partition: spec.partitionCount - 1)
        guard longest.utf8.count <= NATSEventLog.maxStreamNameLength else {
            let excess = longest.utf8.count - NATSEventLog.maxStreamNameLength
            let room = spec.name.utf8.count - excess
            throw HubError.unsupported(
                "hub name '\(spec.name.prefix(40))...' is too long for NATS JetStream: in"
                    + " namespace '\(namespace)' a hub name has at most \(max(room, 0))"
                    + " characters (a stream name has at most 255)")
        }
        return try perform("create hub '\(spec.name)'") {
            let properties = HubProperties(
                name: spec.name, partitionCount: spec.partitionCount,
                retentionMillis: spec.retentionMillis, maxEventSize: spec.maxEventSize,
                createdAt: options.clock(), replicas: spec.replicas)
            let record = HubRecord(properties: properties, incarnation: Naming.newIncarnation())
            let key = Naming.hubKey(spec.name)
            guard try hubsBucket.create(key, RecordJSON.encode(record.json)) else {
                throw try clash(with: spec.name, key: key)
            }
            do {
                for partition in 0..<spec.partitionCount {
                    try jetStream.addStream(streamConfig(record, partition))
                }
                let group = ConsumerGroup(
                    hub: spec.name, name: Names.defaultConsumerGroup,
                    createdAt: properties.createdAt)
                try groupsBucket.put(
                    Naming.groupKey(record, group.name), RecordJSON.encode(GroupRecord.json(group)))
            } catch {
                try? removeStreams(record)
                try? hubsBucket.remove(key)
                throw replicaError(error, spec: spec) ?? error
            }
            hubCache.store(record, now: MonotonicClock.millis())
            return properties
        }
    }

    /// Every hub, ordered by name.
    public func hubs() throws -> [HubProperties] {
        try performRetrying("list hubs") {
            try hubsBucket.entries(matching: ">").map { try HubRecord(bytes: $0.value) }
                .map(\.properties).sorted { $0.name < $1.name }
        }
    }

    public func hub(named name: String) throws -> HubProperties {
        try performRetrying("read hub '\(name)'") { try requireHub(name).properties }
    }

    /// Changes every partition stream's `MaxAge` to the new retention, then the hub record.
    ///
    /// Streams first, so that the record never promises a retention the streams do not keep.
    /// A change cut short (a stream updated, the record not) leaves the old record; asking
    /// again for the same change converges, since the streams are always updated to what the
    /// record will say, whether they already are or not. The record is written only over the
    /// revision that was read, so two processes changing one hub cannot interleave into a
    /// record that neither asked for. The maximum event size is checked by hubsh on publish,
    /// not by the streams (their `MaxMsgSize` is unlimited), so it changes only the record;
    /// it must leave room under the server's max_payload, as at creation.
    ///
    /// Caveat: another process publishing to the hub may go by the record it cached for up
    /// to `HubCache.ttlMillis` after the change.
    public func updateHub(named name: String, retentionMillis: Int64?, maxEventSize: Int?)
        throws -> HubProperties
    {
        try retentionMillis.map { try HubSpec.validate(retentionMillis: $0) }
        try maxEventSize.map { try HubSpec.validate(maxEventSize: $0) }
        return try perform("change hub '\(name)'") {
            let key = Naming.hubKey(name)
            for _ in 0..<NATSEventLog.maxRegisterAttempts {
                guard let entry = try hubsBucket.get(key) else { throw HubError.hubNotFound(name) }
                var record = try HubRecord(bytes: entry.value)
                let old = record.properties
                record.properties.retentionMillis = retentionMillis ?? old.retentionMillis
                record.properties.maxEventSize = maxEventSize ?? old.maxEventSize
                if record.properties.maxEventSize != old.maxEventSize {
                    try checkFitsPayload(
                        hub: record.name, maxEventSize: record.properties.maxEventSize)
                }
                try updateStreams(record)
                guard record.properties != old else {
                    hubCache.store(record, now: MonotonicClock.millis())
                    return record.properties
                }
                let value = RecordJSON.encode(record.json)
                if try hubsBucket.update(key, value, revision: entry.revision) {
                    hubCache.store(record, now: MonotonicClock.millis())
                    return record.properties
                }
            }
            throw HubError.storage("hub '\(name)' kept changing while being changed; try again")
        }
    }

    /// Removes the hub record first, so the hub is gone for everyone at once, then its
    /// streams, consumer groups and checkpoints. A delete cut short leaves only streams and
    /// keys that no hub refers to: a hub created again under the name has a new incarnation.
    public func deleteHub(named name: String) throws {
        try perform("delete hub '\(name)'") {
            let record = try requireHub(name)
            try hubsBucket.remove(Naming.hubKey(name))
            hubCache.forget(record.name)
            try removeStreams(record)
            let prefix = Naming.hubPrefix(record) + ".>"
            for entry in try checkpointsBucket.entries(matching: prefix) {
                try checkpointsBucket.remove(entry.key)
            }
            for entry in try groupsBucket.entries(matching: prefix) {
                try groupsBucket.remove(entry.key)
            }
        }
    }

    // MARK: - Helpers

    func streamConfig(_ record: HubRecord, _ partition: Int) -> StreamConfig {
        StreamConfig(
            name: stream(record, partition), subject: subject(record, partition),
            maxAgeNanos: record.properties.retentionMillis * 1_000_000,
            maxMessageSize: -1, replicas: record.properties.replicas,
            duplicateWindowNanos: NATSEventLog.duplicateWindowNanos)
    }

    /// Brings every partition stream of `record` to the configuration it describes.
    private func updateStreams(_ record: HubRecord) throws {
        for partition in 0..<record.properties.partitionCount {
            do {
                try jetStream.updateStream(streamConfig(record, partition))
            } catch let error as NATSError where NATSEventLog.isMissingStream(error) {
                throw streamMissing(record, partition: partition)
            }
        }
    }

    /// Whether `error` says the stream asked about does not exist.
    private static func isMissingStream(_ error: NATSError) -> Bool {
        switch error {
        case .notFound: return true
        case .jetStream(let code, _): return code == Int(JSStreamNotFoundErr.rawValue)
        default: return false
        }
    }

    /// Refuses a maximum event size that would not fit a NATS message with hubsh's headers.
    private func checkFitsPayload(hub name: String, maxEventSize: Int) throws {
        let limit = maxPayload - NATSEventLog.headerReserve
        guard maxEventSize > limit else { return }
        throw HubError.unsupported(
            "hub '\(name)' would take events of \(maxEventSize) bytes, but the NATS server takes"
                + " messages of at most \(maxPayload) bytes (max_payload) with hubsh's headers;"
                + " give --max-event-size \(limit) or less, or raise max_payload in the server"
                + " configuration")
    }

    private func removeStreams(_ record: HubRecord) throws {
        let names = (0..<record.properties.partitionCount).map { stream(record, $0) }
        readers.close(streams: Set(names))
        turns.forget(Set(names))
        for name in names {
            tips.forget(name)
            try jetStream.deleteStream(name)
        }
    }

    /// `hubExists` or `nameTakenInOtherCase` for the hub that holds `key`.
    private func clash(with name: String, key: String) throws -> HubError {
        guard let entry = try hubsBucket.get(key) else { return .hubExists(name) }
        let existing = try HubRecord(bytes: entry.value).name
        return existing == name
            ? .hubExists(name)
            : .nameTakenInOtherCase(kind: "hub", name: name, existing: existing)
    }

    /// One line for a stream the cluster cannot place with the replicas asked for.
    private func replicaError(_ error: Error, spec: HubSpec) -> HubError? {
        guard case .jetStream(let code, let description)? = error as? NATSError else {
            return nil
        }
        let placement: Set<Int> = [
            Int(JSClusterNoPeersErr.rawValue), Int(JSStreamReplicasNotSupportedErr.rawValue),
            Int(JSInsufficientResourcesErr.rawValue),
        ]
        guard placement.contains(code), spec.replicas > 1 else { return nil }
        return .unsupported(
            "hub '\(spec.name)' asks for \(spec.replicas) replicas, but the NATS cluster cannot"
                + " place that many (\(description)); give --replicas no more than its"
                + " servers with JetStream")
    }
}
