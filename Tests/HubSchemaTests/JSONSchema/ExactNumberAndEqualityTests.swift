import HubCore
import HubSchema
import XCTest

/// Numbers compare exactly from their literal text; strings count code points; equality is
/// JSON's, not Swift's.
final class ExactNumberAndEqualityTests: XCTestCase {
    func testDecimalMultipleOfIsExact() throws {
        let cents = try SchemaProbe(#"{"multipleOf": 0.01}"#)
        XCTAssertTrue(cents.accepts("19.99"))
        XCTAssertTrue(cents.accepts("0.07"))
        XCTAssertTrue(cents.accepts("1e300"))
        XCTAssertFalse(cents.accepts("19.999"))
        XCTAssertFalse(cents.accepts("1e-300"))
        let thirds = try SchemaProbe(#"{"multipleOf": 0.3}"#)
        XCTAssertTrue(thirds.accepts("0.9"))
        XCTAssertFalse(thirds.accepts("1"))
    }

    func testHugeIntegersAreNotRoundedThroughDouble() throws {
        let probe = try SchemaProbe(#"{"maximum": 9007199254740993}"#)
        XCTAssertTrue(probe.accepts("9007199254740993"))
        XCTAssertFalse(probe.accepts("9007199254740994"))
        let long = try SchemaProbe(#"{"minimum": 123456789012345678901234567890}"#)
        XCTAssertFalse(long.accepts("123456789012345678901234567889"))
        XCTAssertTrue(long.accepts("123456789012345678901234567890.0"))
        let divisible = try SchemaProbe(#"{"multipleOf": 12345678901234567890123}"#)
        XCTAssertTrue(divisible.accepts("24691357802469135780246"))
        XCTAssertFalse(divisible.accepts("24691357802469135780247"))
    }

    func testExponentScaleNumbersCompare() throws {
        let probe = try SchemaProbe(#"{"minimum": 1e308, "exclusiveMaximum": 1e400}"#)
        XCTAssertTrue(probe.accepts("1e309"))
        XCTAssertTrue(probe.accepts("99999e395"))
        XCTAssertFalse(probe.accepts("1e307"))
        XCTAssertFalse(probe.accepts("10e399"))
        XCTAssertFalse(probe.accepts("-1e309"))
    }

    func testWholeNumbersWrittenWithFractionsAreIntegers() throws {
        let integer = try SchemaProbe(#"{"type": "integer"}"#)
        XCTAssertTrue(integer.accepts("1.0"))
        XCTAssertTrue(integer.accepts("1e400"))
        XCTAssertTrue(integer.accepts("-0.0"))
        XCTAssertFalse(integer.accepts("1.5"))
        XCTAssertFalse(integer.accepts("1e-400"))
        XCTAssertFalse(integer.accepts("true"))
    }

    func testBooleansNeverEqualNumbers() throws {
        let probe = try SchemaProbe(#"{"enum": [1, false]}"#)
        XCTAssertTrue(probe.accepts("1.0"))
        XCTAssertTrue(probe.accepts("false"))
        XCTAssertFalse(probe.accepts("true"))
        XCTAssertFalse(probe.accepts("0"))
        XCTAssertFalse(try SchemaProbe(#"{"const": true}"#).accepts("1"))
    }

    func testConstAndEnumIgnoreMemberOrderAndNumberSpelling() throws {
        let probe = try SchemaProbe(#"{"const": {"a": 1, "b": [2.50, {"c": null}]}}"#)
        XCTAssertTrue(probe.accepts(#"{"b": [25e-1, {"c": null}], "a": 1.0}"#))
        XCTAssertFalse(probe.accepts(#"{"b": [2.5, {"c": null}], "a": 1, "d": 0}"#))
    }

    func testUniqueItemsUsesJSONEquality() throws {
        let probe = try SchemaProbe(#"{"uniqueItems": true}"#)
        XCTAssertFalse(probe.accepts("[1, 1.0]"))
        XCTAssertFalse(probe.accepts(#"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#))
        XCTAssertTrue(probe.accepts("[1, true, \"1\", [1], {\"1\": 1}]"))
        let many = (0..<40).map(String.init).joined(separator: ",")
        XCTAssertTrue(probe.accepts("[\(many)]"))
        XCTAssertFalse(probe.accepts("[\(many), 39.0]"))
    }

    func testStringLengthCountsCodePoints() throws {
        let one = try SchemaProbe(#"{"maxLength": 1, "minLength": 1}"#)
        XCTAssertTrue(one.accepts(#""💩""#))
        XCTAssertTrue(one.accepts(#""é""#))
        XCTAssertFalse(one.accepts("\"e\\u0301\""))
        XCTAssertFalse(one.accepts(#""""#))
    }

    func testStringsCompareByCodePointsNotCanonicalEquivalence() throws {
        let probe = try SchemaProbe("{\"enum\": [\"\\u00e9\"], \"properties\": {}}")
        XCTAssertTrue(probe.accepts("\"\\u00e9\""))
        XCTAssertFalse(probe.accepts("\"e\\u0301\""))
        let named = try SchemaProbe(
            "{\"properties\": {\"\\u00e9\": {\"type\": \"string\"}}, \"required\": [\"\\u00e9\"]}")
        XCTAssertFalse(named.accepts("{\"e\\u0301\": 1}"))
    }
}
