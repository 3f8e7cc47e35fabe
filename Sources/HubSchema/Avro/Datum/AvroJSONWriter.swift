import HubCore

/// Writes an `AvroDatum` as JSON in one of the `AvroJSONStyle`s.
struct AvroJSONWriter {
    let definitions: [String: AvroType]
    let style: AvroJSONStyle

    func write(_ datum: AvroDatum, as type: AvroType) -> JSONValue {
        switch (type, datum) {
        case (.reference(let name), _):
            guard let definition = definitions[name.fullName] else { return .null }
            return write(datum, as: definition)
        case (.logical(let logicalType, let base), _):
            if style == .natural, let json = AvroLogicalJSON.write(datum, logicalType) {
                return json
            }
            return write(datum, as: base)
        case (.fixed(let fixed), .fixed(let bytes)):
            if style == .natural, let logicalType = fixed.logicalType,
                let json = AvroLogicalJSON.write(datum, logicalType)
            {
                return json
            }
            return Self.byteString(bytes)
        case (.record(let record), .record(let values)):
            return .object(
                zip(record.fields, values).map { field, value in
                    (field.name, write(value, as: field.type))
                })
        case (.enumeration(let enumeration), .enumSymbol(let index)):
            return .string(enumeration.symbols[index])
        case (.array(let items), .array(let values)):
            return .array(values.map { write($0, as: items) })
        case (.map(let valueType), .map(let entries)):
            return .object(entries.map { ($0.key, write($0.value, as: valueType)) })
        case (.union(let branches), .union(let index, let value)):
            let json = write(value, as: branches[index])
            if style == .natural { return json }
            if case .null = value { return .null }
            return .object([(typeName(branches[index]), json)])
        default:
            return Self.scalar(datum)
        }
    }

    private func typeName(_ type: AvroType) -> String {
        guard case .reference(let name) = type else { return type.typeName }
        return name.fullName
    }

    private static func scalar(_ datum: AvroDatum) -> JSONValue {
        switch datum {
        case .null: return .null
        case .boolean(let flag): return .bool(flag)
        case .int(let value): return .int(value)
        case .long(let value): return .int(value)
        case .float(let value):
            return value.isFinite ? .number(value.description) : special(Double(value))
        case .double(let value):
            return value.isFinite ? .number(value.description) : special(value)
        case .bytes(let bytes), .fixed(let bytes): return byteString(bytes)
        case .string(let text): return .string(text)
        default: return .null
        }
    }

    private static func special(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        return .string(value > 0 ? "Infinity" : "-Infinity")
    }

    /// Avro's JSON form of bytes: one code point U+0000-U+00FF per byte.
    static func byteString(_ bytes: [UInt8]) -> JSONValue {
        var text = String.UnicodeScalarView()
        text.reserveCapacity(bytes.count)
        for byte in bytes { text.append(Unicode.Scalar(byte)) }
        return .string(String(text))
    }
}
