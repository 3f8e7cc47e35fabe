import HubBench
import HubCore

/// What every bench command does around its measurement: the hub it runs on, the progress
/// line, Ctrl-C, and the engine's raw baseline.
struct BenchSession {
    let context: ShellContext
    let arguments: Arguments

    /// Shows a progress line once a run has taken this long.
    static let progressAfterNanos: UInt64 = 500_000_000

    var json: Bool { context.output.wantsJSON(arguments) }

    /// Stops on Ctrl-C and keeps a progress line on stderr while a long run goes on (on a
    /// terminal only: `Output.progress` shows nothing elsewhere).
    func control() -> RunControl {
        let output = context.output
        return RunControl(
            shouldStop: { [context] in context.isInterrupted },
            progress: { progress in
                guard progress.elapsedNanos >= BenchSession.progressAfterNanos else { return }
                output.progress(BenchSession.describe(progress))
            })
    }

    /// `publish  45,000/100,000 events  45%  38,100 events/s  1.18 s`
    static func describe(_ progress: RunControl.Progress) -> String {
        let seconds = Double(progress.elapsedNanos) / 1e9
        let share = progress.total > 0 ? 100 * progress.done / progress.total : 0
        let rate = seconds > 0 ? Double(progress.done) / seconds : 0
        return "\(progress.phase)  \(Figures.grouped(progress.done))/"
            + "\(Figures.grouped(progress.total)) events  \(share)%  \(Figures.rate(rate))"
            + " events/s  \(Figures.decimal(seconds, places: 1)) s"
    }

    /// What every run does before it makes anything: sweeps what killed runs left behind
    /// (`BenchLeftovers`), saying in a line what it removed or found, then refuses a run that
    /// would store `workloads` (all at once) in more space than the engine has free.
    func prepare(storing workloads: [PublishWorkload]) throws {
        let leftovers = BenchLeftovers.sweep(log: context.log)
        if let removed = leftovers.removalSummary { context.output.note(removed) }
        if let kept = leftovers.keptSummary { context.output.note(kept) }
        try BenchRoom.check(log: context.log, storing: workloads)
    }

    /// Runs `body` on the hub given with `--hub`, or on a throwaway hub that is deleted
    /// afterwards, whether `body` succeeds or not. A run that `writes` refuses a hub with a
    /// schema bound.
    func withHub<T>(
        partitions: Int, largestBatchBytes: Int, largestEventBytes: Int, writes: Bool = true,
        _ body: (BenchHub) throws -> T
    ) throws -> T {
        let hub = try BenchHub.prepare(
            log: context.log, existing: arguments.string("--hub"), partitions: partitions,
            largestBatchBytes: largestBatchBytes, largestEventBytes: largestEventBytes,
            writes: writes)
        defer {
            context.output.clearProgress()
            if hub.isThrowaway {
                context.output.progress("removing the throwaway hub '\(hub.name)'")
                do {
                    try hub.finish(log: context.log)
                } catch {
                    context.output.warning(
                        "could not remove the throwaway hub '\(hub.name)': \(error);"
                            + " remove it with 'hub delete \(hub.name)'")
                }
                context.output.clearProgress()
            }
        }
        return try body(hub)
    }

    /// The log's engine benchmarks, or a failure that says in one line that its engine has no
    /// raw baseline.
    func engine() throws -> EngineBenchmarks {
        guard let engine = context.log as? EngineBenchmarks else {
            throw CommandFailure(
                "the event log of this namespace has no raw baseline to compare with;"
                    + " only the embedded LMDB log has one")
        }
        return engine
    }

    /// Runs `measure` and removes its progress line afterwards.
    func measuring<T>(_ measure: () throws -> T) rethrows -> T {
        defer { context.output.clearProgress() }
        return try measure()
    }
}
