import HubCore
import Synchronization

/// `bench e2e`: producers publish at a steady rate while a consumer tails the hub; each event
/// is timed from the start of the append call that published it to its delivery.
public enum EndToEndBenchmark {
    /// Who publishes: producer threads of this process, or another process.
    public enum Publishers {
        case inProcess
        /// Another process publishes the workload. `run` launches it once the consumer is
        /// ready and returns when it has exited: what it published, or nil when it was
        /// stopped before it could tell; it throws when the process failed. `stop` ends the
        /// process at once; it is called on the calling thread, while `run` waits on a worker
        /// thread, when the run is told to stop (Ctrl-C) or the consumer failed.
        case external(
            run: @Sendable () throws -> EndToEndResult.Publishing?, stop: @Sendable () -> Void)
    }

    /// Runs `workload` on `hub` and measures it. The delivery's events per second count
    /// delivered events from the first publish to the last delivery.
    public static func run(
        log: EventLog, hub: HubProperties, workload: EndToEndWorkload, publishers: Publishers,
        control: RunControl
    ) throws -> EndToEndResult {
        let expected = workload.publish.events
        let consumer = try LatencyConsumer(
            log: log, hub: hub, expected: expected, workload: workload)
        ResidentMemory.resetPeak()
        let workers = Workers()
        let histograms = HistogramCollector()
        let tick = {
            if control.shouldStop() { workers.stop.store(true, ordering: .relaxed) }
            control.progress(
                RunControl.Progress(
                    phase: "e2e", done: consumer.delivered.load(ordering: .relaxed),
                    total: expected, elapsedNanos: workers.elapsedSoFar))
        }

        // What the publishers published, as far as this process can tell.
        let publishing: EndToEndResult.Publishing?
        switch publishers {
        case .inProcess:
            let tally = ProducerTally(producers: workload.publish.producers)
            _ = try PublishBenchmark.produce(
                log: log, hub: hub, workload: workload.publish, rate: workload.rate,
                stamped: true, workers: workers, histograms: histograms, extra: 1,
                extraWork: { _ in try consumer.run(workers) }, tick: tick,
                producerDone: {
                    // The last producer to stop reads the count after every other one added
                    // to it: the tally's lock orders their additions before this read.
                    if tally.finishOne() {
                        consumer.publishersFinished(
                            published: workers.done.load(ordering: .relaxed))
                    }
                })
            let end = tally.endNanos
            let published = workers.done.load(ordering: .relaxed)
            publishing = EndToEndResult.Publishing(
                events: published,
                elapsedNanos: max(
                    end > workers.startNanos ? end - workers.startNanos : 0,
                    workload.pacedNanos(events: published)))
        case .external(let runPublisher, let stopPublisher):
            let failure = FirstError()
            let reported = ReportedPublishing()
            var stopped = false
            _ = workers.run(count: 2, name: "bench-e2e") { index in
                do {
                    if index == 0 {
                        try consumer.run(workers)
                        return
                    }
                    var publishing: EndToEndResult.Publishing?
                    defer { consumer.publishersFinished(published: publishing?.events) }
                    publishing = try runPublisher()
                    reported.set(publishing)
                } catch {
                    failure.record(error)
                    workers.stop.store(true, ordering: .relaxed)
                }
            } tick: {
                tick()
                // The other process does not see this process's Ctrl-C: stop it here.
                if workers.shouldStop && !stopped {
                    stopped = true
                    stopPublisher()
                }
            }
            try failure.rethrow()
            publishing = reported.value
        }

        // The delivery's span runs from the first publish to the last delivery, and is at
        // least the paced span of the events delivered.
        let delivered = consumer.delivered.load(ordering: .relaxed)
        let first = consumer.firstStamp ?? consumer.lastDelivery
        let span = consumer.lastDelivery > first ? consumer.lastDelivery - first : 0
        var result = BenchResult(
            benchmark: "e2e", events: delivered, bytes: consumer.bytes,
            elapsedNanos: delivered > 0 ? max(span, workload.pacedNanos(events: delivered)) : 0,
            latency: consumer.histogram,
            latencyMeaning: "per event: from its append call to its delivery to the consumer")
        // Missing: published yet never delivered. Events a stopped run never published are
        // not missing; nor, when the publishers could not count, any event at all.
        result.missing = max(0, (publishing?.events ?? delivered) - delivered)
        result.interrupted = workers.shouldStop
        return EndToEndResult(delivery: result, askedRate: workload.rate, publishing: publishing)
    }

    /// The publishing side alone, for a run whose consumer is another process: the producers
    /// of `workload` publish stamped events to `hub` at `workload.rate`. Latency values are
    /// append calls, as in `PublishBenchmark`.
    public static func publish(
        log: EventLog, hub: HubProperties, workload: EndToEndWorkload, control: RunControl
    ) throws -> BenchResult {
        ResidentMemory.resetPeak()
        let workers = Workers()
        let histograms = HistogramCollector()
        let elapsed = try PublishBenchmark.produce(
            log: log, hub: hub, workload: workload.publish, rate: workload.rate, stamped: true,
            workers: workers, histograms: histograms
        ) {
            Ticker.tick(workers, control, phase: "e2e publish", total: workload.publish.events)
        }
        let events = workers.done.load(ordering: .relaxed)
        var result = BenchResult(
            benchmark: "e2e-publish", events: events, bytes: events * workload.publish.bodySize,
            elapsedNanos: max(elapsed, workload.pacedNanos(events: events)),
            latency: histograms.merged,
            latencyMeaning: "per event: the append call that carried it")
        result.interrupted = events < workload.publish.events
        return result
    }
}

/// Counts the producers that stopped, so that the last one can tell the consumer, and notes
/// when that was.
private final class ProducerTally: Sendable {
    private let state: Mutex<(left: Int, endNanos: UInt64)>

    init(producers: Int) {
        state = Mutex((producers, 0))
    }

    /// Counts one producer as stopped; true for the last one.
    func finishOne() -> Bool {
        state.withLock { state in
            state.left -= 1
            if state.left == 0 { state.endNanos = MonotonicClock.nanos() }
            return state.left == 0
        }
    }

    /// When the last producer stopped, in nanoseconds of `MonotonicClock`; 0 before.
    var endNanos: UInt64 { state.withLock { $0.endNanos } }
}

/// What the other process said it published, handed from the thread that waited for it.
private final class ReportedPublishing: Sendable {
    private let stored = Mutex<EndToEndResult.Publishing?>(nil)

    func set(_ publishing: EndToEndResult.Publishing?) {
        stored.withLock { $0 = publishing }
    }

    var value: EndToEndResult.Publishing? { stored.withLock { $0 } }
}
