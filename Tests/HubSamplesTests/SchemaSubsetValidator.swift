import Foundation
import HubCore

/// Checks JSON values against the JSON Schema keywords the sample schemas use, so that the
/// tests hold the committed schemas and the generators to each other.
///
/// Understood: `type`, `enum`, `const`, `pattern`, `format` (date-time, date, uuid, email),
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`,
/// `properties`, `required`, `additionalProperties`, `items`, `minItems`, `maxItems`,
/// `uniqueItems`, `allOf` and `if`/`then`/`else`. Any other keyword is ignored, so a schema
/// that leans on one passes here without being checked; the schema registry's validator is
/// the full one.
final class SchemaSubsetValidator {
    private var expressions: [String: NSRegularExpression] = [:]

    /// Every problem, each as `JSON pointer: what is wrong`; empty when `value` conforms.
    func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "")
        -> [String]
    {
        if let type = schema["type"], !Self.matches(value, type: type) {
            return [Self.issue(path, "is \(value.text), not of type \(type.text)")]
        }
        var found: [String] = []
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            let allowed = JSONValue.array(options).text
            found.append(Self.issue(path, "\(value.text) is not one of \(allowed)"))
        }
        if let constant = schema["const"], constant != value {
            found.append(Self.issue(path, "\(value.text) is not \(constant.text)"))
        }

        switch value {
        case .string(let text): found += stringProblems(text, schema, at: path)
        case .number(let literal): found += Self.numberProblems(literal, schema, at: path)
        case .object(let members): found += objectProblems(members, schema, at: path)
        case .array(let items): found += arrayProblems(items, schema, at: path)
        default: break
        }

        if case .array(let parts)? = schema["allOf"] {
            for part in parts { found += problems(value, against: part, at: path) }
        }
        if let condition = schema["if"] {
            let branch = problems(value, against: condition, at: path).isEmpty
                ? schema["then"] : schema["else"]
            if let branch { found += problems(value, against: branch, at: path) }
        }
        return found
    }

    // MARK: - By kind of value

    private func stringProblems(_ text: String, _ schema: JSONValue, at path: String) -> [String] {
        var found: [String] = []
        func report(_ message: String) { found.append(Self.issue(path, message)) }
        if let pattern = schema["pattern"]?.stringValue, !matches(text, pattern) {
            report("\"\(text)\" does not match \(pattern)")
        }
        if let format = schema["format"]?.stringValue, !conforms(text, format: format) {
            report("\"\(text)\" is not a valid \(format)")
        }
        let length = text.unicodeScalars.count
        if let minimum = Self.number(schema["minLength"]), Double(length) < minimum {
            report("\"\(text)\" is shorter than \(Int(minimum))")
        }
        if let maximum = Self.number(schema["maxLength"]), Double(length) > maximum {
            report("\"\(text)\" is longer than \(Int(maximum))")
        }
        return found
    }

    private static func numberProblems(
        _ literal: String, _ schema: JSONValue, at path: String
    ) -> [String] {
        let number = Double(literal) ?? .nan
        var found: [String] = []
        func report(_ message: String) { found.append(issue(path, message)) }
        if let minimum = Self.number(schema["minimum"]), !(number >= minimum) {
            report("\(number) is below the minimum \(minimum)")
        }
        if let maximum = Self.number(schema["maximum"]), !(number <= maximum) {
            report("\(number) is above the maximum \(maximum)")
        }
        if let bound = Self.number(schema["exclusiveMinimum"]), !(number > bound) {
            report("\(number) is not above \(bound)")
        }
        if let bound = Self.number(schema["exclusiveMaximum"]), !(number < bound) {
            report("\(number) is not below \(bound)")
        }
        return found
    }

    private func objectProblems(
        _ members: [(String, JSONValue)], _ schema: JSONValue, at path: String
    ) -> [String] {
        var found: [String] = []
        func report(_ message: String) { found.append(Self.issue(path, message)) }
        let keys = members.map(\.0)
        if case .array(let required)? = schema["required"] {
            for case .string(let key) in required where !keys.contains(key) {
                report("misses the required member \"\(key)\"")
            }
        }
        let properties = schema["properties"]
        for (key, member) in members {
            if let property = properties?[key] {
                found += problems(member, against: property, at: path + "/" + key)
            } else if case .bool(false)? = schema["additionalProperties"] {
                report("has the member \"\(key)\", which the schema does not allow")
            }
        }
        return found
    }

    private func arrayProblems(
        _ items: [JSONValue], _ schema: JSONValue, at path: String
    ) -> [String] {
        var found: [String] = []
        func report(_ message: String) { found.append(Self.issue(path, message)) }
        if let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                found += problems(item, against: itemSchema, at: path + "/\(index)")
            }
        }
        if let minimum = Self.number(schema["minItems"]), Double(items.count) < minimum {
            report("has \(items.count) items, fewer than \(Int(minimum))")
        }
        if let maximum = Self.number(schema["maxItems"]), Double(items.count) > maximum {
            report("has \(items.count) items, more than \(Int(maximum))")
        }
        if case .bool(true)? = schema["uniqueItems"] {
            for (index, item) in items.enumerated() where items[..<index].contains(item) {
                report("repeats \(item.text)")
            }
        }
        return found
    }

    // MARK: - Helpers

    private static func issue(_ path: String, _ message: String) -> String {
        (path.isEmpty ? "/" : path) + ": " + message
    }

    private static func number(_ value: JSONValue?) -> Double? {
        guard case .number(let literal)? = value else { return nil }
        return Double(literal)
    }

    private static func matches(_ value: JSONValue, type: JSONValue) -> Bool {
        if case .array(let types) = type { return types.contains { matches(value, type: $0) } }
        switch (type.stringValue, value) {
        case ("string", .string), ("boolean", .bool), ("object", .object), ("array", .array),
             ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let literal)):
            return !literal.contains(where: { ".eE".contains($0) })
        default:
            return false
        }
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        let expression: NSRegularExpression
        if let cached = expressions[pattern] {
            expression = cached
        } else {
            guard let compiled = try? NSRegularExpression(pattern: pattern) else { return false }
            expressions[pattern] = compiled
            expression = compiled
        }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    private func conforms(_ text: String, format: String) -> Bool {
        switch format {
        case "date-time":
            let shape = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#
            return matches(text, shape) && Timestamp.parse(text) != nil
        case "date":
            return matches(text, #"^\d{4}-\d{2}-\d{2}$"#) && Timestamp.parse(text) != nil
        case "uuid":
            return matches(text, "^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
        case "email":
            return matches(text, #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#)
        default:
            return true
        }
    }
}
