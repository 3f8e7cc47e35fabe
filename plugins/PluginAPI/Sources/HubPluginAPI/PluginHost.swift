/// What hubsh offers a plugin: the namespace's hubs, events, consumer groups and checkpoints,
/// and the shell's output.
///
/// hubsh passes a host to every command, and to completions, generators and formats through
/// their requests. Calls run on the shell's thread; a host is valid only during the call it
/// was passed to, so do not keep it. Errors come back as `PluginError`s whose message is the
/// one hubsh would print, so a plugin can let them pass:
///
///     let hubs = try host.hubs()
///     for hub in hubs { host.write(hub.name) }
public protocol PluginHost: AnyObject {
    // MARK: - Namespace

    /// The name of the namespace (the data directory) hubsh has open.
    var namespace: String { get }

    /// Every hub, by name.
    func hubs() throws -> [HubSummary]

    /// One hub; fails when there is no such hub.
    func hub(named name: String) throws -> HubSummary

    /// The state of each partition of `hub`, read in one consistent snapshot.
    func partitions(ofHub hub: String) throws -> [PartitionSummary]

    // MARK: - Events

    /// Publishes `events` the way `publish` does: publish hooks run first, then each event goes
    /// to `partition`, else to the partition its key hashes to, else round-robin. Events that
    /// fit the hub's maximum size land in one transaction. Returns where each event landed.
    func publish(_ events: [PluginEvent], toHub hub: String, partition: Int?) throws
        -> [EventLocation]

    /// Up to `maxCount` events of one partition from `position`, in sequence order.
    func read(hub: String, partition: Int, from position: ReadPosition, maxCount: Int) throws
        -> [StoredEvent]

    // MARK: - Consumer groups and checkpoints

    /// The names of the consumer groups of `hub`, `$default` first.
    func consumerGroups(ofHub hub: String) throws -> [String]

    /// The checkpoints `group` has stored in `hub`, by partition.
    func checkpoints(hub: String, group: String) throws -> [CheckpointSummary]

    /// Records that `group` has processed the event `sequenceNumber` of `partition`; a consumer
    /// of the group resumes after it.
    func setCheckpoint(hub: String, group: String, partition: Int, sequenceNumber: Int64) throws

    // MARK: - Output

    /// Writes one line of results to standard output.
    func write(_ line: String)

    /// Writes one JSON value on one line to standard output: what a command prints for
    /// `--json`.
    func writeJSON(_ value: PluginJSON)

    /// Writes an aligned table to standard output, as the built-in commands do.
    func writeTable(_ columns: [TableColumn], rows: [[String]])

    /// Writes a diagnostic to standard error, never into results that scripts parse. `debug`
    /// shows only with hubsh's `--verbose`.
    func log(_ level: PluginLogLevel, _ message: String)

    /// Whether standard output is a terminal, whether it takes colour, and its width.
    var terminal: TerminalTraits { get }

    /// True once Ctrl-C was pressed during the running command; a long command checks it and
    /// stops.
    var isInterrupted: Bool { get }
}
