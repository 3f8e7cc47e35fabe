import Foundation
import XCTest

@testable import HubShell

final class FileReadingTests: XCTestCase {
    func testARegularFileReadsWhole() throws {
        let folder = try TemporaryFolder()
        let text = String(repeating: "echo a line of a long script\n", count: 10_000)
        let path = try folder.write("long.hsh", text)
        XCTAssertEqual(try FileReading.readAll(path: path), Array(text.utf8))
    }

    func testAnEmptyDeviceReadsAsNoBytes() throws {
        XCTAssertEqual(try FileReading.readAll(path: "/dev/null"), [])
    }

    func testAPipeReadsThroughItsDevFdPath() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("echo piped\n".utf8))
        try pipe.fileHandleForWriting.close()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        XCTAssertEqual(try FileReading.readAll(path: path), Array("echo piped\n".utf8))
    }

    func testANamedPipeReadsWhatItsWriterSends() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/fifo"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            _ = "echo fifo\n".withCString { write(descriptor, $0, 10) }
            close(descriptor)
        }
        writer.start()
        XCTAssertEqual(try FileReading.readAll(path: path), Array("echo fifo\n".utf8))
    }

    func testErrorsSayWhatIsWrongWithThePath() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("plain.txt", "x")
        let cases: [(String, FileReadError.Reason)] = [
            (folder.path + "/missing.hsh", .notFound),
            (file + "/below-a-file", .notFound),
            (folder.path, .isDirectory),
        ]
        for (path, reason) in cases {
            XCTAssertThrowsError(try FileReading.readAll(path: path, shownAs: "shown")) { error in
                XCTAssertEqual(error as? FileReadError, FileReadError("shown", reason), path)
            }
        }
        XCTAssertEqual(
            FileReadError("x.hsh", .isDirectory).message(calling: "script"),
            "script 'x.hsh' is a directory; name a file in it")
    }

    func testAnUnreadableFileSaysPermissionDenied() throws {
        guard getuid() != 0 else { throw XCTSkip("root reads files whatever their mode") }
        let folder = try TemporaryFolder()
        let file = try folder.write("secret.hsh", "echo x\n")
        XCTAssertEqual(chmod(file, 0), 0)
        XCTAssertThrowsError(try FileReading.readAll(path: file)) { error in
            XCTAssertEqual((error as? FileReadError)?.reason, .permissionDenied)
        }
    }
}
