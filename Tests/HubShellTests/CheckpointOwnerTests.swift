import Foundation
import XCTest
@testable import HubShell

final class CheckpointOwnerTests: XCTestCase {
    func testOwnerTextGivesHostAndProcess() {
        XCTAssertEqual(CheckpointOwner("hubsh@vm:31920"), CheckpointOwner(host: "vm", 31920))
        XCTAssertEqual(CheckpointOwner("hubsh@a:b:7")?.host, "a:b")
        XCTAssertNil(CheckpointOwner("worker-3"))
        XCTAssertNil(CheckpointOwner("hubsh@vm:zero"))
    }

    func testAnExitedProcessOnThisHostIsNotRunning() throws {
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let owner = "hubsh@here:\(exited.processIdentifier)"
        XCTAssertFalse(CheckpointOwner.mightBeRunning(owner, localHost: "here", localProcess: 1))
    }

    func testThisVeryProcessIsNotAnotherConsumer() {
        let owner = "hubsh@here:\(getpid())"
        XCTAssertFalse(
            CheckpointOwner.mightBeRunning(owner, localHost: "here", localProcess: getpid()))
    }

    func testALiveProcessAnotherHostOrUnknownTextMayBeRunning() {
        let live = "hubsh@here:\(getpid())"
        XCTAssertTrue(CheckpointOwner.mightBeRunning(live, localHost: "here", localProcess: 1))
        XCTAssertTrue(
            CheckpointOwner.mightBeRunning("hubsh@elsewhere:1", localHost: "here", localProcess: 2))
        XCTAssertTrue(
            CheckpointOwner.mightBeRunning("worker-3", localHost: "here", localProcess: 2))
    }
}

extension CheckpointOwner {
    init(host: String, _ processId: pid_t) {
        self.init("hubsh@\(host):\(processId)")!
    }
}
