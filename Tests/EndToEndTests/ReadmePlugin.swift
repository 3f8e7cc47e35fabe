import Foundation

/// The plugin of the README's "Write a plugin" section, taken from the README itself, so the
/// walkthrough a newcomer follows is the one the tests build.
enum ReadmePlugin {
    /// The placeholder the README uses for the path of a clone of hubsh.
    static let placeholder = "/path/to/hubsh/plugins/PluginAPI"

    /// Writes the README's `Package.swift` and plugin source into `folder`, with the API's path
    /// in place of the placeholder; returns `folder`.
    static func write(to folder: String, apiPath: String) throws -> String {
        let readme = try String(
            contentsOf: Hubsh.projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = try swiftBlocks(inSection: "## Write a plugin", of: readme)
        guard let manifest = blocks.first(where: { $0.hasPrefix("// swift-tools-version") }),
              let source = blocks.first(where: { $0.hasPrefix("// Sources/") })
        else {
            throw PluginBuilds.BuildFailure(
                description: "README's 'Write a plugin' lacks Package.swift or the source")
        }
        let sourcePath = String(source.prefix { $0 != "\n" }.dropFirst(3))
        let files = [
            ("Package.swift", manifest.replacingOccurrences(of: placeholder, with: apiPath)),
            (sourcePath, source),
        ]
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The ```swift blocks of the section headed `heading`, without the list's indentation.
    static func swiftBlocks(inSection heading: String, of text: String) throws -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: heading) else {
            throw PluginBuilds.BuildFailure(description: "README has no '\(heading)'")
        }
        var blocks: [String] = []
        var current: [String]? = nil
        var indent = 0
        for line in lines[(start + 1)...] {
            if current == nil && line.hasPrefix("## ") { break }
            let trimmed = line.drop { $0 == " " }
            if current == nil, trimmed == "```swift" {
                current = []
                indent = line.count - trimmed.count
            } else if current != nil, trimmed == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                let leading = line.prefix { $0 == " " }.count
                current!.append(String(line.dropFirst(min(indent, leading))))
            }
        }
        return blocks
    }
}
