import CNATS

/// The JetStream API of one connection: streams, their messages, and consumers over them
/// (`natsConnection_JetStream`). Thread-safe, like the connection under it.
final class JetStream: @unchecked Sendable {
    let connection: NATSConnection
    let handle: OpaquePointer
    /// How long an API request (stream info, get, purge...) may wait for its answer.
    static let apiWaitMillis: Int64 = 5000

    init(_ connection: NATSConnection) throws {
        self.connection = connection
        var options = jsOptions()
        try NATSError.check(jsOptions_Init(&options))
        options.Wait = JetStream.apiWaitMillis
        var context: OpaquePointer?
        try NATSError.check(natsConnection_JetStream(&context, connection.handle, &options))
        handle = context!
    }

    deinit {
        jsCtx_Destroy(handle)
    }

    // MARK: - Streams

    /// Creates a stream (`js_AddStream`); creating one that exists with the same
    /// configuration is harmless.
    func addStream(_ config: StreamConfig) throws {
        var jsCode = jsErrCode(rawValue: 0)
        let status = config.withC { cfg in js_AddStream(nil, handle, cfg, nil, &jsCode) }
        try NATSError.check(status, jsCode: jsCode)
    }

    /// Replaces the configuration of an existing stream (`js_UpdateStream`), keeping its
    /// messages; a shorter `MaxAge` makes the server drop the messages it now expires. Updating
    /// a stream to the configuration it has is harmless. The server refuses changes it cannot
    /// make (the subject of another stream, say) with a JetStream error.
    func updateStream(_ config: StreamConfig) throws {
        var jsCode = jsErrCode(rawValue: 0)
        let status = config.withC { cfg in js_UpdateStream(nil, handle, cfg, nil, &jsCode) }
        try NATSError.check(status, jsCode: jsCode)
    }

    /// Deletes a stream with its messages (`js_DeleteStream`); a missing stream is not an
    /// error.
    func deleteStream(_ name: String) throws {
        var jsCode = jsErrCode(rawValue: 0)
        let status = js_DeleteStream(handle, name, nil, &jsCode)
        if status == NATS_NOT_FOUND || jsCode == JSStreamNotFoundErr { return }
        try NATSError.check(status, jsCode: jsCode)
    }

    /// The stream's counts and sequence range (`js_GetStreamInfo`); nil when it does not
    /// exist.
    func streamState(_ name: String) throws -> StreamState? {
        try withStreamInfo(name) { info in
            let state = info.State
            return StreamState(
                messages: state.Msgs, bytes: state.Bytes, firstSequence: state.FirstSeq,
                lastSequence: state.LastSeq, lastTimeNanos: state.LastTime)
        }
    }

    /// How long the stream keeps a message, in nanoseconds (`js_GetStreamInfo`'s `MaxAge`);
    /// nil when the stream does not exist.
    func streamMaxAge(_ name: String) throws -> Int64? {
        try withStreamInfo(name) { info in info.Config?.pointee.MaxAge ?? 0 }
    }

    /// The stream's leader and followers (`js_GetStreamInfo`'s cluster part); nil when the
    /// stream does not exist.
    func streamCluster(_ name: String) throws -> StreamCluster? {
        try withStreamInfo(name) { info in
            guard let cluster = info.Cluster?.pointee else {
                return StreamCluster(leader: nil, followers: [])
            }
            var followers: [StreamCluster.Peer] = []
            for index in 0..<Int(cluster.ReplicasLen) {
                guard let peer = cluster.Replicas?[index]?.pointee else { continue }
                followers.append(
                    StreamCluster.Peer(
                        name: peer.Name.map { String(cString: $0) } ?? "?",
                        current: peer.Current, offline: peer.Offline, lag: peer.Lag))
            }
            let leader = cluster.Leader.map { String(cString: $0) }
            return StreamCluster(
                leader: leader?.isEmpty == true ? nil : leader, followers: followers)
        }
    }

    /// Asks for the stream's info (`js_GetStreamInfo`) and reads it with `body`; nil when the
    /// stream does not exist.
    private func withStreamInfo<T>(_ name: String, _ body: (jsStreamInfo) -> T) throws -> T? {
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var jsCode = jsErrCode(rawValue: 0)
        let status = js_GetStreamInfo(&info, handle, name, nil, &jsCode)
        if status == NATS_NOT_FOUND || jsCode == JSStreamNotFoundErr { return nil }
        try NATSError.check(status, jsCode: jsCode)
        guard let info else { return nil }
        defer { jsStreamInfo_Destroy(info) }
        return body(info.pointee)
    }

    /// Removes the messages before `sequence` (`js_PurgeStream` with `Purge.Sequence`).
    func purge(_ name: String, before sequence: UInt64) throws {
        var options = jsOptions()
        jsOptions_Init(&options)
        options.Stream.Purge.Sequence = sequence
        var jsCode = jsErrCode(rawValue: 0)
        try NATSError.check(js_PurgeStream(handle, name, &options, &jsCode), jsCode: jsCode)
    }

    /// The message at `sequence`, or nil when there is none (purged, or past the end)
    /// (`js_GetMsg`, answered by the stream leader).
    func message(_ stream: String, sequence: UInt64) throws -> IncomingMessage? {
        var message: OpaquePointer?
        var jsCode = jsErrCode(rawValue: 0)
        let status = js_GetMsg(&message, handle, stream, sequence, nil, &jsCode)
        if jsCode == JSNoMessageFoundErr || status == NATS_NOT_FOUND { return nil }
        try NATSError.check(status, jsCode: jsCode)
        return message.map(IncomingMessage.init(taking:))
    }
}

/// What hubsh asks of a stream it creates.
struct StreamConfig {
    var name: String
    var subject: String
    var maxAgeNanos: Int64
    var maxMessageSize: Int
    var replicas: Int
    var duplicateWindowNanos: Int64
}

extension StreamConfig {
    /// Runs `body` with this configuration as libnats takes it, valid only during the call.
    /// Creating and updating a stream both go through here, so an update asks for exactly
    /// what a creation did, with only the changed values different.
    func withC<T>(_ body: (UnsafeMutablePointer<jsStreamConfig>) -> T) -> T {
        name.withCString { name in
            withCStrings([subject]) { subjects in
                var cfg = jsStreamConfig()
                jsStreamConfig_Init(&cfg)
                cfg.Name = name
                cfg.Subjects = subjects
                cfg.SubjectsLen = 1
                cfg.MaxAge = maxAgeNanos
                cfg.MaxMsgSize = Int32(clamping: maxMessageSize)
                cfg.Replicas = Int64(replicas)
                cfg.Duplicates = duplicateWindowNanos
                cfg.Storage = js_FileStorage
                cfg.Discard = js_DiscardOld
                cfg.AllowDirect = true
                return body(&cfg)
            }
        }
    }
}

/// A stream's state as `js_GetStreamInfo` reports it.
struct StreamState: Equatable {
    var messages: UInt64
    var bytes: UInt64
    /// The first stored sequence; `lastSequence + 1` when the stream is empty.
    var firstSequence: UInt64
    /// The last sequence ever given; 0 before the first message. Purges keep it.
    var lastSequence: UInt64
    var lastTimeNanos: Int64
}

/// Where a replicated stream lives: its leader and its followers.
struct StreamCluster: Equatable {
    var leader: String?
    var followers: [Peer]

    struct Peer: Equatable {
        var name: String
        var current: Bool
        var offline: Bool
        var lag: UInt64
    }
}
