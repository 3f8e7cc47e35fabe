import HubCore
import HubSchema
import XCTest

/// `pattern` follows ECMA-262, not ICU or Swift, where they differ; both of hubsh's regex
/// engines (its own for simple patterns, ICU for the rest) must agree with it.
final class RegexTests: XCTestCase {
    private func pattern(_ regex: String) throws -> SchemaProbe {
        try SchemaProbe(JSONValue.object([("pattern", .string(regex))]).text)
    }

    private func matches(_ regex: String, _ text: String) throws -> Bool {
        try pattern(regex).accepts(JSONValue.string(text).text)
    }

    func testPatternsAreUnanchoredSearches() throws {
        XCTAssertTrue(try matches("b+", "abbbc"))
        XCTAssertFalse(try matches("^b+", "abbbc"))
    }

    func testDigitAndWordClassesAreASCIIOnly() throws {
        XCTAssertFalse(try matches("^\\d$", "١"), "Arabic-Indic digit")
        XCTAssertFalse(try matches("^\\w$", "é"))
        XCTAssertTrue(try matches("^\\W$", "é"))
        XCTAssertFalse(try matches("^(\\d)$", "١"), "same through the ICU engine")
        XCTAssertFalse(try matches("^[\\w]+$", "naïve"))
    }

    func testWordBoundaryIsASCII() throws {
        XCTAssertTrue(try matches("\\bcat\\b", "a cat!"))
        XCTAssertFalse(try matches("é\\b", "é"), "no word character on either side of é")
        XCTAssertTrue(try matches("é\\B", "é"))
        XCTAssertFalse(try matches("\\bé", "é"))
    }

    func testDollarMatchesOnlyAtTheVeryEnd() throws {
        XCTAssertFalse(try matches("^abc$", "abc\n"))
        XCTAssertFalse(try matches("^(abc)$", "abc\n"))
        XCTAssertTrue(try matches("^abc$", "abc"))
    }

    func testDotExcludesExactlyTheLineTerminators() throws {
        for terminator in ["\n", "\r", "\u{2028}", "\u{2029}"] {
            XCTAssertFalse(try matches("^a.b$", "a\(terminator)b"))
            XCTAssertFalse(try matches("^(a.b)$", "a\(terminator)b"))
        }
        XCTAssertTrue(try matches("^a.b$", "a\u{85}b"), "NEL is not an ECMA line terminator")
        XCTAssertTrue(try matches("^a.b$", "a😀b"), "one code point")
    }

    func testWhitespaceClassIsECMAs() throws {
        for space in [" ", "\t", "\u{A0}", "\u{FEFF}", "\u{2003}", "\u{3000}"] {
            XCTAssertTrue(try matches("^\\s$", space), "U+\(space.unicodeScalars.first!.value)")
            XCTAssertTrue(try matches("^(\\s)$", space))
        }
        XCTAssertFalse(try matches("^\\s$", "\u{85}"))
        XCTAssertFalse(try matches("^(\\s)$", "\u{85}"))
    }

    func testGroupsAlternationLookaroundAndBackReferences() throws {
        XCTAssertTrue(try matches("^(ORD|SHP)-[0-9]{3}$", "SHP-123"))
        XCTAssertFalse(try matches("^(ORD|SHP)-[0-9]{3}$", "RET-123"))
        XCTAssertTrue(try matches("^(?<word>[a-z]+)-\\k<word>$", "ab-ab"))
        XCTAssertFalse(try matches("^([a-z]+)-\\1$", "ab-ac"))
        XCTAssertTrue(try matches("^(?=.*[0-9])(?!.*\\s).{8,}$", "secret99"))
        XCTAssertTrue(try matches("(?<=\\$)[0-9]+", "cost $40"))
    }

    func testUnicodeEscapesAndProperties() throws {
        XCTAssertTrue(try matches("^\\u{1F600}$", "😀"))
        XCTAssertTrue(try matches("^\\uD83D\\uDE00$", "😀"))
        XCTAssertTrue(try matches("^\\p{L}+$", "Ωmega"))
        XCTAssertFalse(try matches("^\\p{Lu}", "ωmega"))
        XCTAssertTrue(try matches("^[^]$", "\n"))
        XCTAssertFalse(try matches("[]", "anything"))
    }

    func testQuantifiersBacktrackInTheSimpleEngine() throws {
        XCTAssertTrue(try matches("^a*ab$", "aaab"))
        XCTAssertTrue(try matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", "1.22.333"))
        XCTAssertFalse(try matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", "1.22."))
        XCTAssertTrue(try matches("^x{2,3}?y$", "xxxy"))
        XCTAssertFalse(try matches("^a*a*a*a*a*b$", String(repeating: "a", count: 200)))
        XCTAssertTrue(try matches("^\\+[1-9][0-9]{7,14}$", "+4420123456"))
    }

    func testICUOnlySyntaxIsRefused() {
        for regex in ["a*+", "(?>a)", "(?i)a", "\\Qa\\E", "\\A", "\\z", "a{2}+", "\\h"] {
            XCTAssertThrowsError(try pattern(regex), regex)
        }
    }

    func testLiteralBracesAndSpecialsInClasses() throws {
        XCTAssertTrue(try matches("^{x}$", "{x}"))
        XCTAssertTrue(try matches("^[[&-]+$", "[&-"))
        XCTAssertTrue(try matches("^[a-c-]+$", "a-c"))
        XCTAssertTrue(try matches("^[\\d-x]+$", "1-x"))
        XCTAssertFalse(try matches("^[\\d-x]+$", "a"))
        XCTAssertTrue(try matches("^([\\d-x]+)$", "1-x"), "same through the ICU engine")
        XCTAssertFalse(try matches("^([\\d-x]+)$", "a"))
    }
}
