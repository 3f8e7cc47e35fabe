import HubSamples

/// The names `publish --sample` takes, for completion.
enum SampleNames {
    static func all() -> [String] { SampleCatalog.names }
}
