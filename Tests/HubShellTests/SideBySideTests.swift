import Foundation
import Synchronization
import XCTest

@testable import HubShell

final class SideBySideTests: XCTestCase {
    func testValuesComeBackInTheOrderOfTheItems() {
        let items = Array(0..<50)
        XCTAssertEqual(SideBySide.map(items, width: 4) { $0 * 3 }, items.map { $0 * 3 })
        XCTAssertEqual(SideBySide.map([7]) { $0 + 1 }, [8])
        XCTAssertEqual(SideBySide.map([Int]()) { $0 }, [])
    }

    /// Each call waits until all four are under way: run one after another, the first would
    /// give up waiting, and every value would say so.
    func testCallsRunAtTheSameTime() {
        let started = Atomic<Int>(0)
        let values = SideBySide.map(Array(0..<4), width: 4) { _ -> Bool in
            started.add(1, ordering: .relaxed)
            let deadline = Date().addingTimeInterval(10)
            while started.load(ordering: .relaxed) < 4 && Date() < deadline {
                usleep(1_000)
            }
            return started.load(ordering: .relaxed) == 4
        }
        XCTAssertEqual(values, [true, true, true, true])
    }
}
