import XCTest

@testable import HubShell

/// Start-up finds plugins in `$HUBSH_PLUGIN_PATH` and in the XDG data directory.
final class PluginSearchPathTests: XCTestCase {
    func testPathEntriesAreFilesOrFoldersInOrderThenTheDataDirectory() throws {
        let folder = try TemporaryFolder()
        let single = try folder.write("one/libSingle.so", "")
        try folder.write("many/libB.so", "")
        try folder.write("many/libA.so", "")
        try folder.write("many/libHubPluginAPI.so", "")
        try folder.write("many/README.md", "")
        try folder.write("data/hubsh/plugins/libDefault.so", "")
        let files = PluginSearchPath.files(environment: [
            "HUBSH_PLUGIN_PATH": "\(single)::\(folder.path)/many:\(folder.path)/gone.so",
            "XDG_DATA_HOME": folder.path + "/data",
        ])
        XCTAssertEqual(files, [
            single, folder.path + "/many/libA.so", folder.path + "/many/libB.so",
            folder.path + "/gone.so", folder.path + "/data/hubsh/plugins/libDefault.so",
        ])
    }

    func testAFileNamedTwiceIsLoadedOnce() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("data/hubsh/plugins/libTwice.so", "")
        let files = PluginSearchPath.files(environment: [
            "HUBSH_PLUGIN_PATH": file, "XDG_DATA_HOME": folder.path + "/data",
        ])
        XCTAssertEqual(files, [file])
    }

    func testDefaultFolderFollowsXDGElseHome() {
        XCTAssertEqual(
            PluginSearchPath.defaultFolder(environment: ["XDG_DATA_HOME": "/x/data"]),
            "/x/data/hubsh/plugins")
        XCTAssertEqual(
            PluginSearchPath.defaultFolder(environment: [:]),
            NSHomeDirectory() + "/.local/share/hubsh/plugins")
        XCTAssertEqual(
            PluginSearchPath.defaultFolder(environment: ["HOME": "/h"]),
            "/h/.local/share/hubsh/plugins")
    }

    func testMissingDefaultFolderIsNoError() {
        XCTAssertEqual(PluginSearchPath.files(environment: ["XDG_DATA_HOME": "/nonexistent"]), [])
    }
}
