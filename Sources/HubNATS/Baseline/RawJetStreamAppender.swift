import HubCore

/// The raw JetStream loop hubsh's publish path is measured against: the same pipelined
/// publish with one acknowledgement per message, into a scratch stream of its own, with no
/// hubs, no headers, no chain and no routing.
///
/// The scratch stream has one replica and its own subject outside the namespace's event
/// subjects, so tails never hear of it. Used by one thread at a time.
final class RawJetStreamAppender: RawAppender {
    private let jetStream: JetStream
    private let stream: String
    private let subject: String
    private let record: [UInt8]
    private var closed = false

    init(_ jetStream: JetStream, namespace: String, pattern: RawAppendPattern) throws {
        self.jetStream = jetStream
        let id = Naming.newIncarnation()
        stream = "HUBSH_\(namespace)_BASELINE_\(id)"
        subject = "hubsh-baseline.\(namespace).\(id)"
        record = [UInt8](repeating: 0x61, count: pattern.recordSize)
        try jetStream.addStream(
            StreamConfig(
                name: stream, subject: subject, maxAgeNanos: 0, maxMessageSize: -1,
                replicas: 1, duplicateWindowNanos: NATSEventLog.duplicateWindowNanos))
    }

    deinit {
        close()
    }

    /// Publishes `count` records and waits for all their acknowledgements.
    func appendBatch(count: Int) throws {
        let message = OutgoingMessage(subject: subject, reply: nil, headers: [], body: record)
        let acks = try PublishPipeline(connection: jetStream.connection).publish(
            Array(repeating: message, count: count), timeoutMillis: 5000)
        for ack in acks {
            switch ack {
            case .stored: continue
            case .refused(let error), .unknown(let error): throw error
            }
        }
    }

    /// Purges the scratch stream.
    func reset() throws {
        guard let state = try jetStream.streamState(stream) else { return }
        try jetStream.purge(stream, before: state.lastSequence + 1)
    }

    func close() {
        guard !closed else { return }
        closed = true
        try? jetStream.deleteStream(stream)
    }
}
