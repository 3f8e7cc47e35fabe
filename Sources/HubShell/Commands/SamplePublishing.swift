import HubCore

/// Events for `publish --sample NAME`, from the sample value streams.
enum SamplePublishing {
    static func events(
        _ name: Token, count: Int, seed: UInt64?, sources: EventSources, arguments: Arguments
    ) throws -> [EventData] {
        throw arguments.usageError("sample '\(name.text)' is not available", at: name)
    }
}
