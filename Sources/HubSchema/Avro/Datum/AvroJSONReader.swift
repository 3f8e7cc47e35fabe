import HubCore

/// Checks a JSON value against a schema and turns it into an `AvroDatum`, or says where and why
/// it does not fit. The mapping is described on `AvroEncoder`.
struct AvroJSONReader {
    enum Mode {
        /// An event body: natural JSON, unions bare or in Avro's `{"type": value}` form,
        /// logical types as readable text.
        case event
        /// A field default: Avro's JSON encoding of the underlying type, a union's default being
        /// a value of its first branch.
        case defaultValue
    }

    let definitions: [String: AvroType]
    let mode: Mode

    func read(_ json: JSONValue, as type: AvroType, at path: AvroPath) throws -> AvroDatum {
        switch type {
        case .null:
            guard case .null = json else { throw mismatch("null", json, path) }
            return .null
        case .boolean:
            guard case .bool(let flag) = json else { throw mismatch("boolean", json, path) }
            return .boolean(flag)
        case .int:
            return .int(
                Int32(try wholeNumber(json, "int", Int64(Int32.min)...Int64(Int32.max), path)))
        case .long:
            return .long(try wholeNumber(json, "long", Int64.min...Int64.max, path))
        case .float:
            let value = try floatingPoint(json, "float", path)
            let narrowed = Float(value)
            guard narrowed.isFinite || !value.isFinite else {
                throw AvroDatumError(path, "\(json.text) is out of range for float")
            }
            return .float(narrowed)
        case .double:
            return .double(try floatingPoint(json, "double", path))
        case .bytes:
            return .bytes(try byteString(json, "bytes", path))
        case .string:
            guard case .string(let text) = json else { throw mismatch("string", json, path) }
            return .string(text)
        case .record(let record):
            return try self.record(json, record, path)
        case .enumeration(let enumeration):
            guard case .string(let symbol) = json else {
                throw mismatch("a symbol of enum \(enumeration.name)", json, path)
            }
            guard let index = enumeration.symbols.firstIndex(of: symbol) else {
                throw AvroDatumError(
                    path,
                    "'\(symbol)' is not a symbol of enum \(enumeration.name)"
                        + " (\(enumeration.symbols.joined(separator: ", ")))")
            }
            return .enumSymbol(index)
        case .array(let items):
            guard case .array(let values) = json else { throw mismatch("array", json, path) }
            return .array(
                try values.enumerated().map { index, value in
                    try read(value, as: items, at: path.appending(index))
                })
        case .map(let values):
            return try map(json, values, path)
        case .union(let branches):
            return try union(json, branches, path)
        case .fixed(let fixed):
            if mode == .event, let logicalType = fixed.logicalType,
                let bytes = try AvroLogicalJSON.fixedBytes(json, logicalType, fixed, path)
            {
                return .fixed(bytes)
            }
            let bytes = try byteString(json, "fixed \(fixed.name)", path)
            guard bytes.count == fixed.size else {
                throw AvroDatumError(
                    path,
                    "fixed \(fixed.name) holds exactly \(fixed.size) bytes; got \(bytes.count)")
            }
            return .fixed(bytes)
        case .reference(let name):
            guard let definition = definitions[name.fullName] else {
                throw AvroDatumError(path, "schema has no type named \(name)")
            }
            return try read(json, as: definition, at: path)
        case .logical(let logicalType, let base):
            guard mode == .event else { return try read(json, as: base, at: path) }
            return try AvroLogicalJSON.read(json, logicalType, base: base, path) {
                try read($0, as: base, at: path)
            }
        }
    }

    // MARK: - Structured types

    private func record(
        _ json: JSONValue, _ record: AvroRecord, _ path: AvroPath
    ) throws -> AvroDatum {
        guard case .object(let members) = json else {
            throw mismatch("an object for record \(record.name)", json, path)
        }
        var given: [String: JSONValue] = [:]
        for (key, value) in members {
            guard record.fields.contains(where: { $0.name == key }) else {
                let names = record.fields.map(\.name).joined(separator: ", ")
                throw AvroDatumError(
                    path.appending(key),
                    "record \(record.name) has no field '\(key)' (fields: \(names))")
            }
            guard given[key] == nil else {
                throw AvroDatumError(path.appending(key), "field '\(key)' is given twice")
            }
            given[key] = value
        }
        var values: [AvroDatum] = []
        values.reserveCapacity(record.fields.count)
        for field in record.fields {
            let fieldPath = path.appending(field.name)
            if let value = given[field.name] {
                values.append(try read(value, as: field.type, at: fieldPath))
            } else if let defaultValue = field.defaultValue {
                let defaults = AvroJSONReader(definitions: definitions, mode: .defaultValue)
                values.append(try defaults.read(defaultValue, as: field.type, at: fieldPath))
            } else {
                throw AvroDatumError(
                    fieldPath,
                    "missing field '\(field.name)' of record \(record.name), which has no default")
            }
        }
        return .record(values)
    }

    private func map(_ json: JSONValue, _ values: AvroType, _ path: AvroPath) throws -> AvroDatum {
        guard case .object(let members) = json else { throw mismatch("map (object)", json, path) }
        var seen: Set<String> = []
        var entries: [(key: String, value: AvroDatum)] = []
        for (key, value) in members {
            let entryPath = path.appending(key)
            guard seen.insert(key).inserted else {
                throw AvroDatumError(entryPath, "map key '\(key)' is given twice")
            }
            guard !key.unicodeScalars.contains("\u{0}") else {
                throw AvroDatumError(entryPath, "map keys cannot contain U+0000")
            }
            entries.append((key, try read(value, as: values, at: entryPath)))
        }
        return .map(entries)
    }

    /// Defaults use the first branch. Events take Avro's `{"branch": value}` form when the key
    /// names a branch and the value fits it, else the first branch the bare value fits; a value
    /// that fits both ways, as different branches, is refused as ambiguous.
    private func union(
        _ json: JSONValue, _ branches: [AvroType], _ path: AvroPath
    ) throws -> AvroDatum {
        guard !branches.isEmpty else {
            throw AvroDatumError(path, "the schema is an empty union, which has no values")
        }
        if mode == .defaultValue {
            return .union(0, try read(json, as: branches[0], at: path))
        }
        var tagged: AvroDatum?
        var taggedError: AvroDatumError?
        if case .object(let members) = json, members.count == 1,
            let index = branchIndex(named: members[0].0, in: branches)
        {
            do {
                let value = try read(
                    members[0].1, as: branches[index], at: path.appending(members[0].0))
                tagged = .union(index, value)
            } catch let error as AvroDatumError {
                taggedError = error
            }
        }
        var bare: AvroDatum?
        var errors: [(index: Int, error: AvroDatumError)] = []
        for (index, branch) in branches.enumerated() {
            do {
                bare = .union(index, try read(json, as: branch, at: path))
                break
            } catch let error as AvroDatumError {
                errors.append((index, error))
            }
        }
        switch (tagged, bare) {
        case (let tagged?, let bare?):
            guard case .union(let taggedIndex, _) = tagged, case .union(let bareIndex, _) = bare,
                taggedIndex != bareIndex
            else { return tagged }
            let branchName = resolved(branches[bareIndex]).typeName
            throw AvroDatumError(
                path,
                "ambiguous union value: it is branch \(resolved(branches[taggedIndex]).typeName)"
                    + " in Avro's {\"type\": value} form and also a plain \(branchName);"
                    + " write {\"\(branchName)\": ...} to mean the \(branchName)")
        case (let tagged?, nil):
            return tagged
        case (nil, let bare?):
            return bare
        case (nil, nil):
            if let taggedError { throw taggedError }
            throw noBranch(json, branches, errors, path)
        }
    }

    private func noBranch(
        _ json: JSONValue, _ branches: [AvroType],
        _ errors: [(index: Int, error: AvroDatumError)], _ path: AvroPath
    ) -> AvroDatumError {
        // When one branch has the value's JSON shape, its error is the most useful.
        let sameShape = errors.filter { Self.accepts(shapeOf: json, resolved(branches[$0.index])) }
        if sameShape.count == 1, sameShape[0].error.path != path.description {
            return sameShape[0].error
        }
        let names = branches.map { resolved($0).typeName }.joined(separator: ", ")
        return AvroDatumError(path, "expected one of [\(names)], got \(Self.describe(json))")
    }

    private func branchIndex(named key: String, in branches: [AvroType]) -> Int? {
        if let exact = branches.firstIndex(where: { resolved($0).typeName == key }) {
            return exact
        }
        let simple = branches.indices.filter {
            AvroName(fullName: resolved(branches[$0]).typeName).name == key
        }
        return simple.count == 1 ? simple[0] : nil
    }

    private func resolved(_ type: AvroType) -> AvroType {
        guard case .reference(let name) = type else { return type }
        return definitions[name.fullName] ?? type
    }

    private static func accepts(shapeOf json: JSONValue, _ type: AvroType) -> Bool {
        switch (json, type.underlying) {
        case (.object, .record), (.object, .map): return true
        case (.array, .array): return true
        default: return false
        }
    }

    // MARK: - Scalars

    private func wholeNumber(
        _ json: JSONValue, _ typeName: String, _ range: ClosedRange<Int64>, _ path: AvroPath
    ) throws -> Int64 {
        guard case .number(let literal) = json, let decimal = AvroDecimalText(literal) else {
            throw mismatch(typeName, json, path)
        }
        guard decimal.isWhole else {
            throw AvroDatumError(path, "expected \(typeName), got \(literal) (not a whole number)")
        }
        guard let value = decimal.wholeNumber, range.contains(value) else {
            throw AvroDatumError(
                path,
                "\(literal) is out of range for \(typeName)"
                    + " (\(range.lowerBound)...\(range.upperBound))")
        }
        return value
    }

    /// A JSON number, or the strings `NaN`, `Infinity` and `-Infinity` that Avro's JSON encoding
    /// uses for values JSON cannot write.
    private func floatingPoint(
        _ json: JSONValue, _ typeName: String, _ path: AvroPath
    ) throws -> Double {
        switch json {
        case .number(let literal):
            guard let value = Double(literal), value.isFinite else {
                throw AvroDatumError(path, "\(literal) is out of range for \(typeName)")
            }
            return value
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: throw mismatch(typeName, json, path)
        }
    }

    /// Avro's JSON encoding of bytes: a string whose code points 0-255 are the byte values.
    private func byteString(
        _ json: JSONValue, _ typeName: String, _ path: AvroPath
    ) throws -> [UInt8] {
        guard case .string(let text) = json else { throw mismatch(typeName, json, path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else {
                throw AvroDatumError(
                    path,
                    "\(typeName) is written as a string of code points U+0000-U+00FF, one per"
                        + " byte; got U+\(String(scalar.value, radix: 16, uppercase: true))")
            }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    private func mismatch(_ expected: String, _ json: JSONValue, _ path: AvroPath) -> AvroDatumError
    {
        AvroDatumError(path, "expected \(expected), got \(Self.describe(json))")
    }

    /// A JSON value for a message: its text, shortened when long.
    static func describe(_ json: JSONValue) -> String {
        let text = json.text
        guard text.count > 40 else { return text }
        return String(text.prefix(37)) + "..."
    }
}
