import HubCore

/// How logical types look in natural JSON: decimals as exact numbers, dates and times as ISO 8601
/// text, durations as `{"months", "days", "milliseconds"}`, UUIDs as their usual text. Reading
/// also accepts the underlying type's JSON (a day count for a date, say).
enum AvroLogicalJSON {
    // MARK: - Reading

    /// The datum for `json` under a logical type over a primitive; `underlying` reads the
    /// primitive's own JSON form.
    static func read(
        _ json: JSONValue, _ logicalType: AvroLogicalType, base: AvroType, _ path: AvroPath,
        underlying: (JSONValue) throws -> AvroDatum
    ) throws -> AvroDatum {
        switch (logicalType, json) {
        case (.decimal, .string(let text)) where AvroDecimalText(text) == nil:
            return try underlying(json)
        case (.decimal(let precision, let scale), _):
            let digits = try decimalDigits(json, precision: precision, scale: scale, path)
            return .bytes(AvroDecimalText.twosComplement(negative: digits.0, digits: digits.1))
        case (.uuid, .string(let text)):
            guard uuidBytes(text) != nil else {
                throw AvroDatumError(
                    path,
                    "expected a UUID like 123e4567-e89b-12d3-a456-426614174000"
                        + ", got \(AvroJSONReader.describe(json))")
            }
            return .string(text)
        case (.date, .string(let text)):
            guard let days = AvroCalendarText.days(dateText: Substring(text)),
                let value = Int32(exactly: days)
            else { throw expected("a date as YYYY-MM-DD or days since 1970-01-01", json, path) }
            return .int(value)
        case (.timeMillis, .string(let text)):
            guard let value = AvroCalendarText.time(Substring(text), fractionDigits: 3) else {
                throw expected("a time as HH:MM:SS.sss or milliseconds after midnight", json, path)
            }
            return .int(Int32(value))
        case (.timeMicros, .string(let text)):
            guard let value = AvroCalendarText.time(Substring(text), fractionDigits: 6) else {
                throw expected(
                    "a time as HH:MM:SS.ssssss or microseconds after midnight", json, path)
            }
            return .long(value)
        case (_, .string(let text)):
            guard let (digits, local) = timestampShape(logicalType) else {
                return try underlying(json)
            }
            guard let value = AvroCalendarText.timestamp(text, fractionDigits: digits, local: local)
            else {
                let form =
                    local
                    ? "YYYY-MM-DDTHH:MM:SS.sss (no zone)"
                    : "RFC 3339 like"
                        + " 2024-05-01T12:00:00.000Z"
                throw expected("a timestamp as \(form) or a number", json, path)
            }
            return .long(value)
        default:
            return try underlying(json)
        }
    }

    /// The bytes of a fixed that carries `decimal`, `duration` or `uuid`, or nil when `json` is
    /// in the fixed's own form (a string of byte code points, as Avro's JSON encoding has it).
    static func fixedBytes(
        _ json: JSONValue, _ logicalType: AvroLogicalType, _ fixed: AvroFixed, _ path: AvroPath
    ) throws -> [UInt8]? {
        if case .string(let text) = json {
            switch logicalType {
            case .decimal where AvroDecimalText(text) == nil: return nil
            case .duration: return nil
            case .uuid where text.unicodeScalars.count == fixed.size: return nil
            default: break
            }
        }
        switch logicalType {
        case .decimal(let precision, let scale):
            let (negative, digits) = try decimalDigits(
                json, precision: precision, scale: scale, path)
            let minimal = AvroDecimalText.twosComplement(negative: negative, digits: digits)
            guard minimal.count <= fixed.size else {
                throw AvroDatumError(path, "\(json.text) does not fit fixed \(fixed.name)")
            }
            let fill: UInt8 = negative ? 0xFF : 0x00
            return Array(repeating: fill, count: fixed.size - minimal.count) + minimal
        case .duration:
            return try durationBytes(json, path)
        case .uuid:
            guard case .string(let text) = json, let bytes = uuidBytes(text) else {
                throw expected("a UUID like 123e4567-e89b-12d3-a456-426614174000", json, path)
            }
            return bytes
        default:
            throw AvroDatumError(path, "\(logicalType.name) does not apply to fixed")
        }
    }

    private static func decimalDigits(
        _ json: JSONValue, precision: Int, scale: Int, _ path: AvroPath
    ) throws -> (Bool, [UInt8]) {
        let text: String
        switch json {
        case .number(let literal): text = literal
        case .string(let literal): text = literal
        default: throw expected("a decimal number", json, path)
        }
        guard let decimal = AvroDecimalText(text) else {
            throw expected("a decimal number", json, path)
        }
        guard let digits = decimal.unscaled(scale: scale) else {
            throw AvroDatumError(
                path, "\(text) has more than \(scale) digits after the point (the scale)")
        }
        guard digits.count <= precision else {
            throw AvroDatumError(path, "\(text) has more than \(precision) digits (the precision)")
        }
        return (decimal.negative, digits)
    }

    private static func durationBytes(_ json: JSONValue, _ path: AvroPath) throws -> [UInt8] {
        let parts = ["months", "days", "milliseconds"]
        guard case .object(let members) = json,
            members.allSatisfy({ parts.contains($0.0) })
        else { throw expected("a duration {\"months\", \"days\", \"milliseconds\"}", json, path) }
        var bytes: [UInt8] = []
        for part in parts {
            let value = json[part] ?? .number("0")
            guard case .number(let literal) = value,
                let whole = AvroDecimalText(literal)?.wholeNumber,
                let count = UInt32(exactly: whole)
            else {
                throw AvroDatumError(
                    path.appending(part),
                    "expected a whole number 0...4294967295, got \(value.text)")
            }
            bytes += [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: count >> $0) }
        }
        return bytes
    }

    private static func uuidBytes(_ text: String) -> [UInt8]? {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return nil }
        var bytes: [UInt8] = []
        let hex = Array(groups.joined().utf8)
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard
                let byte = UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// Fraction digits and whether the zone is local, for the timestamp logical types.
    private static func timestampShape(_ logicalType: AvroLogicalType) -> (Int, Bool)? {
        switch logicalType {
        case .timestampMillis: return (3, false)
        case .timestampMicros: return (6, false)
        case .timestampNanos: return (9, false)
        case .localTimestampMillis: return (3, true)
        case .localTimestampMicros: return (6, true)
        case .localTimestampNanos: return (9, true)
        default: return nil
        }
    }

    private static func expected(
        _ what: String, _ json: JSONValue, _ path: AvroPath
    ) -> AvroDatumError {
        AvroDatumError(path, "expected \(what), got \(AvroJSONReader.describe(json))")
    }

    // MARK: - Writing

    /// Natural JSON for a datum under a logical type, or nil to write the underlying value.
    static func write(_ datum: AvroDatum, _ logicalType: AvroLogicalType) -> JSONValue? {
        switch (logicalType, datum) {
        case (.decimal(_, let scale), .bytes(let bytes)),
            (.decimal(_, let scale), .fixed(let bytes)):
            return .number(AvroDecimalText.text(twosComplement: bytes, scale: scale))
        case (.uuid, .fixed(let bytes)) where bytes.count == 16:
            let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            var text = ""
            for (index, character) in hex.enumerated() {
                if [8, 12, 16, 20].contains(index) { text += "-" }
                text.append(character)
            }
            return .string(text)
        case (.duration, .fixed(let bytes)) where bytes.count == 12:
            func part(_ start: Int) -> JSONValue {
                .int((0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[start + $1]) << (8 * $1) })
            }
            return .object([("months", part(0)), ("days", part(4)), ("milliseconds", part(8))])
        case (.date, .int(let days)):
            let civil = AvroCalendarText.date(days: Int(days))
            guard (0...9999).contains(civil.year) else { return nil }
            return .string(AvroCalendarText.dateText(days: Int(days)))
        case (.timeMillis, .int(let value)) where (0..<86_400_000).contains(value):
            return .string(AvroCalendarText.timeText(Int64(value), fractionDigits: 3))
        case (.timeMicros, .long(let value)) where (0..<86_400_000_000).contains(value):
            return .string(AvroCalendarText.timeText(value, fractionDigits: 6))
        case (_, .long(let value)):
            guard let (digits, local) = timestampShape(logicalType),
                let text = AvroCalendarText.timestampText(
                    value, fractionDigits: digits, local: local)
            else { return nil }
            return .string(text)
        default:
            return nil
        }
    }
}
