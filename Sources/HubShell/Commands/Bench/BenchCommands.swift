/// The `bench` family: mini-benchmarks of the event log, run from the shell.
///
/// Each runs on a throwaway hub (or `--hub`), reports events/s, MB/s, latency percentiles from
/// an HDR-style histogram and a chart of them, or one JSON object with `--json`, and shows a
/// progress line on stderr while it runs on a terminal. The measuring lives in `HubBench`;
/// these commands read flags and render results.
enum BenchCommands {
    ///
    /// The commands that make throwaway hubs or scratch files stop on SIGTERM and SIGHUP as on
    /// Ctrl-C, so that they remove them (`TerminationSignals`).
    static let all: [Command] = [
        TerminationSignals.stopping(BenchPublish.command),
        TerminationSignals.stopping(BenchRead.command),
        TerminationSignals.stopping(BenchEndToEnd.command),
        TerminationSignals.stopping(BenchBaseline.command),
        BenchValidate.command,
    ]
}
