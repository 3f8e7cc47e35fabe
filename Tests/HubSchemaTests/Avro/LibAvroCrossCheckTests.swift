import HubCore
import XCTest

@testable import HubSchema

/// `AvroCompatibility` against libavro's resolver (`avro_resolved_writer_new`).
final class LibAvroCrossCheckTests: XCTestCase {
    /// Schemas that use no feature libavro lacks (defaults, aliases, string ↔ bytes).
    static let pool = [
        #""int""#, #""long""#, #""float""#, #""double""#, #""string""#, #""boolean""#,
        #"["null", "int"]"#, #"["null", "string"]"#, #"["int", "string"]"#,
        #"{"type": "array", "items": "int"}"#, #"{"type": "array", "items": "long"}"#,
        #"{"type": "array", "items": "string"}"#, #"{"type": "map", "values": "int"}"#,
        #"{"type": "map", "values": "string"}"#,
        #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#,
        #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}]}"#,
        #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},"#
            + #" {"name": "b", "type": "string"}]}"#,
        #"{"type": "record", "name": "R", "fields": [{"name": "b", "type": "string"}]}"#,
        #"{"type": "record", "name": "S", "fields": [{"name": "a", "type": "int"}]}"#,
        #"{"type": "record", "name": "R", "fields": [{"name": "a", "type":"#
            + #" {"type": "array", "items": "int"}}]}"#,
        #"{"type": "record", "name": "R", "fields": [{"name": "a", "type":"#
            + #" {"type": "array", "items": "string"}}]}"#,
        #"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#,
        #"{"type": "enum", "name": "E", "symbols": ["A"]}"#,
        #"{"type": "fixed", "name": "F", "size": 4}"#,
        #"{"type": "fixed", "name": "F", "size": 8}"#,
        #"{"type": "fixed", "name": "G", "size": 4}"#,
    ]

    /// Where the two disagree by design, libavro checks at run time what we check up front.
    static let lazyInLibavro: Set<AvroIncompatibility.Rule> = [
        .enumSymbolMissing, .unionBranchMissing,
    ]

    func testVerdictsAgreeWhereLibavroApplies() throws {
        let schemas = try Self.pool.map { try avroSchema($0) }
        var agree = 0
        var lazy = 0
        var notAsked = 0
        for writer in schemas {
            for reader in schemas {
                let ours = AvroCompatibility.check(reader: reader, writer: writer)
                let pair = "writer \(writer) reader \(reader): \(ours)"
                switch LibAvroResolution.verdict(writer: writer, reader: reader) {
                case .resolves where ours.isEmpty:
                    agree += 1
                case .resolves:
                    // libavro accepts only what it checks later, value by value.
                    XCTAssertTrue(ours.allSatisfy { Self.lazyInLibavro.contains($0.rule) }, pair)
                    lazy += 1
                case .fails(let message):
                    XCTAssertFalse(ours.isEmpty, "\(pair) libavro: \(message)")
                    agree += 1
                case .notAsked:
                    XCTAssertFalse(ours.isEmpty, pair)
                    notAsked += 1
                }
            }
        }
        print(
            """
            libavro cross-check: \(schemas.count * schemas.count) pairs; \(agree) same verdict, \
            \(lazy) accepted by libavro but checked only at read time, \(notAsked) not asked \
            (would crash libavro)
            """)
        XCTAssertGreaterThan(agree, schemas.count * schemas.count / 2)
    }

    func testLibavroLacksDefaultsAliasesAndStringBytesPromotion() throws {
        let cases: [(writer: String, reader: String)] = [
            (
                #"{"type": "record", "name": "R", "fields": []}"#,
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int","#
                    + #" "default": 0}]}"#
            ),
            (
                #"{"type": "record", "name": "R", "fields": []}"#,
                #"{"type": "record", "name": "S", "aliases": ["R"], "fields": []}"#
            ),
            (#""string""#, #""bytes""#),
        ]
        for (writerText, readerText) in cases {
            let writer = try avroSchema(writerText)
            let reader = try avroSchema(readerText)
            XCTAssertEqual(AvroCompatibility.check(reader: reader, writer: writer), [])
            guard case .fails = LibAvroResolution.verdict(writer: writer, reader: reader) else {
                return XCTFail("libavro now resolves \(writerText) → \(readerText)")
            }
        }
    }

    func testPairsThatWouldCrashLibavroAreNotHandedToIt() throws {
        let writer = try avroSchema(
            #"{"type": "map", "values": {"type": "array", "items": "int"}}"#)
        let reader = try avroSchema(
            #"{"type": "map", "values": {"type": "array", "items": "boolean"}}"#)
        XCTAssertEqual(
            LibAvroResolution.verdict(writer: writer, reader: reader),
            .notAsked("array items or map values do not resolve, which crashes libavro"))
        XCTAssertEqual(
            AvroCompatibility.check(reader: reader, writer: writer).map(\.path), ["/values/items"])
    }
}
