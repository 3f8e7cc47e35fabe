import Foundation
import HubCore
import HubSchema

/// Schema text read in a group's format: checked to be a schema, with the canonical text that
/// says whether two registrations are the same schema.
///
/// JSON Schema: the compact JSON text of the parsed document (member order kept). Avro: the
/// normalized form, which keeps defaults, aliases and docs, so a change to a default is a new
/// version while re-indenting the file is not.
enum SchemaDefinition: Sendable {
    case json(JSONValue)
    case avro(AvroSchema)

    var canonicalForm: String {
        switch self {
        case .json(let value): return value.text
        case .avro(let schema): return schema.normalizedForm
        }
    }

    /// Parses `text` as a schema of `format`; `source` names it in errors (a file or
    /// `GROUP/NAME`). JSON Schemas are only parsed here; `SchemaCatalog.compile` checks them.
    static func parse(_ text: String, format: SchemaFormat, source: String) throws
        -> SchemaDefinition
    {
        switch format {
        case .json:
            do {
                return .json(try JSONValue.parse(text))
            } catch {
                throw SchemaCommandError.notASchema(source: source, reason: "not JSON: \(error)")
            }
        case .avro:
            do {
                return .avro(try AvroSchema.parse(text: text))
            } catch {
                throw SchemaCommandError.notASchema(source: source, reason: "\(error)")
            }
        }
    }

    /// Reads a schema file as UTF-8 text.
    static func read(file path: String, shown: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SchemaCommandError.unreadableFile(shown)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SchemaCommandError.notASchema(source: shown, reason: "the file is not UTF-8 text")
        }
        return text
    }
}
