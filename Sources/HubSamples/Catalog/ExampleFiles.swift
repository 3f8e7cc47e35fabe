import HubCore

/// The example files in `samples/events`, made from the generators with a fixed seed, so that
/// the tests can check them against the generators and write them again when one changes.
enum ExampleFiles {
    static let seed: UInt64 = 2026
    static let eventCount = 8
    /// The streams that also have an envelope file.
    static let envelopeHubs = [
        "orders", "payments", "customer-profile", "support-tickets", "warehouse-telemetry",
    ]

    static func events(of stream: ValueStream) -> [EventData] {
        var generator = SampleGenerator(stream: stream, seed: seed)
        return generator.next(eventCount)
    }

    /// `samples/events/<hub>.jsonl`: one event body per line.
    static func bodies(of stream: ValueStream) -> String {
        events(of: stream).map { String(decoding: $0.body, as: UTF8.self) + "\n" }.joined()
    }

    /// `samples/events/<hub>.envelope.jsonl`: one event per line with its key, properties and
    /// content type around the body.
    ///
    /// The shell takes the body either as a string holding the event's JSON or as the JSON
    /// itself, so the lines alternate between the two. Every fourth line names a partition
    /// ("0" or "1", which every hub has) instead of a key, since an event takes one or the other.
    static func envelopes(of stream: ValueStream) -> String {
        events(of: stream).enumerated().map { index, event in
            let text = String(decoding: event.body, as: UTF8.self)
            let parsed = index % 2 == 1 ? try? JSONValue.parse(text) : nil
            let body = parsed ?? .string(text)
            var envelope: [(String, JSONValue)] = [("body", body)]
            if index % 4 == 3 {
                envelope.append(("partition", .string(String(index / 4 % 2))))
            } else if let key = event.partitionKey {
                envelope.append(("key", .string(key)))
            }
            envelope.append(("properties", .object(event.properties.map { ($0.0, $0.1.json) })))
            envelope.append(("contentType", .string(event.contentType ?? stream.contentType)))
            return JSONValue.object(envelope).text + "\n"
        }.joined()
    }
}
