/// Refuses records that always contain themselves, such as
/// `{"type":"record","name":"R","fields":[{"name":"r","type":"R"}]}`: no finite value has such a
/// type, and every walk over it (canonical form, encoding, compatibility) would never end.
///
/// A type can hold a finite value when it is a primitive, an enum or fixed, an array or map (they
/// may be empty), a union with one such branch, or a record whose fields all can. Records are
/// found finite by repeating that rule until nothing changes; any left over recurse without end.
enum AvroFiniteness {
    static func check(_ definitions: [String: AvroType]) throws {
        var records: [String: AvroRecord] = [:]
        for (name, type) in definitions {
            if case .record(let record) = type { records[name] = record }
        }
        var finite = Set<String>()
        var changed = true
        while changed {
            changed = false
            for (name, record) in records where !finite.contains(name) {
                if record.fields.allSatisfy({
                    canEnd($0.type, finite: finite, definitions: definitions)
                }) {
                    finite.insert(name)
                    changed = true
                }
            }
        }
        guard let endless = records.keys.filter({ !finite.contains($0) }).sorted().first else {
            return
        }
        throw AvroSchemaError(
            path: "/",
            message: "record '\(endless)' always contains itself, so no value can be written;"
                + " make the recursive field optional with a union such as [\"null\", \""
                + endless + "\"] or put it in an array")
    }

    private static func canEnd(
        _ type: AvroType, finite: Set<String>, definitions: [String: AvroType]
    ) -> Bool {
        switch type {
        case .record(let record): return finite.contains(record.name.fullName)
        case .reference(let name):
            guard case .record? = definitions[name.fullName] else { return true }
            return finite.contains(name.fullName)
        case .union(let branches):
            return branches.contains { canEnd($0, finite: finite, definitions: definitions) }
        case .logical(_, let base): return canEnd(base, finite: finite, definitions: definitions)
        default: return true
        }
    }
}
