import HubCore

extension NATSEventLog: EngineBenchmarks {
    public var baselineDescription: String {
        "raw JetStream loop: pipelined publishes to a scratch stream, one ack per message"
    }

    public func makeRawAppender(_ pattern: RawAppendPattern) throws -> RawAppender {
        try perform("start the raw JetStream baseline") {
            try RawJetStreamAppender(jetStream, namespace: namespace, pattern: pattern)
        }
    }

    /// Messages the cluster acknowledged for appends of this process: JetStream stores and
    /// acknowledges each event on its own, so this counts events, not batches.
    public var appendCommitCount: UInt64 { appendSignal.acknowledgedMessages }

    /// What `createHub` accepts: the server's `max_payload` less room for hubsh's headers.
    public var largestEventSize: Int {
        min(HubSpec.maxEventSizeLimit, maxPayload - NATSEventLog.headerReserve)
    }
}
