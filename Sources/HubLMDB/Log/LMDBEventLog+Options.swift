import Glibc
import HubCore

extension LMDBEventLog {
    /// How to open a log.
    public struct Options: Sendable {
        /// The map size a new environment starts with; it doubles whenever it fills up.
        public static let defaultMapSize = 256 * 1_048_576
        /// The environment variable that overrides `mapSize`, in bytes.
        public static let mapSizeVariable = "HUBSH_MAP_SIZE"
        /// The smallest map; smaller sizes are rounded up to it.
        static let minimumMapSize = 64 * 1024

        /// The namespace's display name; the directory's last component when nil.
        public var namespace: String?
        /// The initial size of the memory map, in bytes. `HUBSH_MAP_SIZE` overrides it.
        public var mapSize: Int
        /// Open without writing anything: every write throws `HubError.readOnly`.
        public var readOnly: Bool
        /// The time events are enqueued at and hubs created at, in milliseconds since the
        /// epoch. Tests replace it to move time forward.
        public var clock: @Sendable () -> Int64
        /// How often, at most, a publish also purges its hub's expired events, in
        /// milliseconds of `clock`; nil turns the automatic purge off.
        public var autoPurgeInterval: Int64?
        /// Receives one-line notices about the store, such as the conversion of an older
        /// storage format when it is opened; by default they go to standard error.
        public var notice: @Sendable (String) -> Void

        public init(
            namespace: String? = nil,
            mapSize: Int = Options.defaultMapSize,
            readOnly: Bool = false,
            clock: @escaping @Sendable () -> Int64 = { Timestamp.now() },
            autoPurgeInterval: Int64? = 1000,
            notice: @escaping @Sendable (String) -> Void = Options.printNotice
        ) {
            self.namespace = namespace
            self.mapSize = mapSize
            self.readOnly = readOnly
            self.clock = clock
            self.autoPurgeInterval = autoPurgeInterval
            self.notice = notice
        }

        /// Writes `notice` to standard error as one line that starts with `hubsh: `.
        public static func printNotice(_ notice: String) {
            let line = Array("hubsh: \(notice)\n".utf8)
            _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }

        /// The map size to open with: `HUBSH_MAP_SIZE` when set, else `mapSize`.
        func effectiveMapSize() throws -> Int {
            let variable = getenv(Options.mapSizeVariable).map { String(cString: $0) }
            return try Options.mapSize(configured: mapSize, variable: variable)
        }

        /// `variable` (the text of `HUBSH_MAP_SIZE`) when given, else `configured`, rounded up
        /// to a whole number of 64 KiB so that it is a multiple of any page size.
        static func mapSize(configured: Int, variable: String?) throws -> Int {
            var size = configured
            if let variable {
                guard let bytes = Int(variable), bytes > 0 else {
                    throw HubError.storage(
                        "\(mapSizeVariable) must be a number of bytes, such as 1048576;"
                            + " it is '\(variable)'")
                }
                size = bytes
            }
            let units = (max(size, minimumMapSize) + minimumMapSize - 1) / minimumMapSize
            return units * minimumMapSize
        }
    }
}
