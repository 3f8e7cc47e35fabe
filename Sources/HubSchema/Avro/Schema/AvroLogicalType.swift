/// A logical type that hubsh understands, attached to the underlying type it annotates.
///
/// The binary encoding is always the underlying type's; the logical type only changes how a
/// value is written in JSON (see `AvroEncoder`). Unknown or invalid logical types are dropped at
/// parse time, as the Avro specification asks, and reported in `AvroSchema.warnings`.
public enum AvroLogicalType: Sendable, Equatable {
    /// An exact decimal over `bytes` or `fixed`: the unscaled value in big-endian two's
    /// complement, `scale` digits after the point, at most `precision` digits in all.
    case decimal(precision: Int, scale: Int)
    /// A UUID string (RFC 4122 text) over `string`, or its 16 bytes over `fixed(16)`.
    case uuid
    /// Days since 1970-01-01 over `int`.
    case date
    /// Milliseconds after midnight over `int`.
    case timeMillis
    /// Microseconds after midnight over `long`.
    case timeMicros
    /// Milliseconds since 1970-01-01T00:00:00Z over `long`.
    case timestampMillis
    /// Microseconds since 1970-01-01T00:00:00Z over `long`.
    case timestampMicros
    /// Nanoseconds since 1970-01-01T00:00:00Z over `long`.
    case timestampNanos
    /// Milliseconds since 1970-01-01T00:00:00 in an unspecified local time zone, over `long`.
    case localTimestampMillis
    /// Microseconds since 1970-01-01T00:00:00 local, over `long`.
    case localTimestampMicros
    /// Nanoseconds since 1970-01-01T00:00:00 local, over `long`.
    case localTimestampNanos
    /// Months, days and milliseconds as three little-endian unsigned 32-bit numbers, over
    /// `fixed(12)`.
    case duration

    /// The name written in schemas, such as `timestamp-millis`.
    public var name: String {
        switch self {
        case .decimal: return "decimal"
        case .uuid: return "uuid"
        case .date: return "date"
        case .timeMillis: return "time-millis"
        case .timeMicros: return "time-micros"
        case .timestampMillis: return "timestamp-millis"
        case .timestampMicros: return "timestamp-micros"
        case .timestampNanos: return "timestamp-nanos"
        case .localTimestampMillis: return "local-timestamp-millis"
        case .localTimestampMicros: return "local-timestamp-micros"
        case .localTimestampNanos: return "local-timestamp-nanos"
        case .duration: return "duration"
        }
    }

    /// The logical types that take no parameters, by name, with the primitive each annotates.
    static let plain: [String: (AvroLogicalType, AvroType)] = [
        "uuid": (.uuid, .string),
        "date": (.date, .int),
        "time-millis": (.timeMillis, .int),
        "time-micros": (.timeMicros, .long),
        "timestamp-millis": (.timestampMillis, .long),
        "timestamp-micros": (.timestampMicros, .long),
        "timestamp-nanos": (.timestampNanos, .long),
        "local-timestamp-millis": (.localTimestampMillis, .long),
        "local-timestamp-micros": (.localTimestampMicros, .long),
        "local-timestamp-nanos": (.localTimestampNanos, .long),
    ]

    /// The largest decimal precision a fixed of `size` bytes holds: the digit count of
    /// 2^(8·size−1) − 1.
    static func maxDecimalPrecision(fixedSize size: Int) -> Int {
        guard size > 0 else { return 0 }
        // log10(2) · (8·size − 1), floored; exact enough for any size a schema can give.
        return Int((Double(8 * size - 1) * 0.30102999566398120).rounded(.down))
    }
}
