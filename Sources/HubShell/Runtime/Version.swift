/// The version `hubsh --version` prints.
public enum HubshVersion {
    public static let current = "0.1.0"
}
