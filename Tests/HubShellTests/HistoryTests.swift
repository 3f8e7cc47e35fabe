import XCTest

@testable import HubShell

final class HistoryTests: XCTestCase {
    func testEntriesRoundTripExactlyThroughTheFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/state/hubsh/history"
        let entries = [
            "echo \"a  b\" 'ü'",
            "  leading and trailing  ",
            #"echo back\slash \\ \n literal"#,
            "echo 'two\nlines'",
            "publish orders '{\"emoji\":\"🚀\"}'",
        ]
        for entry in entries { try History.append(entry, to: path) }
        XCTAssertEqual(History.load(from: path), entries)
    }

    func testTrimKeepsTheNewestEntries() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/history"
        for index in 0..<12 { try History.append("echo \(index)", to: path) }
        try History.trim(path, to: 5)
        XCTAssertEqual(History.load(from: path), (7..<12).map { "echo \($0)" })
    }

    func testMissingFileIsAnEmptyHistory() {
        XCTAssertEqual(History.load(from: "/nonexistent/history"), [])
    }

    func testUnwritableFolderIsAnErrorThatSaysWhatToDo() {
        XCTAssertThrowsError(try History.append("x", to: "/proc/hubsh/history")) { error in
            XCTAssertTrue("\(error)".contains("set XDG_STATE_HOME"), "\(error)")
        }
    }

    func testDefaultPathFollowsXDGStateHome() {
        XCTAssertEqual(
            History.defaultPath(environment: ["XDG_STATE_HOME": "/tmp/state"]),
            "/tmp/state/hubsh/history")
        XCTAssertEqual(
            History.defaultPath(environment: [:]),
            NSHomeDirectory() + "/.local/state/hubsh/history")
        XCTAssertEqual(
            History.defaultPath(environment: ["XDG_STATE_HOME": "relative"]),
            NSHomeDirectory() + "/.local/state/hubsh/history")
    }

    func testDefaultPathStartsFromHomeWhenItIsSet() {
        XCTAssertEqual(
            History.defaultPath(environment: ["HOME": "/tmp/someone"]),
            "/tmp/someone/.local/state/hubsh/history")
    }
}
