import Foundation
import XCTest

@testable import HubShell

final class HomeDirectoryTests: XCTestCase {
    func testHomeVariableComesFirst() {
        XCTAssertEqual(HomeDirectory.path(environment: ["HOME": "/tmp/x"]), "/tmp/x")
        XCTAssertEqual(HomeDirectory.path(environment: ["HOME": "/tmp/x/"]), "/tmp/x")
    }

    func testEmptyOrRelativeHomeFallsBackToTheAccountsHome() {
        XCTAssertEqual(HomeDirectory.path(environment: [:]), NSHomeDirectory())
        XCTAssertEqual(HomeDirectory.path(environment: ["HOME": ""]), NSHomeDirectory())
        XCTAssertEqual(HomeDirectory.path(environment: ["HOME": "rel"]), NSHomeDirectory())
    }

    func testTildeExpandsOnlyAtTheStart() {
        let environment = ["HOME": "/h"]
        XCTAssertEqual(HomeDirectory.expand("~", environment: environment), "/h")
        XCTAssertEqual(HomeDirectory.expand("~/data", environment: environment), "/h/data")
        XCTAssertEqual(HomeDirectory.expand("a/~/b", environment: environment), "a/~/b")
        XCTAssertEqual(HomeDirectory.expand("~other/x", environment: environment), "~other/x")
        XCTAssertEqual(HomeDirectory.expand("~/x", environment: ["HOME": "/"]), "/x")
    }
}
