import HubCore
import XCTest

@testable import HubShell

/// Which engine a target string names, and what is wrong with a malformed one.
final class EngineTargetTests: XCTestCase {
    private func refusal(_ text: String) -> String {
        do {
            let target = try EngineTarget.parse(text)
            XCTFail("'\(text)' was accepted as \(target)")
            return ""
        } catch {
            XCTAssertTrue(error is EngineTargetError, "\(error)")
            XCTAssertFalse("\(error)".contains("\n"), "\(error)")
            return "\(error)"
        }
    }

    func testPlainPathsAndLmdbPrefixNameTheEmbeddedLog() throws {
        XCTAssertEqual(try EngineTarget.parse("/var/lib/hubsh"), .lmdb(directory: "/var/lib/hubsh"))
        XCTAssertEqual(try EngineTarget.parse("data"), .lmdb(directory: "data"))
        XCTAssertEqual(try EngineTarget.parse("~/streams"), .lmdb(directory: "~/streams"))
        XCTAssertEqual(try EngineTarget.parse("lmdb:/tmp/x"), .lmdb(directory: "/tmp/x"))
        // A folder whose name looks like a URL is still a folder when lmdb: says so.
        XCTAssertEqual(
            try EngineTarget.parse("lmdb:nats://odd"), .lmdb(directory: "nats://odd"))
        XCTAssertEqual(try EngineTarget.parse("dir:with:colons"),
                       .lmdb(directory: "dir:with:colons"))
    }

    func testNATSAddressWithSeveralServersAndANamespace() throws {
        let target = try EngineTarget.parse(
            "nats://127.0.0.1:4222,127.0.0.1:4223,host-3:4224/team_1")
        XCTAssertEqual(
            target,
            .nats(NATSAddress(
                servers: ["127.0.0.1:4222", "127.0.0.1:4223", "host-3:4224"], namespace: "team_1")))
        guard case .nats(let address) = target else { return }
        XCTAssertEqual(
            address.serverURLs,
            ["nats://127.0.0.1:4222", "nats://127.0.0.1:4223", "nats://host-3:4224"])
        XCTAssertEqual(address.url, "nats://127.0.0.1:4222,127.0.0.1:4223,host-3:4224/team_1")
        XCTAssertEqual(
            target.commandLineArguments,
            ["--engine", "nats://127.0.0.1:4222,127.0.0.1:4223,host-3:4224/team_1"])
    }

    func testNATSDefaultsAreThePortAndTheDefaultNamespace() throws {
        let target = try EngineTarget.parse("NATS://localhost")
        XCTAssertEqual(target, .nats(NATSAddress(servers: ["localhost:4222"])))
        XCTAssertEqual(target.description, "nats://localhost:4222")
        XCTAssertEqual(
            try EngineTarget.parse("nats://a:1,nats://b:2"),
            .nats(NATSAddress(servers: ["a:1", "b:2"], namespace: "default")))
        XCTAssertEqual(
            try EngineTarget.parse("nats://[::1]:4222,[fe80::1]"),
            .nats(NATSAddress(servers: ["[::1]:4222", "[fe80::1]:4222"])))
    }

    func testEmbeddedTargetReopensWithData() {
        XCTAssertEqual(
            EngineTarget.lmdb(directory: "/tmp/d").commandLineArguments, ["--data", "/tmp/d"])
    }

    func testMalformedTargetsAreRefusedInOneLineNamingThePart() {
        XCTAssertTrue(refusal("").contains("empty"))
        XCTAssertTrue(refusal("lmdb:").contains("names no directory"))
        XCTAssertTrue(refusal("kafka://broker:9092").hasPrefix("unknown engine 'kafka'"))
        XCTAssertTrue(refusal("nats://").contains("names no server"))
        XCTAssertTrue(refusal("nats:///team").contains("names no server"))
        XCTAssertTrue(refusal("nats://a:4222,,b:4223").contains("empty server"))
        XCTAssertTrue(refusal("nats://a:0").hasPrefix("invalid port '0'"))
        XCTAssertTrue(refusal("nats://a:65536").hasPrefix("invalid port '65536'"))
        XCTAssertTrue(refusal("nats://a:port").hasPrefix("invalid port 'port'"))
        XCTAssertTrue(refusal("nats://:4222").hasPrefix("invalid host ''"))
        XCTAssertTrue(refusal("nats://a b:4222").hasPrefix("invalid host 'a b'"))
        XCTAssertTrue(refusal("nats://[::1:4222").contains("no closing ']'"))
        XCTAssertTrue(refusal("nats://user:pw@a:4222").contains("credentials"))
        XCTAssertTrue(refusal("nats://a:4222/").hasPrefix("invalid namespace ''"))
        XCTAssertTrue(refusal("nats://a:4222/team.x").hasPrefix("invalid namespace 'team.x'"))
        XCTAssertTrue(refusal("nats://a:4222/a/b").hasPrefix("invalid namespace 'a/b'"))
        XCTAssertTrue(
            refusal("nats://a/" + String(repeating: "n", count: 65)).contains("1-64 letters"))
    }

    func testNearMissesOfANATSAddressAreRefusedNotTakenAsDirectories() {
        for text in ["nats:/127.0.0.1:4222", "nats:127.0.0.1:4222", "nats//a:1", "127.0.0.1:4222",
                     "localhost:4222"] {
            XCTAssertThrowsError(try EngineTarget.parse(text), text) {
                let message = "\($0)"
                XCTAssertTrue(message.contains("nats://"), message)
                XCTAssertTrue(message.contains("lmdb:"), message)
            }
        }
        XCTAssertEqual(try EngineTarget.parse("lmdb:127.0.0.1:4222"),
                       .lmdb(directory: "127.0.0.1:4222"))
        XCTAssertEqual(try EngineTarget.parse("data/streams"), .lmdb(directory: "data/streams"))
    }
}
