import HubCore
import HubShell
import XCTest

@testable import hubsh

/// hubsh's command line: `--engine`, `--data`, and how they choose the engine.
final class OptionsTests: XCTestCase {
    private func usageError(_ arguments: [String]) -> String {
        do {
            _ = try Options.parse(arguments)
            XCTFail("\(arguments) was accepted")
            return ""
        } catch {
            XCTAssertTrue(error is OptionError, "\(error)")
            return "\(error)"
        }
    }

    func testEngineTakesANATSAddressInBothSpellings() throws {
        let expected = EngineTarget.nats(
            NATSAddress(servers: ["127.0.0.1:4222", "127.0.0.1:4223"], namespace: "team"))
        let address = "nats://127.0.0.1:4222,127.0.0.1:4223/team"
        XCTAssertEqual(try Options.parse(["--engine", address]).engine, expected)
        XCTAssertEqual(try Options.parse(["--engine=" + address]).engine, expected)
        XCTAssertNil(try Options.parse(["--engine", address]).dataDirectory)
    }

    func testEngineTakesADataDirectory() throws {
        XCTAssertEqual(try Options.parse(["--engine", "lmdb:/tmp/a"]).engine,
                       .lmdb(directory: "/tmp/a"))
        XCTAssertEqual(try Options.parse(["--engine", "store"]).engine, .lmdb(directory: "store"))
    }

    func testEngineAndDataTogetherAreOneUsageError() {
        let message = usageError(["--data", "/tmp/a", "--engine", "nats://h:1"])
        XCTAssertEqual(
            message,
            "give --data DIR or --engine TARGET, not both (--engine lmdb:DIR names a data"
                + " directory too)")
        XCTAssertEqual(usageError(["--engine=lmdb:/x", "--data=/y"]), message)
    }

    func testMalformedEngineIsAUsageErrorNamingTheFlag() {
        XCTAssertEqual(
            usageError(["--engine", "nats://h:x"]),
            "--engine: invalid port 'x' in 'nats://h:x': use a number from 1 to 65535")
        XCTAssertTrue(usageError(["--engine=ftp://x"]).hasPrefix("--engine: unknown engine 'ftp'"))
        XCTAssertEqual(usageError(["--engine"]), "--engine needs a value")
    }

    func testUsageMentionsEngine() {
        XCTAssertTrue(Options.usage.contains("[--data DIR | --engine TARGET]"))
        XCTAssertTrue(Options.usage.contains("nats://HOST:PORT[,HOST:PORT...][/NAMESPACE]"))
        XCTAssertTrue(Options.usage.split(separator: "\n").allSatisfy { $0.count <= 92 })
    }

    // MARK: - Which engine hubsh starts on

    func testEnvironmentEngineIsUsedWithoutFlags() throws {
        let start = try Engines.startingTarget(
            Options.parse([]), environment: ["HUBSH_ENGINE": "nats://n1:4222"])
        XCTAssertEqual(start.target, .nats(NATSAddress(servers: ["n1:4222"])))
    }

    func testFlagsWinOverTheEnvironmentEngine() throws {
        let environment = ["HUBSH_ENGINE": "nats://n1:4222", "HOME": "/home/u"]
        let data = try Engines.startingTarget(
            Options.parse(["--data", "/srv/d"]), environment: environment)
        XCTAssertEqual(data.target, .lmdb(directory: "/srv/d"))
        XCTAssertEqual(data.label, "d")
        let engine = try Engines.startingTarget(
            Options.parse(["--engine", "lmdb:~/x"]), environment: environment)
        XCTAssertEqual(engine.target, .lmdb(directory: "/home/u/x"))
    }

    func testMalformedEnvironmentEngineIsAUsageErrorNamingTheVariable() {
        XCTAssertThrowsError(
            try Engines.startingTarget(
                Options.parse([]), environment: ["HUBSH_ENGINE": "nats://:1"])
        ) { error in
            XCTAssertTrue(error is OptionError)
            XCTAssertTrue("\(error)".hasPrefix("HUBSH_ENGINE: invalid host ''"), "\(error)")
        }
    }

    func testWithoutChoiceTheDefaultDataDirectoryIsTheDefaultNamespace() throws {
        let start = try Engines.startingTarget(
            Options.parse([]), environment: ["HOME": "/home/u", "HUBSH_ENGINE": ""])
        XCTAssertEqual(start.target, .lmdb(directory: "/home/u/.local/share/hubsh"))
        XCTAssertEqual(start.label, "default")
    }

    func testANATSTargetWithNoServerListeningSaysSoInOneLine() {
        XCTAssertThrowsError(try Engines.open(.nats(NATSAddress(servers: ["127.0.0.1:1"])))) {
            let message = "\($0)"
            XCTAssertTrue(
                message.hasPrefix("cannot reach the NATS cluster at nats://127.0.0.1:1"), message)
            XCTAssertFalse(message.contains("\n"), message)
        }
    }

    func testLabelsNameTheNamespace() {
        XCTAssertEqual(Engines.lmdbLabel("/tmp/streams"), "streams")
        XCTAssertEqual(
            Engines.natsLabel(NATSAddress(servers: ["a:1"], namespace: "ops")), "nats:ops")
    }
}
