/// A JSON value for `PluginHost.writeJSON`: what a command prints for `--json`.
///
/// Object members keep their order.
///
///     host.writeJSON(.object([("partition", .string("0")), ("events", .int(12))]))
public indirect enum PluginJSON: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A non-finite double is written as `null`.
    case double(Double)
    case string(String)
    case array([PluginJSON])
    case object([(String, PluginJSON)])
}
