import Foundation

/// The repository's files that the tests check, found from this source file's own path:
/// `Tests/HubSamplesTests/RepositoryFiles.swift` is three levels below the root.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    static func write(_ text: String, to relativePath: String) throws {
        try text.write(to: url(relativePath), atomically: true, encoding: .utf8)
    }

    /// The names of the files in a folder of the repository.
    static func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path).sorted()
    }

    /// The non-empty lines of a JSON Lines file.
    static func lines(_ relativePath: String) throws -> [String] {
        try text(relativePath).split(separator: "\n").map(String.init)
    }
}
