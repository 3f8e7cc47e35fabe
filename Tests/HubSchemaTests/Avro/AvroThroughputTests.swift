import HubCore
import XCTest

@testable import HubSchema

/// Prints encode and decode throughput for a sample order; figures only, no assertions on time.
final class AvroThroughputTests: XCTestCase {
    func testPrintsEncodeAndDecodeThroughputForASampleOrder() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "orderId", "type": {"type": "string", "logicalType": "uuid"}},
              {"name": "customer", "type": "string"},
              {"name": "placedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "status", "type": {"type": "enum", "name": "Status",
                                          "symbols": ["PLACED", "PAID", "SHIPPED"]}},
              {"name": "lines", "type": {"type": "array", "items": {"type": "record",
                 "name": "Line", "fields": [{"name": "sku", "type": "string"},
                   {"name": "qty", "type": "int"},
                   {"name": "price", "type": {"type": "bytes", "logicalType": "decimal",
                                              "precision": 9, "scale": 2}}]}}},
              {"name": "coupon", "type": ["null", "string"], "default": null},
              {"name": "attributes", "type": {"type": "map", "values": "string"}}
            ]}
            """)
        let order = try json(
            """
            {"orderId": "123e4567-e89b-12d3-a456-426614174000", "customer": "customer-42",
             "placedAt": "2026-12-03T10:15:30.250Z", "status": "PAID",
             "lines": [{"sku": "SKU-1", "qty": 2, "price": "19.99"},
                       {"sku": "SKU-2", "qty": 1, "price": 5.5}],
             "attributes": {"channel": "web", "region": "eu"}}
            """)
        let count = 20_000
        var bytes: [UInt8] = []
        let encodeStart = ContinuousClock.now
        for _ in 0..<count { bytes = try AvroEncoder.encode(order, as: schema) }
        let encodeTime = ContinuousClock.now - encodeStart

        let validateStart = ContinuousClock.now
        for _ in 0..<count { try AvroEncoder.validate(order, as: schema) }
        let validateTime = ContinuousClock.now - validateStart

        let decodeStart = ContinuousClock.now
        for _ in 0..<count { _ = try AvroDecoder.decode(bytes, as: schema) }
        let decodeTime = ContinuousClock.now - decodeStart

        func rate(_ duration: Duration) -> String {
            let seconds =
                Double(duration.components.seconds)
                + Double(duration.components.attoseconds) / 1e18
            let perSecond = Double(count) / seconds
            let megabytes = perSecond * Double(bytes.count) / 1_048_576
            return "\(Int(perSecond)) events/s (\((megabytes * 100).rounded() / 100) MiB/s of Avro)"
        }
        let size = bytes.count
        print("Avro encode (JSON → libavro binary), \(size)-byte order: \(rate(encodeTime))")
        print("Avro validate only (JSON check, no bytes): \(rate(validateTime))")
        print("Avro decode (binary → JSON), \(bytes.count)-byte order: \(rate(decodeTime))")
        XCTAssertEqual(
            try AvroDecoder.decode(bytes, as: schema).text,
            try json(
                """
                {"orderId":"123e4567-e89b-12d3-a456-426614174000","customer":"customer-42",\
                "placedAt":"2026-12-03T10:15:30.250Z","status":"PAID","lines":[{"sku":"SKU-1",\
                "qty":2,"price":19.99},{"sku":"SKU-2","qty":1,"price":5.50}],"coupon":null,\
                "attributes":{"channel":"web","region":"eu"}}
                """
            ).text)
    }
}
