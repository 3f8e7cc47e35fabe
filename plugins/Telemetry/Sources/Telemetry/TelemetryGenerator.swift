import HubPluginAPI

/// `publish HUB --generator iot [--devices N] [--profile P] [--interval S] [--anomaly-rate R]
/// [--sites N]`: readings of a fleet of devices, each keyed by its device id so that a device's
/// readings stay in order in one partition.
enum TelemetryGenerator {
    static let generator = PluginGenerator(
        "iot", summary: "sensor readings of a fleet of devices, keyed by device id",
        options: [
            PluginFlag("--devices", value: "N", "how many devices report (default 25)"),
            PluginFlag(
                "--profile", value: "NAME",
                "building, cold-chain, datacenter or mixed (default mixed)",
                completion: .words(Profile.names + ["mixed"])),
            PluginFlag(
                "--interval", value: "SECONDS", "mean time between two readings of a device"
                    + " (default 30)"),
            PluginFlag(
                "--anomaly-rate", value: "R",
                "share of readings with a spike or a sensor fault (default 0.002)"),
            PluginFlag("--sites", value: "N", "sites the devices are spread over (default 4)"),
        ],
        make: { request in
            let options = request.options
            let settings = FleetSettings(
                devices: try options.int("--devices", default: 25, range: 1...100_000),
                profile: try options.choice(
                    "--profile", among: Profile.names + ["mixed"], default: "mixed"),
                intervalMillis: Int64(
                    try options.double("--interval", default: 30, range: 0.01...86_400) * 1000),
                anomalyRate: try options.double("--anomaly-rate", default: 0.002, range: 0...1),
                sites: try options.int("--sites", default: 4, range: 1...10_000))
            // A seed repeats the same readings from a fixed start; otherwise they start now.
            let seed = request.seed ?? UInt64.random(in: .min ... .max)
            let start = request.seed == nil ? request.now : Fleet.referenceStart
            return Fleet(settings: settings, seed: seed, start: start)
        })
}
