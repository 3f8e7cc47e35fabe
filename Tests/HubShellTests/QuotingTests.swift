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
