import HubCore

/// Rules on arrays, objects and combinators.
extension SchemaSubsetChecker {
    /// A subschema keyword of a side, or `true` when absent (no constraint).
    func sub(_ side: Side, _ tokens: String...) -> Side {
        var value: JSONValue? = side.schema
        for token in tokens {
            if case .array(let items)? = value, let index = Int(token), index < items.count {
                value = items[index]
            } else {
                value = value?[token]
            }
        }
        return Side(value ?? .bool(true), side.path + tokens.map {
            "/" + JSONPointer.escape($0)
        }.joined())
    }

    mutating func unanalyzable(_ reader: Side, _ writer: Side, _ keyword: String) {
        report(sub(reader, keyword), sub(writer, keyword), narrowed: "unanalyzable-change",
               widened: "unanalyzable-change",
               "\"\(keyword)\" changed in a way the checker cannot prove safe")
    }

    /// Reports a keyword that differs unless both sides hold equivalent values.
    mutating func requireEquivalent(_ reader: Side, _ writer: Side, _ keyword: String) {
        guard let readerValue = reader.member(keyword) else { return }
        if let writerValue = writer.member(keyword), equivalent(readerValue, writerValue) {
            return
        }
        unanalyzable(reader, writer, keyword)
    }

    // MARK: - Arrays

    mutating func compareArrays(_ reader: Side, _ writer: Side) {
        compareCounts(reader, writer, minimum: "minItems", maximum: "maxItems",
                      narrowed: "item-count-narrowed", widened: "item-count-widened")
        if reader.member("uniqueItems") == .bool(true),
           writer.member("uniqueItems") != .bool(true) {
            let message = readerIsNew ? "items must now be unique"
                : "items no longer need to be unique"
            report(reader, writer, narrowed: "unique-items-added",
                   widened: "unique-items-removed", message)
        }
        let readerTuple = reader.member("prefixItems") ?? tupleItems(reader)
        let writerTuple = writer.member("prefixItems") ?? tupleItems(writer)
        if readerTuple != nil || writerTuple != nil {
            if let readerTuple, let writerTuple, case .array(let r) = readerTuple,
               case .array(let w) = writerTuple, r.count == w.count {
                let keyword = reader.member("prefixItems") != nil ? "prefixItems" : "items"
                for index in r.indices {
                    compare(sub(reader, keyword, String(index)),
                            sub(writer, keyword, String(index)))
                }
            } else {
                unanalyzable(reader, writer, reader.member("prefixItems") != nil
                             || writer.member("prefixItems") != nil ? "prefixItems" : "items")
                return
            }
            if reader.member("additionalItems") != nil || writer.member("additionalItems") != nil {
                compare(sub(reader, "additionalItems"), sub(writer, "additionalItems"))
            }
        }
        if tupleItems(reader) == nil, reader.member("items") != nil {
            compare(sub(reader, "items"), sub(writer, "items"))
        }
        if reader.member("contains") != nil {
            if writer.member("contains") == nil {
                unanalyzable(reader, writer, "contains")
            } else {
                compare(sub(reader, "contains"), sub(writer, "contains"))
            }
        }
        requireEquivalent(reader, writer, "minContains")
        requireEquivalent(reader, writer, "maxContains")
        requireEquivalent(reader, writer, "unevaluatedItems")
    }

    /// Draft-07's `items` as an array of schemas.
    private func tupleItems(_ side: Side) -> JSONValue? {
        if case .array? = side.member("items") { return side.member("items") }
        return nil
    }

    // MARK: - Objects

    mutating func compareObjects(_ reader: Side, _ writer: Side) {
        compareRequired(reader, writer)
        compareCounts(reader, writer, minimum: "minProperties", maximum: "maxProperties",
                      narrowed: "property-count-narrowed", widened: "property-count-widened")
        compareDependentRequired(reader, writer)
        if reader.member("patternProperties") != nil || writer.member("patternProperties") != nil
        {
            if let r = reader.member("patternProperties"),
               let w = writer.member("patternProperties"), equivalent(r, w) {
                // Same pattern schemas on both sides; named properties still compared below.
            } else {
                unanalyzable(reader, writer, "patternProperties")
            }
        }
        compareProperties(reader, writer)
        if reader.member("propertyNames") != nil {
            compare(sub(reader, "propertyNames"), sub(writer, "propertyNames"))
        }
        if case .object(let rules)? = reader.member("dependentSchemas") {
            for (name, _) in rules {
                compare(sub(reader, "dependentSchemas", name),
                        sub(writer, "dependentSchemas", name))
            }
        }
        if case .object(let rules)? = reader.member("dependencies") {
            for (name, rule) in rules {
                if case .array = rule { continue }
                compare(sub(reader, "dependencies", name), sub(writer, "dependencies", name))
            }
        }
        requireEquivalent(reader, writer, "unevaluatedProperties")
    }

    private static func names(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.stringValue)
    }

    private mutating func compareRequired(_ reader: Side, _ writer: Side) {
        let guaranteed = Set(Self.names(writer.member("required")))
        for name in Self.names(reader.member("required")) where !guaranteed.contains(name) {
            let message = readerIsNew ? "\"\(name)\" is now required; old data may lack it"
                : "\"\(name)\" is no longer required; old readers reject new data without it"
            report(sub(reader, "required"), sub(writer, "required"), narrowed: "required-added",
                   widened: "required-removed", message)
        }
    }

    private mutating func compareDependentRequired(_ reader: Side, _ writer: Side) {
        let guaranteed = Set(Self.names(writer.member("required")))
        for keyword in ["dependentRequired", "dependencies"] {
            guard case .object(let rules)? = reader.member(keyword) else { continue }
            for (property, value) in rules {
                guard case .array = value else { continue }
                let writerNames = Set(Self.names(writer.member(keyword)?[property]))
                for name in Self.names(value)
                where !guaranteed.contains(name) && !writerNames.contains(name) {
                    let message = readerIsNew
                        ? "\"\(name)\" is now required when \"\(property)\" is present"
                        : "\"\(name)\" is no longer required when \"\(property)\" is present"
                    report(sub(reader, keyword, property), sub(writer, keyword, property),
                           narrowed: "dependent-required-added",
                           widened: "dependent-required-removed", message)
                }
            }
        }
    }

    /// `properties` and `additionalProperties`: each property a side declares is compared
    /// with what the other side applies to that name.
    private mutating func compareProperties(_ reader: Side, _ writer: Side) {
        let readerNames = Self.keys(reader.member("properties"))
        let writerNames = Self.keys(writer.member("properties"))
        let writerClosed = writer.member("additionalProperties") == .bool(false)
        let readerClosed = reader.member("additionalProperties") == .bool(false)

        for name in readerNames {
            let readerProperty = sub(reader, "properties", name)
            if writerNames.contains(name) {
                compare(readerProperty, sub(writer, "properties", name))
            } else if !writerClosed {
                let additional = sub(writer, "additionalProperties")
                var probe = SchemaSubsetChecker(reader: readerRoot, writer: writerRoot,
                                                readerIsNew: readerIsNew)
                probe.compare(readerProperty, additional)
                if !probe.findings.isEmpty {
                    let message = readerIsNew
                        ? "the new schema constrains \"\(name)\", which the old one allowed "
                            + "with any value"
                        : "the new schema drops \"\(name)\" but allows other properties, so "
                            + "new data may hold values old readers reject"
                    report(readerProperty, Side(additional.schema, writer.path + "/properties/"
                                                + JSONPointer.escape(name)),
                           narrowed: "property-added-to-open-model",
                           widened: "property-removed-from-open-model", message)
                }
            }
        }
        for name in writerNames where !readerNames.contains(name) {
            let writerProperty = sub(writer, "properties", name)
            if readerClosed {
                let message = readerIsNew
                    ? "\"\(name)\" was removed while additionalProperties is false; old data "
                        + "holding it is rejected"
                    : "\"\(name)\" was added while the old schema has additionalProperties "
                        + "false; old readers reject it"
                report(Side(.bool(false), reader.path + "/properties/"
                            + JSONPointer.escape(name)), writerProperty,
                       narrowed: "property-removed-from-closed-model",
                       widened: "property-added-to-closed-model", message)
            } else if reader.member("additionalProperties") != nil {
                compare(sub(reader, "additionalProperties"), writerProperty)
            }
        }
        guard let readerAdditional = reader.member("additionalProperties"), !writerClosed else {
            return
        }
        if readerAdditional == .bool(false) {
            let message = readerIsNew ? "additionalProperties is now false"
                : "additionalProperties is no longer false"
            report(sub(reader, "additionalProperties"), sub(writer, "additionalProperties"),
                   narrowed: "additional-properties-narrowed",
                   widened: "additional-properties-widened", message)
        } else {
            compare(sub(reader, "additionalProperties"), sub(writer, "additionalProperties"))
        }
    }

    private static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let members)? = value else { return [] }
        return members.map(\.0)
    }

    // MARK: - Combinators

    mutating func compareCombinators(_ reader: Side, _ writer: Side) {
        if case .array(let branches)? = reader.member("allOf") {
            let writerBranches = writer.member("allOf")
            for index in branches.indices {
                if case .array(let list)? = writerBranches, list.count == branches.count {
                    compare(sub(reader, "allOf", String(index)),
                            sub(writer, "allOf", String(index)))
                } else {
                    compare(sub(reader, "allOf", String(index)), writer)
                }
            }
        }
        if case .array(let branches)? = reader.member("anyOf") {
            compareAnyOf(branches, reader, writer)
        }
        requireEquivalent(reader, writer, "oneOf")
        requireEquivalent(reader, writer, "not")
        requireEquivalent(reader, writer, "$dynamicRef")
        if reader.member("if") != nil || writer.member("if") != nil {
            if let condition = reader.member("if"), let other = writer.member("if"),
               equivalent(condition, other) {
                compare(sub(reader, "then"), sub(writer, "then"))
                compare(sub(reader, "else"), sub(writer, "else"))
            } else if reader.member("then") != nil || reader.member("else") != nil {
                unanalyzable(reader, writer, "if")
            }
        }
    }

    /// Each writer branch must fit the reader branch at the same position; a writer without
    /// `anyOf` must fit one of the reader's branches.
    private mutating func compareAnyOf(_ branches: [JSONValue], _ reader: Side, _ writer: Side) {
        if case .array(let writerBranches)? = writer.member("anyOf") {
            guard writerBranches.count <= branches.count else {
                return unanalyzable(reader, writer, "anyOf")
            }
            for index in writerBranches.indices {
                compare(sub(reader, "anyOf", String(index)), sub(writer, "anyOf", String(index)))
            }
            return
        }
        for index in branches.indices {
            var probe = SchemaSubsetChecker(reader: readerRoot, writer: writerRoot,
                                            readerIsNew: readerIsNew)
            probe.compare(sub(reader, "anyOf", String(index)), writer)
            if probe.findings.isEmpty { return }
        }
        unanalyzable(reader, writer, "anyOf")
    }
}
