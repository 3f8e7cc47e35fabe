import XCTest

@testable import HubShell

final class LexerTests: XCTestCase {
    /// The words of each statement, with variables expanded from `variables`.
    private func words(
        _ text: String, variables: [String: String] = [:]
    ) throws -> [[String]] {
        let expander = Expander(lookup: { variables[$0] })
        return try Lexer.statements(in: text, file: nil).map { statement in
            try expander.expand(statement.words).map(\.text)
        }
    }

    private func error(_ text: String, file: String? = nil) -> LanguageError? {
        do {
            _ = try Lexer.statements(in: text, file: file)
            return nil
        } catch {
            return error as? LanguageError
        }
    }

    func testBlanksSeparateWordsAndNewlinesSeparateStatements() throws {
        XCTAssertEqual(
            try words("hub create  orders\n\n\tpublish orders x \n"),
            [["hub", "create", "orders"], ["publish", "orders", "x"]])
    }

    func testSemicolonSeparatesStatementsOutsideQuotes() throws {
        XCTAssertEqual(
            try words("echo a;echo b ; echo 'c;d'"),
            [["echo", "a"], ["echo", "b"], ["echo", "c;d"]])
    }

    func testHashStartsCommentOnlyAtStartOfWord() throws {
        XCTAssertEqual(
            try words("# a comment\necho a#b # comment; echo not-run\necho '#x' \\#y"),
            [["echo", "a#b"], ["echo", "#x", "#y"]])
    }

    func testSingleQuotesKeepEverythingLiterally() throws {
        XCTAssertEqual(try words("echo '$HOME \\n \"x\"  '"), [["echo", "$HOME \\n \"x\"  "]])
    }

    func testDoubleQuotesKnowTheirEscapes() throws {
        XCTAssertEqual(
            try words(#"echo "q\" b\\ d\$ n\n t\t other\x""#),
            [["echo", "q\" b\\ d$ n\n t\t other\\x"]])
    }

    func testDoubleQuotesEscapeCarriageReturnsAndAnyScalarByItsHexCode() throws {
        XCTAssertEqual(
            try words(#"echo "r\r e\u{1b} z\u{0} ü\u{FC}""#),
            [["echo", "r\r e\u{1b} z\u{0} ü\u{FC}"]])
        // Not an escape: left as it was written.
        XCTAssertEqual(
            try words(#"echo "\u{zz} \u{1234567} \u{d800} \u{} \u \u{1b""#),
            [["echo", #"\u{zz} \u{1234567} \u{d800} \u{} \u \u{1b"#]])
    }

    func testBackslashOutsideQuotesTakesNextCharacter() throws {
        XCTAssertEqual(try words(#"echo a\ b \' \$HOME \;"#), [["echo", "a b", "'", "$HOME", ";"]])
    }

    func testQuotedPartsJoinIntoOneWord() throws {
        XCTAssertEqual(try words(#"echo pre'a b'"c d"post"#), [["echo", "prea bc dpost"]])
    }

    func testEmptyQuotesMakeAnEmptyWord() throws {
        let statements = try Lexer.statements(in: "set X ''", file: nil)
        XCTAssertEqual(statements[0].words.count, 3)
        XCTAssertTrue(statements[0].words[2].wasQuoted)
        XCTAssertEqual(try words("set X ''"), [["set", "X", ""]])
    }

    func testBackslashNewlineContinuesTheLine() throws {
        XCTAssertEqual(
            try words("hub create \\\n  orders \\\n  --partitions 2\necho next"),
            [["hub", "create", "orders", "--partitions", "2"], ["echo", "next"]])
        XCTAssertEqual(try words("echo ab\\\ncd"), [["echo", "abcd"]])
    }

    func testVariablesExpandWithAndWithoutBraces() throws {
        XCTAssertEqual(
            try words(
                #"echo $HUB ${HUB}-x "$HUB/${N}" '$HUB'"#, variables: ["HUB": "orders", "N": "2"]),
            [["echo", "orders", "orders-x", "orders/2", "$HUB"]])
    }

    func testVariableWithSpacesStaysOneWord() throws {
        XCTAssertEqual(
            try words("echo $MSG end", variables: ["MSG": "a  b c"]), [["echo", "a  b c", "end"]])
    }

    func testEmptyVariableStaysAnEmptyWord() throws {
        XCTAssertEqual(try words("echo $E x", variables: ["E": ""]), [["echo", "", "x"]])
    }

    func testDollarWithoutNameIsLiteral() throws {
        XCTAssertEqual(try words(#"echo $ 5$ "$" a$-b"#), [["echo", "$", "5$", "$", "a$-b"]])
    }

    func testUndefinedVariableNamesItAndTheFix() throws {
        let statements = try Lexer.statements(in: "hub show \\\n  $HUB", file: "tour.hsh")
        let expander = Expander(lookup: { _ in nil })
        XCTAssertThrowsError(try expander.expand(statements[0].words)) { error in
            let error = error as? LanguageError
            XCTAssertEqual(error?.kind, .undefinedVariable("HUB"))
            XCTAssertEqual(error?.location, SourceLocation(file: "tour.hsh", line: 2, column: 3))
            XCTAssertEqual(error?.message, "variable 'HUB' is not set; use 'set HUB VALUE'")
        }
    }

    func testUndefinedDefaultHintsAtTheConsumerGroup() {
        let message = LanguageError(.undefinedVariable("default"), at: .unknown).message
        XCTAssertTrue(message.contains("write '$default' in single quotes"), message)
    }

    func testWordsRememberWhereTheyStart() throws {
        let statements = try Lexer.statements(in: "echo a\n  hub  'sh ow'  ü x", file: "f.hsh")
        let locations = statements.flatMap { $0.words.map(\.location) }
        XCTAssertEqual(
            locations.map { "\($0)" },
            ["f.hsh:1:1", "f.hsh:1:6", "f.hsh:2:3", "f.hsh:2:8", "f.hsh:2:17", "f.hsh:2:19"])
        XCTAssertEqual(statements[1].text, "hub  'sh ow'  ü x")
    }

    func testUnterminatedQuotesAreOneErrorAtTheQuote() {
        let single = error("echo ok\necho 'abc\n\nmore", file: "t.hsh")
        XCTAssertEqual(single?.kind, .unterminatedQuote("'"))
        XCTAssertEqual(single?.location, SourceLocation(file: "t.hsh", line: 2, column: 6))
        XCTAssertEqual(single?.needsMoreInput, true)

        let double = error(#"echo "abc\"#)
        XCTAssertEqual(double?.kind, .unterminatedQuote("\""))
        XCTAssertEqual(double?.location.column, 6)
        XCTAssertEqual(
            double?.message(at: "column 6"), "unclosed \" quote at column 6; add the closing \"")
    }

    func testTrailingBackslashAsksForMoreInput() {
        let error = error("hub create \\")
        XCTAssertEqual(error?.kind, .trailingBackslash)
        XCTAssertEqual(error?.needsMoreInput, true)
    }

    func testTrailingBackslashBeforeTheFinalNewlineIsTheSameError() {
        for text in ["echo one\necho two \\\n", "echo one\necho two\\\n"] {
            let error = error(text)
            XCTAssertEqual(error?.kind, .trailingBackslash, text)
            XCTAssertEqual(error?.location.line, 2, text)
        }
        XCTAssertEqual(error("echo two \\\n", file: "t.hsh")?.location.column, 10)
        XCTAssertEqual(try words("echo a \\\n\necho b"), [["echo", "a"], ["echo", "b"]])
        var lexer = Lexer("echo a \\\n", file: nil, lenient: true)
        XCTAssertEqual(try lexer.statements().count, 1)
    }

    func testBadBracedVariableIsAnError() {
        XCTAssertEqual(error("echo ${HUB")?.kind, .badVariable)
        XCTAssertEqual(error("echo ${1x}")?.kind, .badVariable)
        XCTAssertEqual(error("echo ${}")?.needsMoreInput, false)
    }

    func testCarriageReturnsAreBlanks() throws {
        XCTAssertEqual(try words("echo a\r\necho b\r\n"), [["echo", "a"], ["echo", "b"]])
    }

    func testLenientLexingAcceptsHalfTypedInput() throws {
        var lexer = Lexer("echo 'ab", file: nil, lenient: true)
        let statements = try lexer.statements()
        XCTAssertEqual(statements[0].words.map(\.literalText), ["echo", "ab"])
        XCTAssertEqual(statements[0].words[1].range, 5..<8)
    }

    func testNamesAreLettersDigitsAndUnderscore() {
        XCTAssertTrue(Lexer.isName("HUB_2"))
        XCTAssertTrue(Lexer.isName("_x"))
        XCTAssertFalse(Lexer.isName("2x"))
        XCTAssertFalse(Lexer.isName("a-b"))
        XCTAssertFalse(Lexer.isName(""))
    }
}
