import HubCore

/// One event as a stream's generator makes it, before it becomes `EventData`: its type, the
/// members of its body after the ones every event has, and the application properties that
/// are particular to its stream.
struct SampleEvent: Sendable {
    var type: String
    var fields: EventFields
    var properties: [(String, PropertyValue)] = []
}

/// The members of an event body, in the order they are written.
///
/// Written as a dictionary literal; a nil value leaves its member out:
///
///     let fields: EventFields = ["orderId": .string(id), "storeId": inStore ? .string(s) : nil]
struct EventFields: ExpressibleByDictionaryLiteral, Sendable {
    private(set) var members: [(String, JSONValue)]

    init(dictionaryLiteral elements: (String, JSONValue?)...) {
        members = elements.compactMap { key, value in value.map { (key, $0) } }
    }

    /// The member `key`; setting a value replaces it in place or appends it, nil removes it.
    subscript(key: String) -> JSONValue? {
        get { members.first { $0.0 == key }?.1 }
        set {
            let index = members.firstIndex { $0.0 == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].1 = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    func string(_ key: String) -> String? {
        self[key]?.stringValue
    }

    /// The number in member `key`, such as an amount written `129.95`.
    func number(_ key: String) -> Double? {
        guard case .number(let literal)? = self[key] else { return nil }
        return Double(literal)
    }
}
