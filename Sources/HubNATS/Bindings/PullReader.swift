import CNATS

/// Reads one stream from a start sequence on, in order, through an ephemeral pull consumer
/// (`js_PullSubscribe`, `natsSubscription_FetchRequest`). Used by one thread at a time.
///
/// The consumer acknowledges nothing, lives in memory, and is removed by the server after
/// `inactiveNanos` without a fetch, so a reader that is dropped without `close` costs the
/// cluster nothing for long.
final class PullReader {
    let stream: String
    private let handle: OpaquePointer
    /// The stream sequence the next fetched message will have, if nothing was purged.
    private(set) var nextSequence: UInt64
    static let inactiveNanos: Int64 = 30_000_000_000

    init(_ jetStream: JetStream, stream: String, subject: String, from sequence: UInt64) throws {
        self.stream = stream
        self.nextSequence = sequence
        var sub: OpaquePointer?
        var jsCode = jsErrCode(rawValue: 0)
        let status = stream.withCString { streamName in
            var options = jsSubOptions()
            jsSubOptions_Init(&options)
            options.Stream = streamName
            options.Config.DeliverPolicy = js_DeliverByStartSequence
            options.Config.OptStartSeq = max(1, sequence)
            options.Config.AckPolicy = js_AckNone
            options.Config.InactiveThreshold = PullReader.inactiveNanos
            options.Config.MemoryStorage = true
            options.Config.Replicas = 1
            return js_PullSubscribe(&sub, jetStream.handle, subject, nil, nil, &options, &jsCode)
        }
        try NATSError.check(status, jsCode: jsCode)
        handle = sub!
    }

    deinit {
        close()
        natsSubscription_Destroy(handle)
    }

    /// Removes the consumer (`natsSubscription_Unsubscribe`). Closing twice is harmless.
    func close() {
        guard natsSubscription_IsValid(handle) else { return }
        natsSubscription_Unsubscribe(handle)
    }

    /// Up to `count` messages that are stored now, at most about `maxBytes` of them; returns
    /// at once with what there is (a `NoWait` fetch), or, with `waitMillis`, as soon as there
    /// is something and at the latest after that long.
    func fetch(count: Int, maxBytes: Int, waitMillis: Int64? = nil) throws -> [IncomingMessage] {
        var request = jsFetchRequest()
        jsFetchRequest_Init(&request)
        request.Batch = Int32(clamping: count)
        request.MaxBytes = Int64(maxBytes)
        request.NoWait = waitMillis == nil
        request.Expires = (waitMillis ?? JetStream.apiWaitMillis) * 1_000_000
        var list = natsMsgList()
        let status = natsSubscription_FetchRequest(&list, handle, &request)
        if status == NATS_TIMEOUT || status == NATS_NOT_FOUND { return [] }
        try NATSError.check(status)
        defer { natsMsgList_Destroy(&list) }
        var messages: [IncomingMessage] = []
        messages.reserveCapacity(Int(list.Count))
        for index in 0..<Int(list.Count) {
            guard let message = list.Msgs[index] else { continue }
            // The list no longer owns what is taken out of it.
            list.Msgs[index] = nil
            let incoming = IncomingMessage(taking: message)
            if let position = incoming.streamPosition() { nextSequence = position.sequence + 1 }
            messages.append(incoming)
        }
        return messages
    }
}
