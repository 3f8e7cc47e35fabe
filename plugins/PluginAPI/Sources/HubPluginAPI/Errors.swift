/// A command or hook failed; hubsh prints the message as one line and the command's exit status
/// is 1.
///
///     throw PluginError("hub 'orders' has no events yet; publish some first")
public struct PluginError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A command was written wrongly (a bad flag value, a missing argument); hubsh prints the message
/// as one line and the exit status is 2, as for the built-in commands.
///
///     throw PluginUsageError("--top needs a whole number from 1 to 100, not 'x'")
public struct PluginUsageError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
