import HubCore
import HubSchema

/// A registered schema version made ready to check event bodies: compiled once, then used for
/// every event of every publish in this process.
///
/// Safe to share between threads: both compiled forms are immutable.
struct CompiledEventSchema: Sendable {
    enum Form: Sendable {
        case json(CompiledJSONSchema, JSONSchemaValidationOptions)
        case avro(AvroSchema)
    }

    let version: SchemaVersion
    let form: Form

    /// What checking one body found.
    enum Outcome: Sendable {
        /// The body fits; for Avro, `body` is the Avro binary to store and `contentType` its
        /// `avro/binary+<schema id>` marker. For JSON both are nil: store the body as given.
        case valid(body: [UInt8]?, contentType: String?)
        case invalid([SchemaProblem])
    }

    /// The content type of events stored as Avro binary with this schema.
    var avroContentType: String { AvroContentType.make(schemaId: version.id) }

    /// Checks `body`, building error messages only when it fails.
    func check(_ body: [UInt8]) -> Outcome {
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes: body)
        } catch {
            return .invalid([SchemaProblem(
                instancePath: "", schemaPath: "", keyword: "json",
                message: "the body is not JSON (\(error)); schema '\(version.qualifiedName)'"
                    + " expects JSON")])
        }
        return check(json)
    }

    func check(_ json: JSONValue) -> Outcome {
        switch form {
        case .json(let schema, let options):
            if schema.isValid(json, options: options) { return .valid(body: nil, contentType: nil) }
            return .invalid(schema.validate(json, options: options).map(SchemaProblem.init))
        case .avro(let schema):
            do {
                let bytes = try AvroEncoder.encode(json, as: schema)
                return .valid(body: bytes, contentType: avroContentType)
            } catch let error as AvroDatumError {
                return .invalid([SchemaProblem(error)])
            } catch {
                return .invalid([SchemaProblem(
                    instancePath: "", schemaPath: "", keyword: "avro",
                    message: String(describing: error))])
            }
        }
    }
}

/// `avro/binary+<schema id>`: how Azure's Avro serializer marks events, and how hubsh does.
enum AvroContentType {
    static let prefix = "avro/binary+"

    static func make(schemaId: String) -> String { prefix + schemaId }

    /// The schema id in `contentType`, when it is an Avro binary marker.
    static func schemaId(in contentType: String?) -> String? {
        guard let contentType, contentType.hasPrefix(prefix) else { return nil }
        let id = String(contentType.dropFirst(prefix.count))
        return id.isEmpty ? nil : id
    }
}
