import CNATS

/// One JetStream key-value bucket (`kvStore`): small records with a revision each, where a
/// write can require the key to be new or unchanged since a revision was read.
///
/// Thread-safe. Keys are made of letters, digits and `-/_=.`; `.` separates the tokens a
/// prefix listing matches on.
final class KeyValueBucket: @unchecked Sendable {
    let name: String
    private let handle: OpaquePointer
    /// How long a listing may take to collect every entry.
    static let listTimeoutMillis: Int64 = 5000

    /// Opens bucket `name`, creating it with `replicas` copies when missing
    /// (`js_KeyValue`, `js_CreateKeyValue`). Falls back to one copy on a server that is not
    /// part of a cluster.
    init(_ jetStream: JetStream, name: String, replicas: Int) throws {
        self.name = name
        var store: OpaquePointer?
        var status = js_KeyValue(&store, jetStream.handle, name)
        if status == NATS_NOT_FOUND {
            status = KeyValueBucket.create(&store, jetStream, name, replicas: replicas)
            if status != NATS_OK, replicas > 1 {
                status = KeyValueBucket.create(&store, jetStream, name, replicas: 1)
            }
            // Another process may have created it at the same moment.
            if status != NATS_OK { status = js_KeyValue(&store, jetStream.handle, name) }
        }
        try NATSError.check(status)
        handle = store!
    }

    private static func create(
        _ store: inout OpaquePointer?, _ jetStream: JetStream, _ name: String, replicas: Int
    ) -> natsStatus {
        name.withCString { bucket in
            var config = kvConfig()
            kvConfig_Init(&config)
            config.Bucket = bucket
            config.History = 1
            config.Replicas = Int32(replicas)
            config.StorageType = js_FileStorage
            return js_CreateKeyValue(&store, jetStream.handle, &config)
        }
    }

    deinit {
        kvStore_Destroy(handle)
    }

    /// One entry: its value and the revision that wrote it.
    struct Entry {
        var key: String
        var value: [UInt8]
        var revision: UInt64
    }

    /// The live entry of `key`, or nil when it does not exist or was deleted (`kvStore_Get`).
    func get(_ key: String) throws -> Entry? {
        var entry: OpaquePointer?
        let status = kvStore_Get(&entry, handle, key)
        if status == NATS_NOT_FOUND { return nil }
        try NATSError.check(status)
        guard let entry else { return nil }
        defer { kvEntry_Destroy(entry) }
        return KeyValueBucket.entry(entry)
    }

    /// Writes `key` only when it does not exist; returns false when it does
    /// (`kvStore_Create`).
    func create(_ key: String, _ value: [UInt8]) throws -> Bool {
        var revision: UInt64 = 0
        let status = value.withUnsafeBytes { bytes in
            kvStore_Create(&revision, handle, key, bytes.baseAddress, Int32(bytes.count))
        }
        if status == NATS_OK { return true }
        let failure = NATSError.make(status)
        // The library reports a taken key as a generic error: look whether it is taken.
        if (try? get(key)) != nil { return false }
        throw failure
    }

    /// Writes `key` only when its revision is still `revision`; returns false when another
    /// write came first (`kvStore_Update`).
    func update(_ key: String, _ value: [UInt8], revision: UInt64) throws -> Bool {
        var written: UInt64 = 0
        let status = value.withUnsafeBytes { bytes in
            kvStore_Update(&written, handle, key, bytes.baseAddress, Int32(bytes.count), revision)
        }
        if status == NATS_OK { return true }
        let failure = NATSError.make(status)
        if let current = try? get(key), current.revision != revision { return false }
        if (try? get(key)) == nil { return false }
        throw failure
    }

    /// Writes `key` whatever it held (`kvStore_Put`).
    func put(_ key: String, _ value: [UInt8]) throws {
        var revision: UInt64 = 0
        let status = value.withUnsafeBytes { bytes in
            kvStore_Put(&revision, handle, key, bytes.baseAddress, Int32(bytes.count))
        }
        try NATSError.check(status)
    }

    /// Removes `key` and its history (`kvStore_Purge`); a missing key is not an error.
    func remove(_ key: String) throws {
        let status = kvStore_Purge(handle, key, nil)
        if status == NATS_NOT_FOUND { return }
        try NATSError.check(status)
    }

    /// Every live entry whose key matches `pattern` (`*` one token, `>` the rest), in no
    /// particular order (`kvStore_Watch` until the end of the initial values).
    func entries(matching pattern: String) throws -> [Entry] {
        var options = kvWatchOptions()
        kvWatchOptions_Init(&options)
        options.IgnoreDeletes = true
        var watcher: OpaquePointer?
        try NATSError.check(kvStore_Watch(&watcher, handle, pattern, &options))
        defer { kvWatcher_Destroy(watcher) }
        var found: [Entry] = []
        let deadline = MonotonicClock.millis() + KeyValueBucket.listTimeoutMillis
        while true {
            let left = deadline - MonotonicClock.millis()
            guard left > 0 else { throw NATSError.timeout("listing bucket '\(name)' timed out") }
            var entry: OpaquePointer?
            try NATSError.check(kvWatcher_Next(&entry, watcher, left))
            // A nil entry marks the end of the values that existed when the watch began.
            guard let entry else { break }
            if kvEntry_Operation(entry) == kvOp_Put {
                found.append(KeyValueBucket.entry(entry))
            }
            kvEntry_Destroy(entry)
        }
        return found
    }

    private static func entry(_ entry: OpaquePointer) -> Entry {
        let count = Int(kvEntry_ValueLen(entry))
        var value: [UInt8] = []
        if count > 0, let data = kvEntry_Value(entry) {
            value = Array(UnsafeRawBufferPointer(start: data, count: count))
        }
        return Entry(
            key: String(cString: kvEntry_Key(entry)), value: value,
            revision: kvEntry_Revision(entry))
    }
}
