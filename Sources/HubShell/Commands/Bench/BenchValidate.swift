import Foundation
import HubBench
import HubCore
import HubSamples

/// `bench validate SCHEMA --sample STREAM`: how many events a second a registered schema
/// validates, on events of a sample value stream.
enum BenchValidate {
    /// Distinct events generated before the run; the run cycles through them.
    static let distinctEvents = 10_000

    static let command = Command(
        CommandSpec(
            ["bench", "validate"], summary: "measure the validation rate of a schema",
            details: [
                "Validates events of a sample value stream against a registered schema, as"
                    + " publish does to a hub with that schema bound: the body is parsed and"
                    + " checked (for Avro, encoded), with the schema compiled once before the"
                    + " run. The events are made before the clock starts; the run cycles"
                    + " through \(Figures.grouped(distinctEvents)) of them.",
                "Reports events/s, MB/s and the latency of one validation. Invalid events"
                    + " count too; their number is reported.",
            ],
            positionals: [Positional("SCHEMA", "the schema, as GROUP/NAME",
                                     completion: SchemaCompletion.qualified)],
            flags: [
                Flag("--sample", value: "NAME", "events from this sample value stream",
                     required: true, completion: .sample),
                Flag("--version", short: "-v", value: "V", "this version (default latest)"),
                BenchFlags.events(default: 200_000),
                Flag("--threads", value: "T", "threads validating at once (default 1)"),
            ],
            examples: [
                "bench validate kestrel/orders --sample orders",
                "bench validate kestrel/clickstream --sample clickstream --threads 2 --json",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let session = BenchSession(context: context, arguments: arguments)
        let count = try arguments.int(
            "--events", default: 200_000, range: 1...BenchFlags.maxEvents)
        let threads = try arguments.int("--threads", default: 1, range: 1...64)
        if threads > count {
            throw arguments.usageError(
                "--threads \(threads) is more than the \(Figures.count(count, "event")),"
                    + " so some would have nothing to validate; give at most one per event")
        }
        let (group, name): (String, String)
        do {
            (group, name) = try Names.splitQualified(arguments.string(at: 0))
        } catch let error as RegistryError {
            throw arguments.usageError(error.description, at: arguments.positional(0))
        }
        let registry = try SchemaCatalog.registry(context)
        let version = try registry.schemaVersion(
            group: group, name: name, version: try SchemaCatalog.requestedVersion(arguments))
        let schema = try context.schemas.compiled(version, registry: registry)
        guard let sample = arguments.token("--sample") else {
            throw arguments.usageError("give the events to validate with --sample NAME")
        }
        let stream: ValueStream
        do {
            stream = try SampleCatalog.lookup(sample.text)
        } catch let error as SampleError {
            throw arguments.usageError(error.description, at: sample)
        }
        var generator = SampleGenerator(stream: stream, seed: 1)
        let bodies = generator.next(min(count, distinctEvents)).map(\.body)
        let invalid = InvalidCount()
        let averageSize = bodies.reduce(0) { $0 + $1.count } / max(1, bodies.count)
        let result = try session.measuring {
            try OperationBenchmark.run(
                name: "validate", count: count, threads: threads, bytesPerEvent: averageSize,
                control: session.control()
            ) { index in
                if case .invalid = schema.check(bodies[index % bodies.count]) { invalid.add() }
            }
        }
        BenchReport(
            summary: "\(Figures.grouped(count)) '\(stream.hub)'"
                + " event\(count == 1 ? "" : "s") of about " + Figures.count(averageSize, "byte")
                + " against '\(version.qualifiedName)' version \(version.version), "
                + Figures.count(threads, "thread"),
            settings: [
                ("schema", .string(version.qualifiedName)), ("version", .int(version.version)),
                ("sample", .string(stream.hub)), ("events", .int(count)),
                ("threads", .int(threads)),
            ],
            hub: nil, result: result, reference: nil,
            extraJSON: [("invalid", .int(invalid.value))],
            extraLines: [("invalid", Figures.grouped(invalid.value))]
        ).print(to: context.output, json: session.json)
    }
}

/// Invalid events counted by the threads of one `bench validate` run.
final class InvalidCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
