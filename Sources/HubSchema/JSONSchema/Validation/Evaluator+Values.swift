import HubCore

/// Keywords about one value: `type`, `enum`, `const`, numbers, strings and `format`.
extension Evaluator {
    mutating func evaluateValue(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue,
        _ number: inout ExactDecimal?
    ) -> Bool {
        switch keyword.rule {
        case .type(let types):
            if Self.matches(instance, types) { return true }
            let expected = types.names
            return fail(node, "type", "\(Describe.value(instance)) is \(Describe.kind(instance)), "
                        + "expected " + (expected.count == 1 ? expected[0]
                                         : "one of " + expected.joined(separator: ", ")))
        case .enumeration(let values):
            if values.contains(instance) { return true }
            return fail(node, "enum", "\(Describe.value(instance)) is not one of "
                        + Describe.list(values.all))
        case .constant(let expected):
            if JSONEquality.equal(instance, expected) { return true }
            return fail(node, "const", "\(Describe.value(instance)) is not the required value "
                        + Describe.value(expected))
        case .minLength, .maxLength, .pattern, .format:
            guard case .string(let text) = instance else { return true }
            return evaluateString(keyword, of: node, text)
        default:
            guard case .number(let literal) = instance else { return true }
            if number == nil { number = ExactDecimal(literal) }
            guard let value = number else {
                return fail(node, keyword.name, "\(literal) is not a valid JSON number")
            }
            return evaluateNumber(keyword, of: node, value, literal)
        }
    }

    static func matches(_ instance: JSONValue, _ types: JSONTypeSet) -> Bool {
        switch instance {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .string: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        case .number(let literal):
            if types.contains(.number) { return true }
            guard types.contains(.integer) else { return false }
            return ExactDecimal(literal)?.isInteger ?? false
        }
    }

    private mutating func evaluateNumber(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ value: ExactDecimal, _ literal: String
    ) -> Bool {
        switch keyword.rule {
        case .multipleOf(let divisor, let divisorText):
            if value.isMultiple(of: divisor) { return true }
            return fail(node, "multipleOf", "\(literal) is not a multiple of \(divisorText)")
        case .minimum(let bound, let boundText):
            if value >= bound { return true }
            return fail(node, "minimum", "\(literal) is less than the minimum of \(boundText)")
        case .exclusiveMinimum(let bound, let boundText):
            if value > bound { return true }
            return fail(node, "exclusiveMinimum",
                        "\(literal) must be greater than \(boundText)")
        case .maximum(let bound, let boundText):
            if value <= bound { return true }
            return fail(node, "maximum", "\(literal) is greater than the maximum of \(boundText)")
        case .exclusiveMaximum(let bound, let boundText):
            if value < bound { return true }
            return fail(node, "exclusiveMaximum", "\(literal) must be less than \(boundText)")
        default:
            return true
        }
    }

    private mutating func evaluateString(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ text: String
    ) -> Bool {
        switch keyword.rule {
        case .minLength(let minimum):
            // UTF-8 length bounds the code point count from above: a cheap early accept.
            if text.utf8.count < minimum || Self.codePoints(text) < minimum {
                let length = Self.codePoints(text)
                return fail(node, "minLength", "\(Describe.value(.string(text))) is "
                            + "\(Describe.plural(length, "character")) long, shorter than "
                            + "the minimum length of \(minimum)")
            }
            return true
        case .maxLength(let maximum):
            if text.utf8.count <= maximum || Self.codePoints(text) <= maximum { return true }
            return fail(node, "maxLength", "\(Describe.value(.string(text))) is "
                        + "\(Describe.plural(Self.codePoints(text), "character")) long, longer "
                        + "than the maximum length of \(maximum)")
        case .pattern(let regex):
            if regex.matches(text) { return true }
            return fail(node, "pattern", "\(Describe.value(.string(text))) does not match the "
                        + "pattern \(regex.source)")
        case .format(let format, let alwaysAsserted):
            guard alwaysAsserted || options.assertFormats else { return true }
            if format.isValid(text) { return true }
            return fail(node, "format", "\(Describe.value(.string(text))) is not a valid "
                        + format.rawValue)
        default:
            return true
        }
    }

    /// The length JSON Schema means: Unicode code points, not UTF-16 units or graphemes.
    static func codePoints(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
