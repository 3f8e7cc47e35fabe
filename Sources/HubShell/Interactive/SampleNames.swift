import HubSamples

/// The names Tab offers after `--sample`: the twenty stream names that `publish --sample` help
/// and its errors list. The shorter aliases (`telemetry`, `clicks`) are still accepted when
/// typed, but offering them too would double the list with names documented nowhere.
enum SampleNames {
    static func all() -> [String] { SampleCatalog.hubNames }
}
