import XCTest
@testable import HubSamples

final class SampleRandomTests: XCTestCase {
    /// The first outputs of xoshiro256** seeded through SplitMix64, from an independent
    /// implementation of the published algorithms; a change here changes every sample event.
    func testSeedGivesTheReferenceXoshiroSequence() {
        var zero = SampleRandom(seed: 0)
        XCTAssertEqual(
            [zero.next(), zero.next(), zero.next()],
            [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var answer = SampleRandom(seed: 42)
        XCTAssertEqual(
            [answer.next(), answer.next(), answer.next()],
            [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    func testDrawsStayWithinTheirRanges() {
        var random = SampleRandom(seed: 7)
        for _ in 0..<10_000 {
            let unit = random.unit()
            XCTAssert(unit >= 0 && unit < 1)
            XCTAssert((0..<13).contains(random.below(13)))
            XCTAssert((3...5).contains(random.int(in: 3...5)))
            XCTAssert((0..<600).contains(random.skewedIndex(below: 600, skew: 3)))
        }
        XCTAssertEqual(random.below(0), 0)
    }

    func testSkewedIndexFavoursTheFirstItems() {
        var random = SampleRandom(seed: 11)
        let draws = (0..<10_000).map { _ in random.skewedIndex(below: 100, skew: 3) }
        let inFirstTenth = draws.filter { $0 < 10 }.count
        XCTAssertGreaterThan(inFirstTenth, 4_000, "a few hot items take a large share")
    }

    func testSampleReturnsDistinctItems() {
        var random = SampleRandom(seed: 3)
        let chosen = random.sample(Array(0..<8), count: 5)
        XCTAssertEqual(Set(chosen).count, 5)
        XCTAssertEqual(random.sample([1, 2], count: 5).count, 2)
    }
}
