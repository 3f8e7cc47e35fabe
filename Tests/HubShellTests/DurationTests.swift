import XCTest

@testable import HubShell

final class DurationTests: XCTestCase {
    func testNumbersWithAndWithoutUnitsParseToMilliseconds() {
        let expected: [(String, Int64)] = [
            ("0", 0), ("5", 5000), ("0.5", 500), ("1.25", 1250), ("500ms", 500), ("5s", 5000),
            ("1.5m", 90_000), ("2h", 7_200_000), ("1d", 86_400_000), ("0.0001s", 0),
            ("007s", 7000), ("7d", 604_800_000), ("168h", 604_800_000), ("604800", 604_800_000),
            // The grammar retentions use: parts in a row, any case, weeks.
            ("1m30s", 90_000), ("1s500ms", 1500), ("1d12h", 129_600_000), ("5S", 5000),
            ("1w", 604_800_000), ("1.5d", 129_600_000), ("2h0.5m", 7_230_000), (".5", 500),
            (".25s", 250),
        ]
        for (text, millis) in expected {
            XCTAssertEqual(try Duration.parse(text).get(), millis, text)
        }
    }

    func testHexExponentsSignsAndNonNumbersAreNotDurations() {
        let refused = [
            "", "s", ".", "5.", ".s", "1.2.3", "0x10", "1e9", "1e19", "1E3", "inf", "nan",
            "-1", "+1", "1 s", "5sec", "١s", "soon", "1m30", "30 1m", "1m 30s", "1ss", "s1",
            "1..5s", "1.m",
        ]
        for text in refused {
            XCTAssertEqual(Duration.parse(text), .failure(.notADuration), text)
        }
    }

    func testDurationsLongerThanSevenDaysAreTooLongWithoutTrapping() {
        let refused = [
            "9223372036854775807", "99999999999999999999999999999", "9999999999999h",
            "604800.001", "7.0001d", "8d", "604800001ms", "1000000000",
        ]
        for text in refused {
            XCTAssertEqual(Duration.parse(text), .failure(.tooLong), text)
        }
    }

    func testTooLongSleepIsAUsageErrorNamingTheLimit() {
        for text in ["1e19", "9999999999999h", "9223372036854775807", "1e300", "0x10", "1e9"] {
            let test = TestShell()
            XCTAssertEqual(test.run("sleep \(text)"), 2, text)
        }
        let test = TestShell()
        XCTAssertEqual(test.run("sleep 9223372036854775807"), 2)
        XCTAssertTrue(test.errors.contains("durations go up to 7d"), test.errors)
    }
}
