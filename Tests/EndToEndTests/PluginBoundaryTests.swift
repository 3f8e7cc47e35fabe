import Foundation
import XCTest

/// The plugin API exists once in a hubsh process, and a plugin built outside the repository,
/// as the README shows, loads and works.
final class PluginBoundaryTests: XCTestCase {
    var hubsh = Hubsh()
    var builds: PluginBuilds!

    override func setUpWithError() throws {
        builds = try PluginBuilds.get()
    }

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testReadmePluginBuiltOutsideTheRepositoryLoadsAndWorks() {
        XCTAssertFalse(builds.outsideFolder.hasPrefix(Hubsh.projectRoot.path))
        let load = "plugin load '\(builds.hello)'; "
        let result = hubsh.script(load + "hub create orders; hello orders --shout; hello --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            "loaded plugin 'hello' 0.1.0: command hello\n"
                + "created hub 'orders': 4 partitions, retention 7d, max event size 1.0 MiB\n"
                + "HELLO, ORDERS: 4 PARTITIONS\n"
                + "{\"hub\":\"orders\",\"greeting\":\"hello, orders: 4 partitions\"}\n")
    }

    func testOnlyOneCopyOfTheAPILibraryIsMapped() throws {
        let process = hubsh.start([
            "-c", "plugin load '\(builds.hello)'; plugin load '\(builds.skewReport)'; sleep 30",
        ])
        defer {
            process.terminate()
            _ = hubsh.finish(process)
        }
        let maps = "/proc/\(process.processIdentifier)/maps"
        var mapped: Set<String> = []
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let text = String(
                decoding: FileHandle(forReadingAtPath: maps)?.readDataToEndOfFile() ?? Data(),
                as: UTF8.self)
            let paths = text.split(separator: "\n").compactMap { line -> String? in
                guard let slash = line.firstIndex(of: "/") else { return nil }
                return String(line[slash...])
            }
            if paths.contains(where: { $0.hasSuffix("libSkewReport.so") }) {
                mapped = Set(paths.filter { $0.hasSuffix("/libHubPluginAPI.so") })
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let binaryFolder = (Hubsh.binary as NSString).deletingLastPathComponent
        XCTAssertEqual(mapped.count, 1, "mapped: \(mapped)")
        // The one copy is hubsh's, not one from a plugin's build folder.
        let resolved = mapped.map { ($0 as NSString).resolvingSymlinksInPath }
        XCTAssertEqual(
            resolved, [(binaryFolder + "/libHubPluginAPI.so" as NSString).resolvingSymlinksInPath])
    }

    func testDynamicLoaderOpensTheAPILibraryOnlyForHubsh() {
        hubsh.environment["LD_DEBUG"] = "libs"
        let result = hubsh.script("plugin load '\(builds.hello)'; hub create h; hello h")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasSuffix("hello, h: 4 partitions\n"), result.stdout)
        let searches = result.stderr.components(separatedBy: "find library=libHubPluginAPI.so")
        XCTAssertEqual(searches.count - 1, 1, "searched more than once")
        let apiLines = result.stderr.split(separator: "\n").filter {
            $0.contains("libHubPluginAPI.so")
        }
        XCTAssertFalse(apiLines.isEmpty)
        XCTAssertFalse(
            apiLines.contains { $0.contains(builds.outsideFolder) }, "the plugin's own copy opened")
    }
}
