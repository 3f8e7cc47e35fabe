import Foundation
import HubCore
import XCTest
@testable import HubSamples

final class GeneratorTests: XCTestCase {
    private func events(_ stream: ValueStream, count: Int = 300, seed: UInt64 = 99) -> [EventData] {
        var generator = SampleGenerator(stream: stream, seed: seed)
        return generator.next(count)
    }

    private func body(_ event: EventData) throws -> JSONValue {
        try JSONValue.parse(bytes: event.body)
    }

    func testEveryStreamMakesTheRequestedNumberOfEvents() {
        for stream in SampleCatalog.streams {
            for count in [0, 1, 37] {
                var random = SampleRandom(seed: 5)
                let made = stream.makeEvents(count: count, using: &random)
                XCTAssertEqual(made.count, count, stream.hub)
            }
            var random = SampleRandom(seed: 5)
            XCTAssertEqual(stream.makeEvents(count: -3, using: &random).count, 0, stream.hub)
        }
    }

    func testEveryBodyIsAJSONObjectOpeningWithIdTypeAndTime() throws {
        for stream in SampleCatalog.streams {
            for event in events(stream) {
                let body = try body(event)
                guard case .object(let members) = body else {
                    return XCTFail("\(stream.hub): body is not an object")
                }
                XCTAssertEqual(members.prefix(3).map(\.0), ["eventId", "eventType", "occurredAt"])
                let type = body["eventType"]?.stringValue ?? ""
                XCTAssert(stream.eventTypes.contains(type), "\(stream.hub): unknown type \(type)")
                let time = body["occurredAt"]?.stringValue ?? ""
                XCTAssertNotNil(Timestamp.parse(time), "\(stream.hub): \(time)")
                XCTAssert(time.hasSuffix("Z"), "\(stream.hub): times are UTC")
            }
        }
    }

    func testPartitionKeyIsTheValueOfTheKeyField() throws {
        for stream in SampleCatalog.streams {
            for event in events(stream) {
                let key = try XCTUnwrap(event.partitionKey, stream.hub)
                XCTAssertFalse(key.isEmpty, stream.hub)
                XCTAssertEqual(try body(event)[stream.keyField]?.stringValue, key, stream.hub)
            }
        }
    }

    func testEveryEventCarriesTypeSchemaVersionSourceAndContentType() throws {
        for stream in SampleCatalog.streams {
            for event in events(stream, count: 50) {
                let properties = event.properties
                let type = try body(event)["eventType"]?.stringValue ?? ""
                XCTAssertEqual(properties.first?.0, "eventType")
                XCTAssertEqual(properties.first?.1, .string(type), stream.hub)
                let version = PropertyValue.int(Int64(stream.schemaVersion))
                XCTAssert(properties.contains { $0 == ("schemaVersion", version) }, stream.hub)
                XCTAssert(properties.contains { $0 == ("source", .string(stream.source)) })
                XCTAssertEqual(event.contentType, "application/json")
            }
        }
    }

    func testSameSeedGivesTheSameEvents() {
        for stream in SampleCatalog.streams {
            XCTAssertEqual(events(stream, seed: 123), events(stream, seed: 123), stream.hub)
            var first = SampleRandom(seed: 8)
            var second = SampleRandom(seed: 8)
            XCTAssertEqual(
                stream.makeEvents(count: 20, using: &first),
                stream.makeEvents(count: 20, using: &second), stream.hub)
        }
    }

    func testDifferentSeedsGiveDifferentEvents() {
        for stream in SampleCatalog.streams {
            XCTAssertNotEqual(events(stream, count: 5, seed: 1), events(stream, count: 5, seed: 2))
        }
    }

    func testStreamsGivenTheSameSeedShareNoEventIds() throws {
        var seen: Set<String> = []
        for stream in SampleCatalog.streams {
            for event in events(stream, count: 20, seed: 1) {
                let id = try body(event)["eventId"]?.stringValue ?? ""
                XCTAssert(seen.insert(id).inserted, "\(stream.hub) repeats \(id)")
            }
        }
    }

    func testMakeEventsTakesOneNumberFromTheCallersGenerator() {
        let stream = SampleCatalog.streams[0]
        var random = SampleRandom(seed: 21)
        let made = stream.makeEvents(count: 4, using: &random)
        var replay = SampleRandom(seed: 21)
        var generator = SampleGenerator(stream: stream, seed: replay.next())
        XCTAssertEqual(made, generator.next(4))
        XCTAssertEqual(random.next(), replay.next())
    }

    func testAGeneratorContinuedInStepsMakesWhatOneBatchMakes() {
        for stream in SampleCatalog.streams {
            var stepwise = SampleGenerator(stream: stream, seed: 4)
            let steps = stepwise.next(3) + [stepwise.next()] + stepwise.next(6)
            XCTAssertEqual(steps, events(stream, count: 10, seed: 4), stream.hub)
        }
    }

    func testEventTimesStartAtTheStartAndNeverGoBack() throws {
        let start = try XCTUnwrap(Timestamp.parse("2027-01-15T12:00:00Z"))
        for stream in SampleCatalog.streams {
            var generator = SampleGenerator(stream: stream, seed: 6, startingAt: start)
            var previous = start
            for (index, event) in generator.next(100).enumerated() {
                let text = try body(event)["occurredAt"]?.stringValue ?? ""
                let time = try XCTUnwrap(Timestamp.parse(text))
                if index == 0 { XCTAssertEqual(time, start, stream.hub) }
                XCTAssertGreaterThanOrEqual(time, previous, stream.hub)
                previous = time
            }
            XCTAssertGreaterThan(generator.time, start)
        }
    }

    func testEventsEndingAtATimeOccurAtOrBeforeItAndTheLastAtIt() throws {
        let end = Timestamp.parse("2026-12-04T12:00:00.000Z")!
        for stream in SampleCatalog.streams {
            var generator = SampleGenerator(stream: stream, seed: 3, count: 100, endingAt: end)
            let times = try generator.next(100).map {
                try XCTUnwrap(Timestamp.parse(body($0)["occurredAt"]?.stringValue ?? ""))
            }
            XCTAssertEqual(times.last, end, stream.hub)
            XCTAssertTrue(times.allSatisfy { $0 <= end }, stream.hub)
        }
    }

    func testEveryEventTypeOfAStreamTurnsUpInALongRun() throws {
        for stream in SampleCatalog.streams {
            var generator = SampleGenerator(stream: stream, seed: 17)
            var seen: Set<String> = []
            var made = 0
            while seen.count < stream.eventTypes.count && made < 10_000 {
                seen.insert(generator.next().properties.first?.1.text ?? "")
                made += 1
            }
            XCTAssertEqual(seen, Set(stream.eventTypes), stream.hub)
        }
    }

    func testOrderAmountsHaveTwoDecimalsAndAddUp() throws {
        let orders = try SampleCatalog.lookup("orders")
        for event in events(orders) {
            let body = try body(event)
            guard case .array(let lines)? = body["lines"] else { return XCTFail("no lines") }
            var subtotal = 0
            for line in lines {
                let quantity = Int(number(line["quantity"]) ?? "") ?? 0
                subtotal += quantity * cents(number(line["unitPrice"]))
            }
            XCTAssertEqual(cents(number(body["subtotal"])), subtotal)
            XCTAssertEqual(
                cents(number(body["total"])),
                subtotal + cents(number(body["shippingFee"])))
        }
    }

    func testStateCarriesOverFromOneEventOfAnEntityToTheNext() throws {
        let payments = try SampleCatalog.lookup("payments")
        var amounts: [String: JSONValue] = [:]
        var continued = 0
        for event in events(payments, count: 1_000) {
            let body = try body(event)
            let id = body["paymentId"]?.stringValue ?? ""
            if let earlier = amounts[id] {
                XCTAssertEqual(body["amount"], earlier, "a payment keeps its amount")
                continued += 1
            }
            amounts[id] = body["amount"]
        }
        XCTAssertGreaterThan(continued, 100, "payments move through their lifecycle")
    }

    /// The literal of a JSON number, which must have exactly two decimals.
    private func number(_ value: JSONValue?) -> String? {
        guard case .number(let literal)? = value else { return nil }
        return literal
    }

    private func cents(_ literal: String?) -> Int {
        guard let literal, let dot = literal.firstIndex(of: "."),
              literal.distance(from: dot, to: literal.endIndex) == 3
        else {
            XCTFail("\(literal ?? "nil") is not an amount with two decimals")
            return 0
        }
        return Int(literal.replacingOccurrences(of: ".", with: "")) ?? 0
    }
}
