import HubCore
import XCTest

@testable import HubSchema

/// Each resolution rule, checked with the new schema as reader (backward) and as writer
/// (forward).
final class AvroCompatibilityTests: XCTestCase {
    func record(_ fields: String, name: String = "Order", extra: String = "") throws -> AvroSchema {
        try avroSchema(#"{"type": "record", "name": "\#(name)"\#(extra), "fields": [\#(fields)]}"#)
    }

    func rules(reader: AvroSchema, writer: AvroSchema) -> [String] {
        AvroCompatibility.check(reader: reader, writer: writer).map {
            "\($0.path) \($0.rule.rawValue)"
        }
    }

    let id = #"{"name": "id", "type": "string"}"#

    func testFieldAddedWithoutDefaultBreaksBackwardOnly() throws {
        let old = try record(id)
        let new = try record(id + #", {"name": "coupon", "type": "string"}"#)
        XCTAssertEqual(
            rules(reader: new, writer: old), ["/fields/coupon field-added-without-default"])
        XCTAssertEqual(rules(reader: old, writer: new), [])
        XCTAssertEqual(
            AvroCompatibility.check(reader: new, writer: old).first?.description,
            "/fields/coupon: reader field 'coupon' of record Order is not in the writer's record"
                + " and has no default [field-added-without-default]")
    }

    func testFieldAddedWithDefaultIsCompatibleBothWays() throws {
        let old = try record(id)
        let new = try record(
            id + #", {"name": "coupon", "type": ["null", "string"], "default": null}"#)
        XCTAssertEqual(rules(reader: new, writer: old), [])
        XCTAssertEqual(rules(reader: old, writer: new), [])
    }

    func testRemovedFieldWithoutDefaultBreaksForwardOnly() throws {
        let old = try record(id + #", {"name": "qty", "type": "int"}"#)
        let new = try record(id)
        XCTAssertEqual(rules(reader: new, writer: old), [])
        XCTAssertEqual(rules(reader: old, writer: new), ["/fields/qty field-added-without-default"])
    }

    func testAddedEnumSymbolIsBackwardButNotForwardCompatible() throws {
        let old = try avroSchema(#"{"type": "enum", "name": "S", "symbols": ["A", "B"]}"#)
        let new = try avroSchema(#"{"type": "enum", "name": "S", "symbols": ["A", "B", "C"]}"#)
        XCTAssertEqual(rules(reader: new, writer: old), [])
        XCTAssertEqual(rules(reader: old, writer: new), ["/ enum-symbol-missing"])
        let oldWithDefault = try avroSchema(
            #"{"type": "enum", "name": "S", "symbols": ["A", "B"], "default": "A"}"#)
        XCTAssertEqual(rules(reader: oldWithDefault, writer: new), [])
    }

    func testEveryMissingSymbolIsListed() throws {
        let reader = try avroSchema(#"{"type": "enum", "name": "S", "symbols": ["A"]}"#)
        let writer = try avroSchema(#"{"type": "enum", "name": "S", "symbols": ["A", "B", "C"]}"#)
        XCTAssertEqual(
            AvroCompatibility.check(reader: reader, writer: writer).map(\.message),
            [
                "writer symbol 'B' of enum S is not in the reader's symbols, and the reader enum"
                    + " has no default",
                "writer symbol 'C' of enum S is not in the reader's symbols, and the reader enum"
                    + " has no default",
            ])
    }

    func testNumericPromotionsGoOneWay() throws {
        let order = ["int", "long", "float", "double"]
        for (writerIndex, writerName) in order.enumerated() {
            for (readerIndex, readerName) in order.enumerated() {
                let found = rules(
                    reader: try avroSchema("\"\(readerName)\""),
                    writer: try avroSchema("\"\(writerName)\""))
                XCTAssertEqual(
                    found, readerIndex >= writerIndex ? [] : ["/ type-mismatch"],
                    "\(writerName) read as \(readerName)")
            }
        }
    }

    func testStringAndBytesPromoteBothWays() throws {
        let string = try avroSchema(#""string""#)
        let bytes = try avroSchema(#""bytes""#)
        XCTAssertEqual(rules(reader: bytes, writer: string), [])
        XCTAssertEqual(rules(reader: string, writer: bytes), [])
        XCTAssertEqual(
            rules(reader: string, writer: try avroSchema(#""int""#)), ["/ type-mismatch"])
    }

    func testUnionReaderMustCoverEveryWriterBranch() throws {
        let narrow = try avroSchema(#"["null", "string"]"#)
        let wide = try avroSchema(#"["null", "string", "int"]"#)
        XCTAssertEqual(rules(reader: wide, writer: narrow), [])
        XCTAssertEqual(rules(reader: narrow, writer: wide), ["/int union-branch-missing"])
    }

    func testWriterUnionAgainstReaderNonUnion() throws {
        let optional = try avroSchema(#"["null", "string"]"#)
        let plain = try avroSchema(#""string""#)
        XCTAssertEqual(rules(reader: optional, writer: plain), [])
        XCTAssertEqual(rules(reader: plain, writer: optional), ["/null union-branch-missing"])
        XCTAssertEqual(
            rules(reader: try avroSchema(#"["null", "long"]"#), writer: try avroSchema(#""int""#)),
            [])
        XCTAssertEqual(
            rules(
                reader: try avroSchema(#"["null", "string"]"#), writer: try avroSchema(#""int""#)),
            ["/ union-branch-missing"])
    }

    func testRenamedRecordNeedsAReaderAlias() throws {
        let old = try record(id, name: "shop.Order")
        let renamed = try record(id, name: "shop.Purchase")
        let aliased = try record(id, name: "shop.Purchase", extra: #", "aliases": ["Order"]"#)
        XCTAssertEqual(rules(reader: renamed, writer: old), ["/ name-mismatch"])
        XCTAssertEqual(rules(reader: aliased, writer: old), [])
        XCTAssertEqual(rules(reader: old, writer: aliased), ["/ name-mismatch"])
    }

    func testRenamedFieldNeedsAReaderAlias() throws {
        let old = try record(#"{"name": "qty", "type": "int"}"#)
        let renamed = try record(#"{"name": "quantity", "type": "int"}"#)
        let aliased = try record(#"{"name": "quantity", "type": "int", "aliases": ["qty"]}"#)
        XCTAssertEqual(
            rules(reader: renamed, writer: old), ["/fields/quantity field-added-without-default"])
        XCTAssertEqual(rules(reader: aliased, writer: old), [])
        XCTAssertEqual(
            rules(reader: old, writer: aliased), ["/fields/qty field-added-without-default"])
    }

    func testFixedSizeAndNameMustMatch() throws {
        let four = try avroSchema(#"{"type": "fixed", "name": "F", "size": 4}"#)
        let eight = try avroSchema(#"{"type": "fixed", "name": "F", "size": 8}"#)
        let other = try avroSchema(#"{"type": "fixed", "name": "G", "size": 4}"#)
        XCTAssertEqual(rules(reader: eight, writer: four), ["/ fixed-size-mismatch"])
        XCTAssertEqual(rules(reader: four, writer: eight), ["/ fixed-size-mismatch"])
        XCTAssertEqual(rules(reader: other, writer: four), ["/ name-mismatch"])
        XCTAssertEqual(rules(reader: four, writer: other), ["/ name-mismatch"])
    }

    func testArraysAndMapsAreCheckedInside() throws {
        let lines = { (qty: String) in
            try self.record(
                #"{"name": "lines", "type": {"type": "array", "items": {"type": "record","#
                    + #" "name": "Line", "fields": [{"name": "qty", "type": "\#(qty)"}]}}},"#
                    + #" {"name": "tags", "type": {"type": "map", "values": "\#(qty)"}}"#)
        }
        let ints = try lines("int")
        let strings = try lines("string")
        XCTAssertEqual(
            rules(reader: strings, writer: ints),
            [
                "/fields/lines/items/fields/qty type-mismatch", "/fields/tags/values type-mismatch",
            ])
        XCTAssertEqual(rules(reader: ints, writer: strings).count, 2)
        XCTAssertEqual(rules(reader: try lines("long"), writer: ints), [])
    }

    func testEveryIncompatibilityIsListedNotJustTheFirst() throws {
        let old = try record(#"{"name": "a", "type": "string"}, {"name": "b", "type": "int"}"#)
        let new = try record(
            #"{"name": "a", "type": "int"}, {"name": "b", "type": "string"},"#
                + #" {"name": "c", "type": "int"}"#
        )
        XCTAssertEqual(
            rules(reader: new, writer: old),
            [
                "/fields/a type-mismatch", "/fields/b type-mismatch",
                "/fields/c field-added-without-default",
            ])
    }

    func testRecursiveSchemasAreCheckedOnce() throws {
        let list = { (value: String) in
            try avroSchema(
                #"{"type": "record", "name": "Node", "fields": [{"name": "v", "type":"#
                    + #" "\#(value)"}, {"name": "next", "type": ["null", "Node"]}]}"#)
        }
        XCTAssertEqual(rules(reader: try list("long"), writer: try list("int")), [])
        XCTAssertEqual(
            rules(reader: try list("int"), writer: try list("long")), ["/fields/v type-mismatch"])
    }

    func testModesComposeTheChecksAgainstEarlierVersions() throws {
        let v1 = try record(id)
        let v2 = try record(id + #", {"name": "qty", "type": "int", "default": 0}"#)
        let v3 = try record(id + #", {"name": "qty", "type": "int"}"#)
        let history = [v1, v2]
        func violations(_ mode: CompatibilityMode) -> [String] {
            AvroCompatibility.check(v3, against: history, mode: mode).map {
                "\($0.previousIndex) \($0.direction) \($0.incompatibility.rule.rawValue)"
            }
        }
        XCTAssertEqual(violations(.backward), [])
        XCTAssertEqual(
            violations(.backwardTransitive), ["0 newReadsOld field-added-without-default"])
        XCTAssertEqual(violations(.forward), [])
        XCTAssertEqual(violations(.forwardTransitive), [])
        XCTAssertEqual(violations(.full), [])
        XCTAssertEqual(violations(.fullTransitive), ["0 newReadsOld field-added-without-default"])
        XCTAssertEqual(violations(.none), [])
        let dropped = try record(id)
        XCTAssertEqual(
            AvroCompatibility.check(dropped, against: [v3], mode: .forward).map(\.description),
            [
                "old schema reading new data (version index 0): /fields/qty: reader field 'qty' of"
                    + " record Order is not in the writer's record and has no default"
                    + " [field-added-without-default]"
            ])
    }
}
