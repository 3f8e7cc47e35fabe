import XCTest

@testable import HubShell

final class ArgumentsTests: XCTestCase {
    private let spec = CommandSpec(
        ["consume"], summary: "consume",
        positionals: [Positional("HUB", "the hub")],
        flags: [
            Flag("--max", value: "N", "stop after N events"),
            Flag("--group", value: "GROUP", "the consumer group", required: true),
            Flag("--follow", "keep going"),
        ])

    private func match(_ words: String) throws -> Arguments {
        let tokens = words.split(separator: " ").enumerated().map { index, word in
            Token(String(word), location: SourceLocation(file: nil, line: 1, column: index + 1))
        }
        let location = SourceLocation(file: nil, line: 1, column: 1)
        return try Arguments(spec: spec, words: tokens, location: location)
    }

    private func usageMessage(_ words: String) -> String? {
        do {
            _ = try match(words)
            return nil
        } catch {
            return (error as? UsageError)?.message
        }
    }

    func testASwitchGivenTwiceIsSimplyOn() throws {
        let arguments = try match("orders --group g --json --json --follow --follow")
        XCTAssertTrue(arguments.has("--json"))
        XCTAssertTrue(arguments.has("--follow"))
        XCTAssertEqual(arguments.tokens("--json").count, 1)
    }

    func testANumberTooLargeForAnIntegerIsOutOfRangeNotAWord() throws {
        let message = { (words: String, range: ClosedRange<Int>?) -> String? in
            do {
                _ = try self.match(words).int("--max", range: range)
                return nil
            } catch {
                return (error as? UsageError)?.message
            }
        }
        XCTAssertEqual(
            message("orders --group g --max 99999999999999999999", 1...1000),
            "--max must be between 1 and 1,000, not 99999999999999999999")
        XCTAssertEqual(
            message("orders --group g --max -99999999999999999999", nil),
            "--max must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807,"
                + " not -99999999999999999999")
        XCTAssertEqual(
            message("orders --group g --max 12x", 1...1000),
            "--max needs a whole number, not '12x'")
    }

    func testAFlagWithAValueGivenTwiceIsStillAUsageError() {
        XCTAssertEqual(
            usageMessage("orders --group g --max 1 --max 2"), "flag '--max' is given twice")
    }

    func testAFlagFollowedByAnotherFlagIsMissingItsValue() throws {
        XCTAssertEqual(
            usageMessage("orders --group --max 3"),
            "flag '--group' needs a value (GROUP) before '--max'")
        XCTAssertEqual(
            usageMessage("orders --group g --max --follow"),
            "flag '--max' needs a value (N) before '--follow'")
        // Words that merely look like flags are values: another command's flag, or a quoted one.
        XCTAssertEqual(try match("orders --group --other").requiredToken("--group").text, "--other")
        let quoted = [
            Token("orders"), Token("--group"), Token("--max", wasQuoted: true),
        ]
        let arguments = try Arguments(spec: spec, words: quoted, location: .unknown)
        XCTAssertEqual(try arguments.requiredToken("--group").text, "--max")
    }

    func testASwitchWithAnInlineValueIsAUsageError() {
        XCTAssertEqual(
            usageMessage("orders --group g --json=yes"), "flag '--json' takes no value")
    }

    func testAMissingRequiredFlagIsAUsageErrorNamingIt() {
        let message = usageMessage("orders --max 3")
        XCTAssertTrue(
            message?.hasPrefix("consume needs --group GROUP (usage: consume HUB --group GROUP")
                ?? false,
            message ?? "no error")
    }

    func testARequiredFlagIsReadWithoutAnOptional() throws {
        XCTAssertEqual(try match("orders --group billing").requiredToken("--group").text, "billing")
        XCTAssertEqual(try match("orders --group=g --max 7").requiredInt("--max"), 7)
        XCTAssertThrowsError(try match("orders --group g").requiredInt("--max"))
    }

    func testHelpIsShownEvenWithoutTheRequiredFlags() throws {
        XCTAssertTrue(try match("--help").wantsHelp)
    }

    func testUsageShowsRequiredFlagsFirstAndWithoutBrackets() {
        XCTAssertEqual(spec.usage, "consume HUB --group GROUP [--max N] [--follow]")
    }

    func testUsageOfTheConsumerGroupCommandsShowsTheirRequiredFlags() {
        let usages = Dictionary(
            uniqueKeysWithValues: DomainCommands.all.map { ($0.spec.name, $0.spec.usage) })
        XCTAssertTrue(usages["consume"]?.hasPrefix("consume HUB --group GROUP [") ?? false)
        XCTAssertEqual(
            usages["checkpoint set"], "checkpoint set HUB GROUP --partition P --seq N")
        XCTAssertEqual(
            usages["checkpoint reset"], "checkpoint reset HUB GROUP --to POS [--partition P]")
    }
}
