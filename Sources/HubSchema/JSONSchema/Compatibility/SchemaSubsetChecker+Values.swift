import HubCore

/// Rules on the values themselves: enumerations, types, numbers and strings.
extension SchemaSubsetChecker {
    mutating func compareKeywords(_ reader: Side, _ writer: Side) {
        if let values = Self.finiteValues(writer) {
            compareFiniteValues(values, reader, writer)
            return
        }
        compareTypes(reader, writer)
        if let allowed = Self.finiteValues(reader) {
            let (old, new) = oldNew(reader: "only \(Describe.list(allowed))", writer: "any value")
            report(reader, writer, narrowed: "enum-narrowed", widened: "enum-widened",
                   "the old schema allows \(old) here and the new one \(new)")
        }
        compareNumbers(reader, writer)
        compareStrings(reader, writer)
        compareArrays(reader, writer)
        compareObjects(reader, writer)
        compareCombinators(reader, writer)
    }

    /// The values `const` or `enum` allow, when the schema has either.
    static func finiteValues(_ side: Side) -> [JSONValue]? {
        if let constant = side.member("const") { return [constant] }
        if case .array(let values)? = side.member("enum") { return values }
        return nil
    }

    /// A writer with `enum`/`const` produces only those values: each must pass the reader.
    private mutating func compareFiniteValues(_ values: [JSONValue], _ reader: Side,
                                              _ writer: Side) {
        for value in values where !Self.accepts(reader, value) {
            let (old, new) = oldNew(reader: "rejects", writer: "accepts")
            report(reader, writer, narrowed: "enum-narrowed", widened: "enum-widened",
                   "\(Describe.value(value)): the old schema \(old) it and the new one \(new) it")
        }
    }

    /// Whether `value` passes the reader's value keywords (type, enum, const, numbers,
    /// strings); keywords about structure are not consulted.
    static func accepts(_ reader: Side, _ value: JSONValue) -> Bool {
        if case .bool(let flag) = reader.schema { return flag }
        if let types = typeSet(reader), !Evaluator.matches(value, types) { return false }
        if let allowed = finiteValues(reader),
           !allowed.contains(where: { JSONEquality.equal($0, value) }) {
            return false
        }
        if case .number(let literal) = value, let number = ExactDecimal(literal) {
            let lower = lowerBound(reader)
            let upper = upperBound(reader)
            if let lower, number < lower.value || (lower.exclusive && number == lower.value) {
                return false
            }
            if let upper, number > upper.value || (upper.exclusive && number == upper.value) {
                return false
            }
            if let divisor = decimal(reader.member("multipleOf")),
               !number.isMultiple(of: divisor) {
                return false
            }
        }
        if case .string(let text) = value {
            let length = Evaluator.codePoints(text)
            if let minimum = count(reader.member("minLength")), length < minimum { return false }
            if let maximum = count(reader.member("maxLength")), length > maximum { return false }
            if case .string(let pattern)? = reader.member("pattern"),
               (try? ECMARegex(pattern))?.matches(text) != true {
                return false
            }
            if case .string(let name)? = reader.member("format"),
               let format = StringFormat(rawValue: name), !format.isValid(text) {
                return false
            }
        }
        return true
    }

    // MARK: - Types

    static func typeSet(_ side: Side) -> JSONTypeSet? {
        guard let value = side.member("type") else { return nil }
        let names: [JSONValue]
        if case .array(let list) = value { names = list } else { names = [value] }
        var types: JSONTypeSet = []
        for case .string(let name) in names {
            if let type = JSONTypeSet.names.first(where: { $0.0 == name })?.1 {
                types.insert(type)
            }
        }
        return types
    }

    private mutating func compareTypes(_ reader: Side, _ writer: Side) {
        guard let readerTypes = Self.typeSet(reader) else { return }
        let writerTypes = Self.typeSet(writer) ?? JSONTypeSet(rawValue: 0x7F)
        var uncovered: [String] = []
        for (name, type) in JSONTypeSet.names where writerTypes.contains(type) {
            if readerTypes.contains(type) { continue }
            if type == .integer && readerTypes.contains(.number) { continue }
            uncovered.append(name)
        }
        guard !uncovered.isEmpty else { return }
        let list = uncovered.joined(separator: ", ")
        let message = readerIsNew ? "the new schema no longer accepts \(list)"
            : "the new schema accepts \(list), which the old one rejects"
        report(reader, writer, narrowed: "type-narrowed", widened: "type-widened", message)
    }

    // MARK: - Numbers

    struct Bound {
        var value: ExactDecimal
        var exclusive: Bool
        var text: String
    }

    static func decimal(_ value: JSONValue?) -> ExactDecimal? {
        guard case .number(let literal)? = value else { return nil }
        return ExactDecimal(literal)
    }

    static func count(_ value: JSONValue?) -> Int? {
        guard let number = decimal(value), number.isInteger else { return nil }
        return number.intValue ?? Int.max
    }

    /// A keyword's value as written.
    static func literal(_ side: Side, _ keyword: String) -> String {
        side.member(keyword)?.text ?? "none"
    }

    /// The tighter of `minimum` and `exclusiveMinimum`.
    static func lowerBound(_ side: Side) -> Bound? {
        var bound: Bound?
        if let value = decimal(side.member("minimum")) {
            bound = Bound(value: value, exclusive: false,
                          text: "minimum " + literal(side, "minimum"))
        }
        if let value = decimal(side.member("exclusiveMinimum")),
           bound.map({ value >= $0.value }) ?? true {
            bound = Bound(value: value, exclusive: true,
                          text: "exclusiveMinimum " + literal(side, "exclusiveMinimum"))
        }
        return bound
    }

    /// The tighter of `maximum` and `exclusiveMaximum`.
    static func upperBound(_ side: Side) -> Bound? {
        var bound: Bound?
        if let value = decimal(side.member("maximum")) {
            bound = Bound(value: value, exclusive: false,
                          text: "maximum " + literal(side, "maximum"))
        }
        if let value = decimal(side.member("exclusiveMaximum")),
           bound.map({ value <= $0.value }) ?? true {
            bound = Bound(value: value, exclusive: true,
                          text: "exclusiveMaximum " + literal(side, "exclusiveMaximum"))
        }
        return bound
    }

    private mutating func compareNumbers(_ reader: Side, _ writer: Side) {
        if let readerLower = Self.lowerBound(reader) {
            let writerLower = Self.lowerBound(writer)
            let covered = writerLower.map {
                $0.value > readerLower.value
                    || ($0.value == readerLower.value && ($0.exclusive || !readerLower.exclusive))
            } ?? false
            if !covered {
                reportBounds(reader, writer, readerLower, writerLower, "lower")
            }
        }
        if let readerUpper = Self.upperBound(reader) {
            let writerUpper = Self.upperBound(writer)
            let covered = writerUpper.map {
                $0.value < readerUpper.value
                    || ($0.value == readerUpper.value && ($0.exclusive || !readerUpper.exclusive))
            } ?? false
            if !covered {
                reportBounds(reader, writer, readerUpper, writerUpper, "upper")
            }
        }
        if let readerDivisor = Self.decimal(reader.member("multipleOf")) {
            let writerDivisor = Self.decimal(writer.member("multipleOf"))
            if !(writerDivisor.map { $0.isMultiple(of: readerDivisor) } ?? false) {
                let (old, new) = oldNew(reader: Self.literal(reader, "multipleOf"),
                                        writer: Self.literal(writer, "multipleOf"))
                report(reader, writer, narrowed: "multipleOf-narrowed",
                       widened: "multipleOf-widened",
                       "multipleOf changed from \(old) to \(new)")
            }
        }
    }

    private mutating func reportBounds(_ reader: Side, _ writer: Side, _ readerBound: Bound,
                                       _ writerBound: Bound?, _ which: String) {
        let (old, new) = oldNew(reader: readerBound.text, writer: writerBound?.text ?? "none")
        report(reader, writer, narrowed: "range-narrowed", widened: "range-widened",
               "the \(which) bound changed from \(old) to \(new)")
    }

    // MARK: - Strings

    private mutating func compareStrings(_ reader: Side, _ writer: Side) {
        compareCounts(reader, writer, minimum: "minLength", maximum: "maxLength",
                      narrowed: "length-narrowed", widened: "length-widened")
        compareAddedOrChanged(reader, writer, "pattern")
        compareAddedOrChanged(reader, writer, "format")
    }

    /// `pattern` and `format`: only an identical value is known to accept the same strings.
    private mutating func compareAddedOrChanged(_ reader: Side, _ writer: Side,
                                                _ keyword: String) {
        guard let readerValue = reader.member(keyword) else { return }
        guard let writerValue = writer.member(keyword) else {
            let message = readerIsNew ? "a \(keyword) \(readerValue.text) now applies"
                : "the \(keyword) \(readerValue.text) no longer applies"
            report(reader, writer, narrowed: "\(keyword)-added", widened: "\(keyword)-removed",
                   message)
            return
        }
        guard !JSONEquality.equal(readerValue, writerValue) else { return }
        let (old, new) = oldNew(reader: readerValue.text, writer: writerValue.text)
        report(reader, writer, narrowed: "\(keyword)-changed", widened: "\(keyword)-changed",
               "the \(keyword) changed from \(old) to \(new)")
    }

    /// A pair of count bounds (`minLength`/`maxLength`, `minItems`/`maxItems`, ...).
    mutating func compareCounts(_ reader: Side, _ writer: Side, minimum: String,
                                maximum: String, narrowed: String, widened: String) {
        if let readerMinimum = Self.count(reader.member(minimum)), readerMinimum > 0 {
            let writerMinimum = Self.count(writer.member(minimum)) ?? 0
            if writerMinimum < readerMinimum {
                let (old, new) = oldNew(reader: readerMinimum, writer: writerMinimum)
                report(reader, writer, narrowed: narrowed, widened: widened,
                       "\(minimum) changed from \(old) to \(new)")
            }
        }
        if let readerMaximum = Self.count(reader.member(maximum)) {
            let writerMaximum = Self.count(writer.member(maximum))
            if writerMaximum.map({ $0 > readerMaximum }) ?? true {
                let (old, new) = oldNew(reader: String(readerMaximum),
                                        writer: writerMaximum.map(String.init) ?? "none")
                report(reader, writer, narrowed: narrowed, widened: widened,
                       "\(maximum) changed from \(old) to \(new)")
            }
        }
    }
}
