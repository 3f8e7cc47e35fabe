import Foundation
import HubCore
import XCTest

@testable import HubNATS

/// A test case whose class shares one throwaway nats-server; each test gets a namespace of
/// its own on it, so tests never see each other's hubs.
class NATSTestCase: XCTestCase {
    nonisolated(unsafe) static var server: TestServer?
    nonisolated(unsafe) static var serverProblem: String?
    private var openedLogs: [NATSEventLog] = []

    override class func setUp() {
        super.setUp()
        do {
            server = try TestServer()
        } catch {
            serverProblem = String(describing: error)
        }
    }

    override class func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    override func tearDown() {
        for log in openedLogs { log.close() }
        openedLogs = []
        super.tearDown()
    }

    /// The server of this class; fails the test, saying what to do, when there is none.
    func requireServer() throws -> TestServer {
        guard let server = Self.server else {
            XCTFail(Self.serverProblem ?? "no nats-server")
            throw TestServerError(Self.serverProblem ?? "no nats-server")
        }
        return server
    }

    /// A namespace no other test uses.
    lazy var namespace = "t" + String(UInt32.random(in: 0...UInt32.max), radix: 36)

    /// Opens a log on this test's namespace; it is closed after the test.
    func openLog(_ options: NATSEventLog.Options = .init(), namespace: String? = nil) throws
        -> NATSEventLog
    {
        let server = try requireServer()
        let log = try NATSEventLog.open(
            address: NATSAddress.parse(server.address + "/" + (namespace ?? self.namespace)),
            options: options)
        openedLogs.append(log)
        return log
    }
}

extension EventMetadata: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(partition)
        hasher.combine(sequenceNumber)
    }
}
