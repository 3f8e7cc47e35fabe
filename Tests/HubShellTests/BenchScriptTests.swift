import Foundation
import XCTest

@testable import HubShell

/// The benchmark scenarios in samples/bench/ name only commands and flags that exist. Their
/// bench commands are swapped for ones that only check their words, so nothing is measured.
final class BenchScriptTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/bench")

    func testEveryBenchScenarioParsesWithTheRealFlags() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".hsh") }.sorted()
        XCTAssertEqual(
            scripts, ["e2e.hsh", "group-commit.hsh", "memory.hsh", "publish.hsh", "read.hsh"])

        let checkedOnly = BenchCommands.all.map { bench in
            Command(bench.spec) { _, _ in }
        }
        for script in scripts {
            let test = TestShell(commands: DomainCommands.all + checkedOnly)
            let path = Self.folder.appendingPathComponent(script).path
            let status = test.shell.runScriptFile(path)
            XCTAssertEqual(status, 0, "\(script): \(test.errors)")
        }
    }
}
