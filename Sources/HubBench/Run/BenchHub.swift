import HubCore

/// The hub a benchmark runs on: a throwaway hub made for the run and deleted after it, or an
/// existing hub given with `--hub`, which is kept.
public struct BenchHub: Sendable {
    public let properties: HubProperties
    /// True when the hub was made for this run and `finish` deletes it.
    public let isThrowaway: Bool

    public var name: String { properties.name }

    public init(properties: HubProperties, isThrowaway: Bool) {
        self.properties = properties
        self.isThrowaway = isThrowaway
    }

    /// The existing hub `name`, or a new throwaway hub `bench-PID-XXXXXXXX` (see
    /// `ThrowawayHubName`) with `partitions` partitions whose maximum event size holds
    /// `largestBatchBytes`.
    ///
    /// A run that `writes` refuses an existing hub with a schema bound: its sample bodies go
    /// straight to the log, past the validation every `publish` to that hub gets. A batch
    /// larger than the hub takes, or for a throwaway hub larger than the engine allows, is
    /// refused before anything is made; when one event of `largestEventBytes` is already too
    /// large, the refusal says so, since a smaller batch cannot help then.
    ///
    /// A throwaway hub keeps events a day, and is deleted by `finish`; a run that is killed
    /// leaves it behind, and the next run sweeps it (`BenchLeftovers`).
    public static func prepare(
        log: EventLog, existing name: String?, partitions: Int, largestBatchBytes: Int,
        largestEventBytes: Int, writes: Bool = true
    ) throws -> BenchHub {
        if let name {
            let properties = try log.hub(named: name)
            if writes, let schema = properties.schema {
                throw BenchRefusal.schemaBound(hub: name, schema: schema.qualifiedName)
            }
            if writes && largestEventBytes > properties.maxEventSize {
                throw BenchRefusal.eventTooLarge(
                    hub: name, bytes: largestEventBytes, max: properties.maxEventSize)
            }
            if writes && largestBatchBytes > properties.maxEventSize {
                throw BenchRefusal.batchTooLarge(
                    hub: name, bytes: largestBatchBytes, max: properties.maxEventSize)
            }
            return BenchHub(properties: properties, isThrowaway: false)
        }
        let limit = largestEventSize(of: log)
        if largestEventBytes > limit {
            throw BenchRefusal.eventTooLargeForEngine(bytes: largestEventBytes, max: limit)
        }
        if largestBatchBytes > limit {
            throw BenchRefusal.batchTooLargeForEngine(bytes: largestBatchBytes, max: limit)
        }
        let spec = HubSpec(
            name: ThrowawayHubName.make(), partitionCount: partitions,
            retentionMillis: 86_400_000,
            maxEventSize: min(max(HubSpec.defaultMaxEventSize, largestBatchBytes), limit))
        return BenchHub(properties: try log.createHub(spec), isThrowaway: true)
    }

    /// The largest event or batch a hub of `log`'s engine takes.
    public static func largestEventSize(of log: EventLog) -> Int {
        (log as? EngineBenchmarks)?.largestEventSize ?? HubSpec.maxEventSizeLimit
    }

    /// Deletes the hub when it was made for the run.
    public func finish(log: EventLog) throws {
        if isThrowaway { try log.deleteHub(named: name) }
    }
}

/// Why a benchmark will not run on the hub it was given.
public enum BenchRefusal: Error, CustomStringConvertible, Equatable {
    case schemaBound(hub: String, schema: String)
    case batchTooLarge(hub: String, bytes: Int, max: Int)
    /// One event of the run is over the hub's maximum event size, whatever the batch.
    case eventTooLarge(hub: String, bytes: Int, max: Int)
    /// One event of the run is over the most a hub of the engine takes.
    case eventTooLargeForEngine(bytes: Int, max: Int)
    /// A throwaway hub cannot be made large enough for a batch of the run.
    case batchTooLargeForEngine(bytes: Int, max: Int)
    /// The run would store more than the engine's disk has free.
    case notEnoughRoom(needed: Int64, free: Int64)

    public var description: String {
        switch self {
        case .schemaBound(let hub, let schema):
            "hub '\(hub)' validates its events against '\(schema)', and a benchmark writes"
                + " sample bodies that skip validation; run it on a throwaway hub (leave out"
                + " --hub) or on a hub without a schema"
        case .batchTooLarge(let hub, let bytes, let max):
            "a batch of this run is \(ByteSize.format(Int64(bytes))), over the maximum size of"
                + " hub '\(hub)' (\(ByteSize.format(Int64(max)))); use a smaller --batch or --size"
        case .eventTooLarge(let hub, let bytes, let max):
            "an event of this run is \(ByteSize.format(Int64(bytes))), over the maximum event"
                + " size of hub '\(hub)' (\(ByteSize.format(Int64(max)))); use a smaller --size,"
                + " or a hub with a larger --max-event-size"
        case .eventTooLargeForEngine(let bytes, let max):
            "an event of this run is \(ByteSize.format(Int64(bytes))), over the most a hub of"
                + " this event log takes (\(ByteSize.format(Int64(max)))); use a smaller --size"
        case .batchTooLargeForEngine(let bytes, let max):
            "a batch of this run is \(ByteSize.format(Int64(bytes))), over the most a hub of"
                + " this event log takes (\(ByteSize.format(Int64(max)))); use a smaller --batch"
                + " or --size"
        case .notEnoughRoom(let needed, let free):
            "this run would store about \(ByteSize.format(needed)), more than the"
                + " \(ByteSize.format(free)) free for the event log; use fewer --events or a"
                + " smaller --size, or free disk space"
        }
    }
}
