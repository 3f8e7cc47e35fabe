import Foundation
import XCTest

@testable import hubsh

/// What hubsh finds in a data directory before opening it: new or not, and missing parents.
final class DataDirectoryCheckTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "hubsh-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAMissingDirectoryUnderAnExistingOneIsNew() throws {
        let check = try DataDirectoryCheck.inspect(folder + "/fresh", makesParents: false)
        XCTAssertTrue(check.isMissing)
        XCTAssertTrue(check.isNew)
    }

    func testAnEmptyDirectoryIsNewButNotMissing() throws {
        let check = try DataDirectoryCheck.inspect(folder, makesParents: false)
        XCTAssertFalse(check.isMissing)
        XCTAssertTrue(check.isNew)
    }

    func testADirectoryWithAStoreIsNotNew() throws {
        try Data().write(to: URL(fileURLWithPath: folder + "/data.mdb"))
        XCTAssertFalse(try DataDirectoryCheck.inspect(folder, makesParents: false).isNew)
    }

    func testAMissingParentIsRefusedUnlessHubshPickedTheDirectory() throws {
        let deep = folder + "/typo/deep"
        XCTAssertThrowsError(try DataDirectoryCheck.inspect(deep, makesParents: false)) {
            XCTAssertEqual(
                "\($0)",
                "cannot create data directory '\(deep)': '\(folder)/typo' does not exist (check"
                    + " the path, or create '\(folder)/typo' first to start a namespace there)")
        }
        XCTAssertTrue(try DataDirectoryCheck.inspect(deep, makesParents: true).isMissing)
    }
}
