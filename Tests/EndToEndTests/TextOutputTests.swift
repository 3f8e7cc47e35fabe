import Foundation
import XCTest

/// Text output stays readable and says what is missing, whatever the values in it; `--json`
/// keeps every value whole.
final class TextOutputTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testALongHubNameIsCutInTheListAndWholeInJSON() throws {
        let long = String(repeating: "n", count: 256)
        hubsh.script("hub create \(long) --partitions 1; hub create short --partitions 1")
        let text = hubsh.script("hub list")
        XCTAssertEqual(text.status, 0, text.stderr)
        let rows = text.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 3, text.stdout)
        let cut = String(repeating: "n", count: 20) + "…" + String(repeating: "n", count: 19)
        XCTAssertTrue(rows.contains { $0.hasPrefix(cut + "  ") }, text.stdout)
        XCTAssertTrue(rows.allSatisfy { $0.unicodeScalars.count < 130 }, text.stdout)
        XCTAssertTrue(text.stderr.contains("1 hub name is longer than 40"), text.stderr)

        let names = hubsh.script("hub list --json").jsonLines().compactMap { $0["name"] as? String }
        XCTAssertEqual(Set(names), [long, "short"])
    }

    func testLongNamesThatDifferAtTheEndStayApartInTheList() throws {
        let long = String(repeating: "m", count: 45)
        hubsh.script("hub create \(long) --partitions 1; hub create \(long).deadletter")
        let text = hubsh.script("hub list")
        XCTAssertEqual(text.status, 0, text.stderr)
        let names = text.stdout.split(separator: "\n").dropFirst()
            .map { String($0.prefix { $0 != " " }) }
        XCTAssertEqual(
            names,
            [
                String(repeating: "m", count: 20) + "…" + String(repeating: "m", count: 19),
                String(repeating: "m", count: 20) + "…" + String(repeating: "m", count: 8)
                    + ".deadletter",
            ], text.stdout)
        XCTAssertTrue(text.stderr.contains("2 hub names are longer than 40"), text.stderr)
    }

    func testADeadLetterPublishedByHandSaysItHasNoReasonInsteadOfEmptyFields() {
        hubsh.script(
            "hub create d --partitions 1; hub create d.deadletter --partitions 1;"
                + " publish d.deadletter --property note=manual hand")
        let list = hubsh.script("deadletter list d")
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, list.stdout)
        XCTAssertTrue(
            lines.first?.hasSuffix("  no reason recorded (not dead-lettered by hubsh)  pending")
                ?? false, list.stdout)
        XCTAssertEqual(lines.last, "  hand")
    }
}
