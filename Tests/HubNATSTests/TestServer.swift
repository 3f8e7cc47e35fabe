import Foundation
import XCTest

/// A throwaway single-node nats-server with JetStream, on a free loopback port, with its
/// store in a temporary directory. Each test class starts its own and stops it at the end.
final class TestServer {
    let port: Int
    let directory: String
    private var process: Process?

    var address: String { "nats://127.0.0.1:\(port)" }

    /// Starts the server and waits until it accepts connections. Fails, with what to do,
    /// when nats-server is not installed.
    init() throws {
        guard let binary = TestServer.findBinary() else {
            throw TestServerError(
                "nats-server is not installed: run 'bash .ci/install' (it installs nats-server"
                    + " and libnats-dev)")
        }
        port = try TestServer.freePort()
        let template = NSTemporaryDirectory() + "hubnats-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw TestServerError("no temporary directory") }
        directory = String(cString: made)
        let config = """
            listen: 127.0.0.1:\(port)
            max_payload: 8MB
            jetstream {
                store_dir: "\(directory)/store"
            }
            """
        try config.write(toFile: directory + "/server.conf", atomically: true, encoding: .utf8)
        try start(binary)
    }

    private func start(_ binary: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-c", directory + "/server.conf"]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        try waitUntilListening()
    }

    /// Starts the server again on the same port and store, after `kill`.
    func restart() throws {
        guard let binary = TestServer.findBinary() else { return }
        try start(binary)
    }

    /// Stops the server at once, as a crash would (SIGKILL).
    func kill() {
        guard let process, process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the server and removes its store.
    func stop() {
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        process = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func waitUntilListening() throws {
        for _ in 0..<200 {
            if TestServer.canConnect(port: port) { return }
            usleep(25_000)
        }
        throw TestServerError("nats-server did not start listening on port \(port)")
    }

    static func findBinary() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/nats-server" }
            + ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nothing listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw TestServerError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

struct TestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
