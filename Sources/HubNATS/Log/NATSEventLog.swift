import Foundation
import HubCore

/// The event log on a NATS JetStream cluster: every hub of one namespace as streams, one per
/// partition, with hub records, consumer groups, checkpoints and schemas in key-value buckets.
///
/// Several hubsh processes may use one namespace at the same time; they coordinate through
/// the cluster alone (conditional writes on streams and buckets), never through this process.
///
/// Thread-safety: every method may be called from any thread at the same time. One NATS
/// connection carries all calls; libnats delivers its callbacks on its own threads.
///
///     let log = try NATSEventLog.open(address: "nats://127.0.0.1:4222/dev")
///     _ = try log.createHub(HubSpec(name: "orders", replicas: 3))
///
/// Caveats, each with what to do:
/// - An append of several events is not atomic: JetStream stores messages one by one. hubsh
///   chains a batch's messages so that they land in order in their partition, retries what
///   is safe to retry, and when part of a batch still fails it throws
///   `HubError.partiallyAppended` naming exactly the events that landed. When another
///   publisher appends to the partition in the middle of the chain, the rest of the batch
///   lands after that publisher's events: in order, but not adjacent.
/// - Enqueued times come from the clock of the publishing hubsh and never go back within a
///   partition while every publisher of it is hubsh; compare times across machines only as
///   closely as their clocks agree.
/// - Offsets are sequence numbers on this engine (JetStream numbers messages, not bytes).
/// - Checkpoint writes of several partitions are one write per partition, not one
///   transaction: a crash between them leaves some partitions at the old checkpoint.
/// - Durability: an acknowledged event is stored by a majority of the stream's replicas; each
///   server flushes to disk on its own schedule (`sync_interval`), for `.durable` as for
///   `.noSync`.
public final class NATSEventLog: EventLog, @unchecked Sendable {
    public let namespace: String
    public let address: NATSAddress
    let options: Options
    let connection: NATSConnection
    let jetStream: JetStream
    let naming: Naming
    let hubsBucket: KeyValueBucket
    let groupsBucket: KeyValueBucket
    let checkpointsBucket: KeyValueBucket
    let schemasBucket: KeyValueBucket

    let hubCache = HubCache()
    let tips = TipCache()
    let readers = ReaderCache()
    let turns = StreamTurns()
    let appendSignal = NATSAppendSignal()

    /// What a log can be told besides its address.
    public struct Options: Sendable {
        /// Milliseconds since the epoch: creation times, enqueued times, checkpoint times.
        public var clock: @Sendable () -> Int64
        /// Copies of each bucket: at most this many, fewer on a smaller cluster.
        public var bucketReplicas: Int
        /// How long a publish waits for its acknowledgements before sending again.
        public var ackTimeoutMillis: Int64
        /// How long a publish goes on sending again after acknowledgements went missing,
        /// counted from the first send that went unanswered: long enough by default to ride
        /// out a leader election or a reconnect. Sends are paced 0.1 s apart, doubling to 3.2 s,
        /// whether the acknowledgements time out or the connection fails them at once.
        public var resendWindowMillis: Int64
        /// How long a read keeps trying while the cluster has no leader for what it reads.
        public var readRetryMillis: Int64
        /// Asked between retries: true stops retrying at once (Ctrl-C in the shell).
        public var isInterrupted: @Sendable () -> Bool = { false }
        /// The pause between attempts to reconnect a lost connection; attempts never end.
        public var reconnectWaitMillis = NATSConnection.reconnectWaitMillis

        public init(
            clock: @escaping @Sendable () -> Int64 = { Timestamp.now() }, bucketReplicas: Int = 3,
            ackTimeoutMillis: Int64 = 5000, resendWindowMillis: Int64 = 40_000,
            readRetryMillis: Int64 = 30_000
        ) {
            self.clock = clock
            self.bucketReplicas = bucketReplicas
            self.ackTimeoutMillis = ackTimeoutMillis
            self.resendWindowMillis = resendWindowMillis
            self.readRetryMillis = readRetryMillis
        }
    }

    private init(address: NATSAddress, options: Options, connection: NATSConnection) throws {
        self.address = address
        self.namespace = address.namespace
        self.options = options
        self.connection = connection
        self.naming = Naming(namespace: address.namespace)
        jetStream = try JetStream(connection)
        let replicas = options.bucketReplicas
        hubsBucket = try KeyValueBucket(jetStream, name: naming.hubsBucket, replicas: replicas)
        groupsBucket = try KeyValueBucket(
            jetStream, name: naming.groupsBucket, replicas: replicas)
        checkpointsBucket = try KeyValueBucket(
            jetStream, name: naming.checkpointsBucket, replicas: replicas)
        schemasBucket = try KeyValueBucket(
            jetStream, name: naming.schemasBucket, replicas: replicas)
    }

    deinit {
        close()
    }

    // MARK: - Opening and closing

    /// Connects to the cluster at `address` (`nats://HOST:PORT[,HOST:PORT...][/NAMESPACE]`)
    /// and opens the namespace's buckets, creating them on first use.
    ///
    /// A bad address throws `EngineTargetError`; a cluster that does not answer throws
    /// `HubError.engineUnavailable`, each as one line.
    public static func open(address: String) throws -> NATSEventLog {
        try open(address: NATSAddress.parse(address), options: Options())
    }

    public static func open(address: NATSAddress, options: Options = Options()) throws
        -> NATSEventLog
    {
        let connection: NATSConnection
        do {
            connection = try NATSConnection.connect(
                servers: address.serverURLs, reconnectWaitMillis: options.reconnectWaitMillis)
        } catch let error as NATSError {
            throw ErrorMapping.unreachable(address, error)
        }
        // Right after a server died the buckets may have no leader for a few seconds: opening
        // only reads or creates them, so it is tried again as reads are.
        do {
            return try retryingTransient(options) {
                try NATSEventLog(address: address, options: options, connection: connection)
            }
        } catch let error as NATSError {
            connection.close()
            throw ErrorMapping.hubError(
                for: error, address: address, action: "open namespace '\(address.namespace)'")
        }
    }

    /// Closes the connection; later calls throw `HubError.engineUnavailable`. Closing twice
    /// is harmless.
    public func close() {
        readers.closeAll()
        appendSignal.stop()
        connection.close()
    }

    /// The largest message the cluster takes, headers included.
    public var maxPayload: Int { connection.maxPayload }

    // MARK: - Running operations

    /// Runs one public operation and turns what NATS throws into a one-line `HubError` that
    /// names `action`, such as "read hub 'orders'". Other errors pass through unchanged.
    func perform<T>(_ action: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NATSError {
            throw ErrorMapping.hubError(for: error, address: address, action: action())
        }
    }

    /// Runs `body`, which must do no harm when run twice (a read, or writing checkpoints to
    /// given values), trying again while the cluster is between leaders.
    ///
    /// A failure that `retrySafe` calls passing (a timeout,
    /// no responders, a stream without a leader) is retried after 0.1 s, doubling to 3.2 s,
    /// until `options.readRetryMillis` have passed; then it is reported as `perform` does.
    /// A tail or a consume running through a failover thus goes on by itself.
    func performRetrying<T>(_ action: @autoclosure () -> String, _ body: () throws -> T) throws
        -> T
    {
        do {
            return try retryingTransient(body)
        } catch let error as NATSError {
            throw ErrorMapping.hubError(for: error, address: address, action: action())
        }
    }

    /// Runs `body` again after each failure that `retrySafe` calls passing, pausing 0.1 s,
    /// doubling to 3.2 s, until `options.readRetryMillis` have passed; then rethrows. Only
    /// for work that does no harm when done twice.
    func retryingTransient<T>(_ body: () throws -> T) throws -> T {
        try NATSEventLog.retryingTransient(options, body)
    }

    /// `retryingTransient` with the given options, for work done before a log exists.
    static func retryingTransient<T>(_ options: Options, _ body: () throws -> T) throws -> T {
        let deadline = MonotonicClock.millis() + options.readRetryMillis
        var pause: UInt32 = 100_000
        while true {
            do {
                return try body()
            } catch let error as NATSError
                where error.retrySafe && MonotonicClock.millis() + Int64(pause / 1000) < deadline
                    && !options.isInterrupted()
            {
                // Pause in short steps, so that an interrupt is noticed within 50 ms.
                var slept: UInt32 = 0
                while slept < pause && !options.isInterrupted() {
                    usleep(min(50_000, pause - slept))
                    slept += 50_000
                }
                pause = min(pause * 2, 3_200_000)
            }
        }
    }

    /// The hub record called `name` in any case (its key is the folded name), from the
    /// cluster; `hubNotFound` when none.
    func requireHub(_ name: String) throws -> HubRecord {
        guard let entry = try hubsBucket.get(Naming.hubKey(name)) else {
            throw HubError.hubNotFound(name)
        }
        let record = try HubRecord(bytes: entry.value)
        hubCache.store(record, now: MonotonicClock.millis())
        return record
    }

    /// The hub record for reading and publishing: from the cache when it is recent. A
    /// record that went stale is noticed by its streams being gone (see `streamMissing`).
    func cachedHub(_ name: String) throws -> HubRecord {
        if let record = hubCache.find(name, now: MonotonicClock.millis()) { return record }
        return try requireHub(name)
    }

    /// What to throw when a stream of `record` is missing: the hub was deleted (or replaced)
    /// when the record on the cluster is gone or has another incarnation.
    func streamMissing(_ record: HubRecord, partition: Int) -> Error {
        hubCache.forget(record.name)
        guard let current = try? requireHub(record.name) else {
            return HubError.hubNotFound(record.name)
        }
        if current.incarnation != record.incarnation { return HubError.hubReplaced(record.name) }
        return HubError.storage(
            "partition \(partition) of hub '\(record.name)' has no stream on the NATS cluster"
                + " (removed outside hubsh?); delete the hub and create it again")
    }

    func stream(_ record: HubRecord, _ partition: Int) -> String {
        naming.stream(hub: record.name, incarnation: record.incarnation, partition: partition)
    }

    func subject(_ record: HubRecord, _ partition: Int) -> String {
        naming.subject(incarnation: record.incarnation, partition: partition)
    }

    /// The partition's state, from its stream; throws when the stream is gone.
    func partitionState(_ record: HubRecord, _ partition: Int) throws
        -> (state: PartitionState, stream: StreamState)
    {
        guard let stream = try jetStream.streamState(stream(record, partition)) else {
            throw streamMissing(record, partition: partition)
        }
        let next = Int64(stream.lastSequence)
        let first = stream.messages == 0 ? next : Int64(stream.firstSequence) - 1
        var state = PartitionState(
            partition: partition, firstSequenceNumber: first, nextSequenceNumber: next,
            nextOffset: next, bytes: Int64(stream.bytes), lastEnqueuedTime: nil)
        if stream.lastSequence > 0 {
            state.lastEnqueuedTime = try lastEnqueuedTime(record, partition, stream)
        }
        return (state, stream)
    }

    /// The enqueued time of the partition's last event: known when this process published or
    /// saw it last, else read from the message (or the stream's clock when it was purged).
    private func lastEnqueuedTime(_ record: HubRecord, _ partition: Int, _ stream: StreamState)
        throws -> Int64
    {
        let name = self.stream(record, partition)
        if let tip = tips.find(name), tip.sequence == stream.lastSequence { return tip.time }
        let fallback = stream.lastTimeNanos / 1_000_000
        guard let message = try jetStream.message(name, sequence: stream.lastSequence) else {
            return fallback
        }
        let time = message.header(EventHeaders.time).flatMap { Int64($0) } ?? fallback
        tips.advance(name, to: Tip(sequence: stream.lastSequence, time: time))
        return time
    }
}
