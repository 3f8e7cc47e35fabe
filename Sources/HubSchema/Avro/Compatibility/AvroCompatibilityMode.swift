/// The compatibility a schema group asks of each new version.
public enum AvroCompatibilityMode: String, Sendable, CaseIterable {
    /// Anything goes.
    case none = "NONE"
    /// The new schema reads data written with the latest one.
    case backward = "BACKWARD"
    /// ... and with every earlier one.
    case backwardTransitive = "BACKWARD_TRANSITIVE"
    /// The latest schema reads data written with the new one.
    case forward = "FORWARD"
    /// ... and so does every earlier one.
    case forwardTransitive = "FORWARD_TRANSITIVE"
    /// Both backward and forward against the latest.
    case full = "FULL"
    /// Both backward and forward against every earlier version.
    case fullTransitive = "FULL_TRANSITIVE"

    var checksBackward: Bool {
        [.backward, .backwardTransitive, .full, .fullTransitive].contains(self)
    }

    var checksForward: Bool {
        [.forward, .forwardTransitive, .full, .fullTransitive].contains(self)
    }
}
