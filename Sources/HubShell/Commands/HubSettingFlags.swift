import HubCore

/// `--retention D` and `--max-event-size BYTES`, as `hub create` and `hub set` both take them:
/// one grammar and one range for a new hub and a changed one.
enum HubSettingFlags {
    /// The retention `--retention` gives, in milliseconds (`30m`, `36h`, `7d`, `1d12h`), or nil
    /// when it is not given.
    static func retention(_ arguments: Arguments) throws -> Int64? {
        guard let token = arguments.token("--retention") else { return nil }
        guard let millis = Retention.parse(token.text),
              (try? HubSpec.validate(retentionMillis: millis)) != nil
        else {
            throw arguments.usageError(
                HubError.invalidRetention(token.text).description, at: token)
        }
        return millis
    }

    /// The size `--max-event-size` gives, in bytes (`262144`, `256KiB`, `1MiB`), or nil when
    /// it is not given.
    static func maxEventSize(_ arguments: Arguments) throws -> Int? {
        guard let token = arguments.token("--max-event-size") else { return nil }
        guard let bytes = ByteSize.parse(token.text),
              (try? HubSpec.validate(maxEventSize: bytes)) != nil
        else {
            throw arguments.usageError(
                HubError.invalidMaxEventSize(token.text).description, at: token)
        }
        return bytes
    }
}
