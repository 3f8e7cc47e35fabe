import HubCore
import HubSchema

/// Compares a new schema with the earlier versions of its name, as the group's mode asks.
enum SchemaCompatibilityCheck {
    /// Every incompatibility of `definition` with `previous` (oldest first) under `mode`.
    static func run(
        _ definition: SchemaDefinition, against previous: [SchemaVersion],
        format: SchemaFormat, mode: CompatibilityMode
    ) throws -> [SchemaIncompatibility] {
        guard mode != .none, !previous.isEmpty else { return [] }
        switch definition {
        case .json(let new):
            let old = try previous.map { version -> JSONValue in
                guard case .json(let value) = try SchemaDefinition.parse(
                    version.definition, format: format, source: "version \(version.version)")
                else { return .null }
                return value
            }
            return JSONSchemaCompatibility.check(new, against: old, mode: mode).map {
                SchemaIncompatibility(
                    againstVersion: previous[$0.previousIndex].version,
                    path: $0.incompatibility.path, rule: $0.incompatibility.rule,
                    breaks: $0.incompatibility.breaks.rawValue,
                    message: $0.incompatibility.message)
            }
        case .avro(let new):
            let old = try previous.map { version -> AvroSchema in
                guard case .avro(let schema) = try SchemaDefinition.parse(
                    version.definition, format: format, source: "version \(version.version)")
                else { return new }
                return schema
            }
            return AvroCompatibility.check(new, against: old, mode: mode).map {
                SchemaIncompatibility(
                    againstVersion: previous[$0.previousIndex].version,
                    path: $0.incompatibility.path, rule: $0.incompatibility.rule.rawValue,
                    breaks: $0.direction == .newReadsOld ? "backward" : "forward",
                    message: $0.incompatibility.message)
            }
        }
    }
}
