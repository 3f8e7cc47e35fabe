/// The `bench` family: mini-benchmarks of the event log, run from the shell.
///
/// Each runs on a throwaway hub (or `--hub`), reports events/s, MB/s, latency percentiles from
/// an HDR-style histogram and a chart of them, or one JSON object with `--json`, and shows a
/// progress line on stderr while it runs on a terminal. The measuring lives in `HubBench`;
/// these commands read flags and render results.
enum BenchCommands {
    static let all: [Command] = [
        BenchPublish.command, BenchRead.command, BenchEndToEnd.command, BenchBaseline.command,
        BenchValidate.command,
    ]
}
