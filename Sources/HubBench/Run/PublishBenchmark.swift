import HubCore
import Synchronization

/// `bench publish`: producers append events to a hub through `EventLog.append` as fast as
/// they can, each timing its own append calls.
public enum PublishBenchmark {
    /// Publishes `workload` to `hub` and measures it. Every event's latency is the duration of
    /// the append call that carried it.
    ///
    /// Producers run on threads of their own, each with its own histogram; the histograms are
    /// merged at the end. Throws the first error a producer hit, after all have stopped.
    public static func run(
        log: EventLog, hub: HubProperties, workload: PublishWorkload, control: RunControl,
        phase: String = "publish"
    ) throws -> BenchResult {
        ResidentMemory.resetPeak()
        let workers = Workers()
        let histograms = HistogramCollector()
        let engine = log as? EngineBenchmarks
        let commitsBefore = engine?.appendCommitCount
        let cyclesBefore = engine?.commitCycles
        let switchesBefore = ContextSwitches.sofar()

        let elapsed = try produce(
            log: log, hub: hub, workload: workload, rate: nil, stamped: false,
            workers: workers, histograms: histograms
        ) {
            Ticker.tick(workers, control, phase: phase, total: workload.events)
        }

        let events = workers.done.load(ordering: .relaxed)
        var result = BenchResult(
            benchmark: "publish", events: events, bytes: events * workload.bodySize,
            elapsedNanos: elapsed, latency: histograms.merged,
            latencyMeaning: "per event: the append call that carried it")
        if let before = commitsBefore, let after = engine?.appendCommitCount {
            result.commits = after - before
        }
        if let before = cyclesBefore, let after = engine?.commitCycles {
            result.cycles = after - before
        }
        if let before = switchesBefore, let after = ContextSwitches.sofar() {
            result.contextSwitches = after - before
        }
        result.interrupted = events < workload.events
        return result
    }

    /// Runs `workload.producers` producers on `workers`, each adding its histogram to
    /// `histograms`, plus `extra` more workers running `extraWork` (a consumer, for e2e).
    /// `producerDone` runs on each producer's thread when it stops. Returns the elapsed
    /// nanoseconds; throws the first error any worker hit.
    static func produce(
        log: EventLog, hub: HubProperties, workload: PublishWorkload, rate: Double?,
        stamped: Bool, workers: Workers, histograms: HistogramCollector,
        extra: Int = 0, extraWork: @escaping @Sendable (Int) throws -> Void = { _ in },
        tick: () -> Void, producerDone: @escaping @Sendable () -> Void = {}
    ) throws -> UInt64 {
        let failure = FirstError()
        let producerRate = rate.map { $0 / Double(workload.producers) }
        let keys = PartitionKeyTable(count: workload.keys, partitionCount: hub.partitionCount)
        let elapsed = workers.run(count: workload.producers + extra, name: "bench-worker") {
            index in
            do {
                if index >= workload.producers {
                    try extraWork(index - workload.producers)
                    return
                }
                defer { producerDone() }
                let producer = Producer(
                    log: log, hub: hub, workload: workload, index: index, keys: keys,
                    rate: producerRate, stamped: stamped)
                histograms.add(try producer.run(workers))
            } catch {
                failure.record(error)
                workers.stop.store(true, ordering: .relaxed)
            }
        } tick: {
            tick()
        }
        try failure.rethrow()
        return elapsed
    }
}

/// Gathers the histograms of worker threads and merges them.
final class HistogramCollector: Sendable {
    private let all = Mutex(LatencyHistogram())

    func add(_ histogram: LatencyHistogram) {
        all.withLock { $0.merge(histogram) }
    }

    var merged: LatencyHistogram {
        all.withLock { $0 }
    }
}

/// The calling thread's work between waits: pass on a stop request, report progress.
enum Ticker {
    static func tick(_ workers: Workers, _ control: RunControl, phase: String, total: Int) {
        if control.shouldStop() { workers.stop.store(true, ordering: .relaxed) }
        control.progress(
            RunControl.Progress(
                phase: phase, done: workers.done.load(ordering: .relaxed), total: total,
                elapsedNanos: workers.elapsedSoFar))
    }
}
