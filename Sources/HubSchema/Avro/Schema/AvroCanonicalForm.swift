import HubCore

/// Writes a schema tree back as JSON in one of two fixed shapes.
///
/// - `parsing`: Avro's Parsing Canonical Form. Only `name`, `type`, `fields`, `symbols`,
///   `items`, `values` and `size` remain, in that order; names are full; primitives are bare
///   strings; no whitespace. Two schemas with the same form read and write the same bytes.
/// - `normalized`: the same shape plus every attribute hubsh understands (aliases, defaults,
///   order, docs, enum defaults, logical types), so that two schemas with the same form are the
///   same schema, whatever their spacing, attribute order or namespace shorthand.
enum AvroCanonicalForm {
    enum Shape { case parsing, normalized }

    static func json(of type: AvroType, shape: Shape) -> JSONValue {
        switch type {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            return .string(type.typeName)
        case .reference(let name):
            return .string(name.fullName)
        case .union(let branches):
            return .array(branches.map { json(of: $0, shape: shape) })
        case .array(let items):
            return .object([("type", .string("array")), ("items", json(of: items, shape: shape))])
        case .map(let values):
            return .object([("type", .string("map")), ("values", json(of: values, shape: shape))])
        case .record(let record):
            return recordJSON(record, shape: shape)
        case .enumeration(let enumeration):
            var members = named(enumeration.name, kind: "enum")
            members.append(("symbols", .array(enumeration.symbols.map { .string($0) })))
            if shape == .normalized {
                if let symbol = enumeration.defaultSymbol {
                    members.append(("default", .string(symbol)))
                }
                members += extras(aliases: enumeration.aliases, doc: enumeration.doc)
            }
            return .object(members)
        case .fixed(let fixed):
            var members = named(fixed.name, kind: "fixed")
            members.append(("size", .int(fixed.size)))
            if shape == .normalized {
                if let logicalType = fixed.logicalType { members += logicalMembers(logicalType) }
                members += extras(aliases: fixed.aliases, doc: fixed.doc)
            }
            return .object(members)
        case .logical(let logicalType, let base):
            guard shape == .normalized else { return json(of: base, shape: shape) }
            return .object([("type", .string(base.typeName))] + logicalMembers(logicalType))
        }
    }

    private static func recordJSON(_ record: AvroRecord, shape: Shape) -> JSONValue {
        var members = named(record.name, kind: "record")
        let fields: [JSONValue] = record.fields.map { field in
            var fieldMembers: [(String, JSONValue)] = [
                ("name", .string(field.name)), ("type", json(of: field.type, shape: shape)),
            ]
            if shape == .normalized {
                if let value = field.defaultValue { fieldMembers.append(("default", value)) }
                if field.order != .ascending {
                    fieldMembers.append(("order", .string(field.order.rawValue)))
                }
                if !field.aliases.isEmpty {
                    fieldMembers.append(("aliases", .array(field.aliases.map { .string($0) })))
                }
                if let doc = field.doc { fieldMembers.append(("doc", .string(doc))) }
            }
            return .object(fieldMembers)
        }
        members.append(("fields", .array(fields)))
        if shape == .normalized { members += extras(aliases: record.aliases, doc: record.doc) }
        return .object(members)
    }

    private static func named(_ name: AvroName, kind: String) -> [(String, JSONValue)] {
        [("name", .string(name.fullName)), ("type", .string(kind))]
    }

    private static func extras(aliases: [AvroName], doc: String?) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if !aliases.isEmpty {
            members.append(("aliases", .array(aliases.map { .string($0.fullName) })))
        }
        if let doc { members.append(("doc", .string(doc))) }
        return members
    }

    private static func logicalMembers(_ logicalType: AvroLogicalType) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("logicalType", .string(logicalType.name))]
        if case .decimal(let precision, let scale) = logicalType {
            members.append(("precision", .int(precision)))
            members.append(("scale", .int(scale)))
        }
        return members
    }
}
