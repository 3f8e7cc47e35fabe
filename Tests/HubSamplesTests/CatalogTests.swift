import HubCore
import XCTest
@testable import HubSamples

final class CatalogTests: XCTestCase {
    func testCatalogHasTwentyDistinctStreams() {
        XCTAssertEqual(SampleCatalog.streams.count, 20)
        XCTAssertEqual(Set(SampleCatalog.hubNames).count, 20)
        XCTAssertEqual(Set(SampleCatalog.names).count, SampleCatalog.names.count,
                       "no alias repeats another alias or a hub name")
    }

    func testHubAndGroupNamesFollowTheEventHubsRules() throws {
        for stream in SampleCatalog.streams {
            try Names.validateHub(stream.hub)
            try stream.spec.validate()
            for group in stream.consumerGroups { try Names.validateGroup(group) }
        }
    }

    func testEveryStreamHasTwoOrThreeOwnConsumerGroups() {
        for stream in SampleCatalog.streams {
            XCTAssert((2...3).contains(stream.consumerGroups.count), stream.hub)
            XCTAssertEqual(Set(stream.consumerGroups).count, stream.consumerGroups.count)
            XCTAssertFalse(stream.consumerGroups.contains(Names.defaultConsumerGroup))
        }
    }

    func testSizingFollowsTheLoad() throws {
        let day = Retention.parse("1d") ?? 0
        for stream in SampleCatalog.streams {
            XCTAssert((day...7 * day).contains(stream.retentionMillis), stream.hub)
            XCTAssertEqual(Retention.parse(stream.retention), stream.retentionMillis)
            XCTAssertEqual(stream.contentType, "application/json")
        }
        let clickstream = try SampleCatalog.lookup("clickstream")
        let telemetry = try SampleCatalog.lookup("warehouse-telemetry")
        let invoicing = try SampleCatalog.lookup("invoicing")
        let payments = try SampleCatalog.lookup("payments")
        for busy in [clickstream, telemetry] {
            XCTAssertGreaterThanOrEqual(busy.partitionCount, 16)
            XCTAssertLessThanOrEqual(busy.retentionMillis, 3 * day)
        }
        for ledger in [invoicing, payments] {
            XCTAssertLessThanOrEqual(ledger.partitionCount, 4)
            XCTAssertEqual(ledger.retentionMillis, 7 * day)
        }
        XCTAssertEqual(try SampleCatalog.lookup("customer-profile").keyField, "customerId")
    }

    func testStreamIsFoundByHubNameOrAliasInAnyCase() {
        XCTAssertEqual(SampleCatalog.stream(named: "orders")?.hub, "orders")
        XCTAssertEqual(SampleCatalog.stream(named: "Telemetry")?.hub, "warehouse-telemetry")
        XCTAssertEqual(SampleCatalog.stream(named: "customer_profile")?.hub, "customer-profile")
        XCTAssertEqual(SampleCatalog.stream(named: "fraud")?.hub, "fraud-alerts")
        XCTAssertNil(SampleCatalog.stream(named: "nothing-like-it"))
        XCTAssertNil(SampleCatalog.stream(named: ""))
    }

    func testUnknownStreamErrorSuggestsACloseNameAndListsTheStreams() {
        XCTAssertThrowsError(try SampleCatalog.lookup("ordrs")) { error in
            XCTAssertEqual(error as? SampleError, .unknownStream("ordrs", suggestion: "orders"))
            let message = String(describing: error)
            XCTAssert(message.contains("did you mean 'orders'?"), message)
            XCTAssert(message.contains("warehouse-telemetry"), message)
        }
        // Close to the alias `clicks`: the suggestion is the name the list shows.
        XCTAssertThrowsError(try SampleCatalog.lookup("clics")) { error in
            XCTAssertEqual(
                error as? SampleError, .unknownStream("clics", suggestion: "clickstream"))
        }
        XCTAssertThrowsError(try SampleCatalog.lookup("zzzzzzzz")) { error in
            XCTAssertEqual(error as? SampleError, .unknownStream("zzzzzzzz", suggestion: nil))
        }
    }

    func testListingShowsEveryStreamOnOneLineWithinOneHundredColumns() {
        let lines = SampleCatalog.listing().split(separator: "\n")
        XCTAssertEqual(lines.count, 20)
        for (line, stream) in zip(lines, SampleCatalog.streams) {
            XCTAssert(line.hasPrefix(stream.hub + " "), String(line))
            XCTAssert(line.contains(stream.keyField))
            XCTAssertLessThanOrEqual(line.count, 100, String(line))
        }
    }
}
