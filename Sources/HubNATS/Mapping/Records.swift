import HubCore

/// A hub as the hubs bucket keeps it: its properties and the incarnation id that names its
/// streams.
struct HubRecord: Equatable {
    var properties: HubProperties
    var incarnation: String

    var name: String { properties.name }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(properties.name)),
            ("partitions", .int(properties.partitionCount)),
            ("retentionMillis", .int(properties.retentionMillis)),
            ("maxEventSize", .int(properties.maxEventSize)),
            ("replicas", .int(properties.replicas)),
            ("createdAt", .int(properties.createdAt)),
            ("incarnation", .string(incarnation)),
        ]
        if let schema = properties.schema {
            members.append(
                ("schema", .object([
                    ("group", .string(schema.group)), ("name", .string(schema.name)),
                    ("onInvalid", .string(schema.onInvalid.rawValue)),
                ])))
        }
        return .object(members)
    }

    init(properties: HubProperties, incarnation: String) {
        self.properties = properties
        self.incarnation = incarnation
    }

    init(bytes: [UInt8]) throws {
        let json = try RecordJSON.parse(bytes, what: "hub record")
        var properties = HubProperties(
            name: try RecordJSON.string(json, "name"),
            partitionCount: Int(try RecordJSON.int(json, "partitions")),
            retentionMillis: try RecordJSON.int(json, "retentionMillis"),
            maxEventSize: Int(try RecordJSON.int(json, "maxEventSize")),
            createdAt: try RecordJSON.int(json, "createdAt"),
            replicas: Int(try RecordJSON.int(json, "replicas")))
        if let schema = json["schema"], schema != .null {
            properties.schema = SchemaBinding(
                group: try RecordJSON.string(schema, "group"),
                name: try RecordJSON.string(schema, "name"),
                onInvalid: InvalidEventPolicy(
                    rawValue: try RecordJSON.string(schema, "onInvalid")) ?? .reject)
        }
        self.init(properties: properties, incarnation: try RecordJSON.string(json, "incarnation"))
    }
}

/// A consumer group's entry in the groups bucket.
enum GroupRecord {
    static func json(_ group: ConsumerGroup) -> JSONValue {
        .object([("name", .string(group.name)), ("createdAt", .int(group.createdAt))])
    }

    static func decode(_ bytes: [UInt8], hub: String) throws -> ConsumerGroup {
        let json = try RecordJSON.parse(bytes, what: "consumer group record")
        return ConsumerGroup(
            hub: hub, name: try RecordJSON.string(json, "name"),
            createdAt: try RecordJSON.int(json, "createdAt"))
    }
}

/// A checkpoint's entry in the checkpoints bucket.
enum CheckpointRecord {
    static func json(_ checkpoint: Checkpoint) -> JSONValue {
        .object([
            ("group", .string(checkpoint.group)), ("partition", .int(checkpoint.partition)),
            ("sequenceNumber", .int(checkpoint.sequenceNumber)),
            ("offset", .int(checkpoint.offset)), ("updatedAt", .int(checkpoint.updatedAt)),
            ("owner", .string(checkpoint.owner)),
        ])
    }

    static func decode(_ bytes: [UInt8], hub: String) throws -> Checkpoint {
        let json = try RecordJSON.parse(bytes, what: "checkpoint record")
        return Checkpoint(
            hub: hub, group: try RecordJSON.string(json, "group"),
            partition: Int(try RecordJSON.int(json, "partition")),
            sequenceNumber: try RecordJSON.int(json, "sequenceNumber"),
            offset: try RecordJSON.int(json, "offset"),
            updatedAt: try RecordJSON.int(json, "updatedAt"),
            owner: try RecordJSON.string(json, "owner"))
    }
}

/// Reading the JSON records of the buckets; a damaged record throws `HubError.storage`.
enum RecordJSON {
    static func parse(_ bytes: [UInt8], what: String) throws -> JSONValue {
        do {
            return try JSONValue.parse(bytes: bytes)
        } catch {
            throw HubError.storage("a \(what) on the NATS cluster is not readable JSON: \(error)")
        }
    }

    static func string(_ json: JSONValue, _ key: String) throws -> String {
        guard let value = json[key]?.stringValue else { throw missing(key) }
        return value
    }

    static func int(_ json: JSONValue, _ key: String) throws -> Int64 {
        guard let text = json[key]?.numberText, let value = Int64(text) else {
            throw missing(key)
        }
        return value
    }

    static func encode(_ json: JSONValue) -> [UInt8] { Array(json.text.utf8) }

    private static func missing(_ key: String) -> HubError {
        .storage("a record on the NATS cluster lacks '\(key)'; was it written by hubsh?")
    }
}
