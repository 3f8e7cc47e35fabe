import HubCore
import HubPluginAPI

// The plugin API has its own small value types so that it depends on nothing of hubsh's; these
// conversions are the only place the two meet.

extension PluginEvent {
    init(_ data: EventData) {
        self.init(
            body: data.body, partitionKey: data.partitionKey,
            properties: data.properties.map { PluginProperty($0.0, PluginValue($0.1)) },
            contentType: data.contentType)
    }
}

extension EventData {
    init(_ event: PluginEvent) {
        self.init(
            body: event.body, partitionKey: event.partitionKey,
            properties: event.properties.map { ($0.name, PropertyValue($0.value)) },
            contentType: event.contentType)
    }
}

extension PluginValue {
    init(_ value: PropertyValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .bool(let flag): self = .bool(flag)
        }
    }
}

extension PropertyValue {
    init(_ value: PluginValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .bool(let flag): self = .bool(flag)
        }
    }
}

extension EventLocation {
    init(_ metadata: EventMetadata) {
        self.init(
            partition: metadata.partition, sequenceNumber: metadata.sequenceNumber,
            offset: metadata.offset, enqueuedTime: metadata.enqueuedTime)
    }
}

extension StoredEvent {
    init(_ event: ReceivedEvent) {
        self.init(location: EventLocation(event.metadata), event: PluginEvent(event.data))
    }
}

extension EventPosition {
    init(_ position: ReadPosition) {
        switch position {
        case .earliest: self = .earliest
        case .latest: self = .latest
        case .sequenceNumber(let seq, let inclusive):
            self = .sequenceNumber(seq, inclusive: inclusive)
        case .offset(let offset, let inclusive): self = .offset(offset, inclusive: inclusive)
        case .enqueuedTime(let millis): self = .enqueuedTime(millis)
        case .last(let count): self = .last(count)
        }
    }
}

extension HubSummary {
    init(_ hub: HubProperties) {
        self.init(
            name: hub.name, partitionCount: hub.partitionCount,
            retentionMillis: hub.retentionMillis, maxEventSize: hub.maxEventSize,
            createdAt: hub.createdAt)
    }
}

extension PartitionSummary {
    init(_ state: PartitionState) {
        self.init(
            partition: state.partition, firstSequenceNumber: state.firstSequenceNumber,
            nextSequenceNumber: state.nextSequenceNumber, bytes: state.bytes,
            lastEnqueuedTime: state.lastEnqueuedTime)
    }
}

extension CheckpointSummary {
    init(_ checkpoint: Checkpoint) {
        self.init(
            partition: checkpoint.partition, sequenceNumber: checkpoint.sequenceNumber,
            offset: checkpoint.offset, updatedAt: checkpoint.updatedAt, owner: checkpoint.owner)
    }
}

extension JSONValue {
    init(_ value: PluginJSON) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number):
            self = number.isFinite ? .number(JSONValue.format(double: number)) : .null
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members): self = .object(members.map { ($0.0, JSONValue($0.1)) })
        }
    }
}
