import Foundation
import HubCore
import HubSchema

/// Finds the documents a schema file `$ref`s among the files around it.
///
/// A reference resolves to a URI under the group's base URI, such as
/// `https://hubsh.invalid/schemas/github/common/user.schema.json`; the part after the base
/// (`common/user.schema.json`) is looked for in the file's folder, then in its parent folders
/// (three levels up), so both `"$ref": "user.schema.json"` next to the file and
/// `"$ref": "common/user.schema.json"` written from a sibling folder are found.
/// Nothing outside the file system is read.
struct SchemaFileNeighbours: JSONSchemaResolver {
    let folders: [URL]
    let baseURI: String

    init(file: String, baseURI: String, levels: Int = 3) {
        var folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        var folders = [folder]
        for _ in 0..<levels where folder.pathComponents.count > 1 {
            folder = folder.deletingLastPathComponent()
            folders.append(folder)
        }
        self.folders = folders
        self.baseURI = baseURI
    }

    func document(at uri: String) throws -> JSONSchemaDocument? {
        guard uri.hasPrefix(baseURI) else { return nil }
        let relative = String(uri.dropFirst(baseURI.count))
        guard !relative.isEmpty, !relative.split(separator: "/").contains("..") else { return nil }
        for folder in folders {
            let path = folder.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                // A root `$id` is read the way registered schemas read it: against the group's
                // base URI. Without one, the document is known by the URI it was asked for.
                let json = try JSONValue.parse(bytes: [UInt8](data))
                return JSONSchemaDocument(json: json, baseURI: json["$id"] == nil ? uri : baseURI)
            } catch {
                throw JSONSchemaError.unreadableDocument(uri: uri, reason: "\(error)")
            }
        }
        return nil
    }
}
