import Foundation
import HubCore

/// Files the schema tests read: the repository's own (`samples/`) and the shared test data
/// beside the checkout (`../shared/testdata`), both found from this source file's path.
enum TestFiles {
    /// The project root: `Tests/HubSchemaTests/Support/TestFiles.swift` is four levels down.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let testData = root.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata")

    static func repository(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func shared(_ relativePath: String) -> URL {
        testData.appendingPathComponent(relativePath)
    }

    static func json(_ url: URL) throws -> JSONValue {
        try JSONValue.parse(bytes: [UInt8](try Data(contentsOf: url)))
    }

    /// The names of the files in a folder, sorted.
    static func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}
