import HubCore
import HubSamples

/// Events for `publish --sample NAME`, from the sample value streams.
///
/// With `--seed` the events repeat byte for byte (their timestamps start at the catalogue's
/// fixed reference time); without it each run gets a random seed, and times that end now:
/// no event occurs after it is enqueued.
enum SamplePublishing {
    static func events(
        _ name: Token, count: Int, seed: UInt64?, sources: EventSources, arguments: Arguments
    ) throws -> [EventData] {
        let stream: ValueStream
        do {
            stream = try SampleCatalog.lookup(name.text)
        } catch let error as SampleError {
            throw arguments.usageError(error.description, at: name)
        }
        var generator = seed.map { SampleGenerator(stream: stream, seed: $0) }
            ?? SampleGenerator(
                stream: stream, seed: UInt64.random(in: .min ... .max), count: count,
                endingAt: Timestamp.now())
        let partitionGiven = arguments.has("--partition")
        return generator.next(count).map {
            sources.overriding($0, partitionGiven: partitionGiven)
        }
    }
}
