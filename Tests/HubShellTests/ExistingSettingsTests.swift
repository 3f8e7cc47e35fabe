import XCTest

@testable import HubShell

/// What `create ... --if-not-exists` says about something that already exists.
final class ExistingSettingsTests: XCTestCase {
    private let stdout = BufferSink()
    private let stderr = BufferSink()

    private func output() -> Output {
        Output(standardOutput: stdout, standardError: stderr, isTerminal: false, useColor: false)
    }

    func testSettingsThatWereNotAskedForAreNotCompared() {
        var settings = ExistingSettings("hub 'orders'")
        settings.compare(4, asked: nil, describe: { "\($0) partitions" }, askedText: { "\($0)" })
        settings.compare(1, asked: 1, describe: { "\($0) replica" }, askedText: { "\($0)" })
        settings.report(to: output())
        XCTAssertEqual(stdout.text, "hub 'orders' already exists; left as it is\n")
        XCTAssertEqual(stderr.text, "")
    }

    func testEachDifferenceIsNamedInAWarning() {
        var settings = ExistingSettings("hub 'orders'")
        settings.compare(4, asked: 8, describe: { "\($0) partitions" }, askedText: { "\($0)" })
        settings.compare("1d", asked: "7d", describe: { "retention \($0)" }, askedText: { $0 })
        settings.compare(1, asked: 3, describe: { "\($0) replica" }, askedText: { "\($0)" })
        settings.report(to: output())
        XCTAssertEqual(stdout.text, "")
        XCTAssertEqual(
            stderr.text,
            "warning: hub 'orders' already exists with 4 partitions, retention 1d and 1 replica"
                + " (asked: 8, 7d, 3); left as it is\n")
    }
}
