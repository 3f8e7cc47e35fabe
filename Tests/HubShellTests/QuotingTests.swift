import XCTest

@testable import HubShell

final class QuotingTests: XCTestCase {
    func testPlainWordsStayAsTheyAre() {
        XCTAssertEqual(Quoting.quoted("orders-1.eu_west"), "orders-1.eu_west")
        XCTAssertEqual(Quoting.quoted("seq:12"), "seq:12")
        XCTAssertEqual(Quoting.quoted("Zürich"), "Zürich")
    }

    func testSpecialWordsAreQuotedSoTheLexerReadsThemBack() throws {
        for value in ["$default", "a b", "it's", "", "#x", "a;b", "\"q\""] {
            let quoted = Quoting.quoted(value)
            let statements = try Lexer.statements(in: "echo " + quoted, file: nil)
            let token = try Expander(lookup: { _ in nil }).expand(statements[0].words[1])
            XCTAssertEqual(token.text, value, quoted)
        }
    }

    func testControlCharactersAreWrittenAsEscapesThatReadBack() throws {
        XCTAssertEqual(Quoting.quoted("a\nb"), "\"a\\nb\"")
        XCTAssertEqual(Quoting.quoted("\u{1b}[31m$x\""), "\"\\u{1b}[31m\\$x\\\"\"")
        for value in ["a\nb", "tab\there", "cr\r\n", "\u{1b}[2J", "\u{0}\u{7f}\u{85}", "\\n$x\"'"] {
            let quoted = Quoting.quoted(value)
            XCTAssertFalse(quoted.unicodeScalars.contains(where: Quoting.isControl), quoted)
            let statements = try Lexer.statements(in: "echo " + quoted, file: nil)
            let token = try Expander(lookup: { _ in nil }).expand(statements[0].words[1])
            XCTAssertEqual(token.text, value, quoted)
        }
    }

    func testSingleLineFormMeansTheSame() throws {
        let entries = [
            "hub create \\\n  orders",
            "echo 'a\nb' \"c\nd\" e",
            "echo \"x\\\ny\"",
            "echo a\necho b",
            "echo 'ü  x' \"$HOME\"",
        ]
        for entry in entries {
            let single = SingleLine.form(entry)
            XCTAssertFalse(single.contains("\n"), single)
            let expander = Expander(lookup: { _ in "v" })
            let before = try Lexer.statements(in: entry, file: nil)
                .map { try expander.expand($0.words).map(\.text) }
            let after = try Lexer.statements(in: single, file: nil)
                .map { try expander.expand($0.words).map(\.text) }
            XCTAssertEqual(before, after, single)
        }
    }
}
