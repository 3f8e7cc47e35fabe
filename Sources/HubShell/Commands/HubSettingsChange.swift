import HubCore

/// What `hub set HUB --retention D --max-event-size BYTES` asks to change, and the checks that
/// keep a hub and its dead-letter hub fitting each other through the change.
///
/// The fit rule itself is `DeadLetter.misfit`; this type only asks it about the hub as it would
/// be after the change, in both directions: a dead-letter hub must keep fitting the hub that
/// dead-letters into it, and a hub that dead-letters must not outgrow its dead-letter hub.
struct HubSettingsChange {
    var retentionMillis: Int64?
    var maxEventSize: Int?

    /// The change the flags ask for; nil when neither flag is given.
    init?(_ arguments: Arguments) throws {
        retentionMillis = try HubSettingFlags.retention(arguments)
        maxEventSize = try HubSettingFlags.maxEventSize(arguments)
        guard retentionMillis != nil || maxEventSize != nil else { return nil }
    }

    /// `hub` as it is after the change.
    func applied(to hub: HubProperties) -> HubProperties {
        var changed = hub
        changed.retentionMillis = retentionMillis ?? hub.retentionMillis
        changed.maxEventSize = maxEventSize ?? hub.maxEventSize
        return changed
    }

    /// Makes the change, after `checkFit`.
    func apply(to hub: HubProperties, context: ShellContext) throws -> HubProperties {
        try context.log.updateHub(
            named: hub.name, retentionMillis: retentionMillis, maxEventSize: maxEventSize)
    }

    /// Refuses a change after which `hub` and its dead-letter hub no longer fit each other.
    /// `deadLetters` says whether `hub` dead-letters once the command is done (its binding may
    /// change in the same command).
    func checkFit(of hub: HubProperties, deadLetters: Bool, context: ShellContext) throws {
        let wanted = applied(to: hub)
        if let origin = try deadLetteringOrigin(of: hub, context: context) {
            try checkStillFits(hub, wanted: wanted, origin: origin)
        }
        guard deadLetters, wanted.maxEventSize > hub.maxEventSize else { return }
        let name = SchemaBinding.deadLetterHub(of: hub.name)
        guard let deadLetter = try Self.existingHub(name, context: context),
              let needed = Self.deadLetterSizeNeeded(deadLetter, for: wanted),
              let problem = DeadLetter.misfit(deadLetter, for: wanted)
        else { return }
        throw CommandFailure(
            "hub '\(hub.name)' dead-letters into '\(deadLetter.name)', which would no longer fit"
                + " it: '\(deadLetter.name)' \(problem); raise that first with"
                + " 'hub set \(deadLetter.name) --max-event-size \(needed)'")
    }

    /// Warns when `hub`, which dead-letters and has just had its retention raised, now keeps
    /// events longer than its dead-letter hub: the dead letters would expire before the events
    /// they stand for. A warning, not a refusal: the dead-letter hub still takes every event.
    func warnIfOutlivingDeadLetters(_ hub: HubProperties, context: ShellContext) throws {
        let name = SchemaBinding.deadLetterHub(of: hub.name)
        guard let deadLetter = try Self.existingHub(name, context: context),
              deadLetter.retentionMillis < hub.retentionMillis
        else { return }
        let retention = Retention.format(hub.retentionMillis)
        context.output.warning(
            "hub '\(hub.name)' now keeps events \(retention), longer than its dead-letter hub"
                + " '\(deadLetter.name)' (\(Retention.format(deadLetter.retentionMillis))), so"
                + " dead letters expire before the events they stand for; keep them in step with"
                + " 'hub set \(deadLetter.name) --retention \(retention)'")
    }

    /// The maximum event size `deadLetter` must be raised to before `origin`, as it would be
    /// after a change, can dead-letter into it; nil when it is large enough.
    static func deadLetterSizeNeeded(_ deadLetter: HubProperties, for origin: HubProperties)
        -> Int?
    {
        let needed = DeadLetter.hubSpec(for: origin).maxEventSize
        return deadLetter.maxEventSize < needed ? needed : nil
    }

    /// Refuses lowering the settings of `hub`, the dead-letter hub of `origin`, below what
    /// `origin`'s invalid events need.
    private func checkStillFits(
        _ hub: HubProperties, wanted: HubProperties, origin: HubProperties
    ) throws {
        let lowers = wanted.retentionMillis < hub.retentionMillis
            || wanted.maxEventSize < hub.maxEventSize
        guard lowers, let problem = DeadLetter.misfit(wanted, for: origin) else { return }
        var least: [String] = []
        if retentionMillis != nil {
            least.append("--retention \(Retention.format(DeadLetter.minimumRetention))")
        }
        if maxEventSize != nil {
            least.append("--max-event-size \(DeadLetter.hubSpec(for: origin).maxEventSize)")
        }
        throw CommandFailure(
            "hub '\(hub.name)' is where '\(origin.name)' dead-letters invalid events, and would"
                + " no longer fit it: it \(problem); give at least"
                + " \(least.joined(separator: " and ")), or first stop dead-lettering with"
                + " 'hub set \(origin.name) --on-invalid reject'")
    }

    /// The hub that dead-letters into `hub`, when `hub` is a dead-letter hub in use.
    private func deadLetteringOrigin(of hub: HubProperties, context: ShellContext) throws
        -> HubProperties?
    {
        guard let name = SchemaBinding.origin(ofDeadLetterHub: hub.name),
              let origin = try Self.existingHub(name, context: context),
              origin.schema?.onInvalid == .deadletter
        else { return nil }
        return origin
    }

    /// The hub `name` as it was created, or nil when there is none.
    private static func existingHub(_ name: String, context: ShellContext) throws
        -> HubProperties?
    {
        do {
            return try context.log.hub(named: name)
        } catch HubError.hubNotFound {
            return nil
        }
    }

    /// `hub 'orders': retention 1d -> 7d`, or `hub 'orders': retention 7d; unchanged` when
    /// the hub already had what was asked.
    func report(before: HubProperties, after: HubProperties) -> String {
        var changed: [String] = []
        var kept: [String] = []
        if retentionMillis != nil {
            let (old, new) = (before.retentionMillis, after.retentionMillis)
            if old == new {
                kept.append("retention \(Retention.format(new))")
            } else {
                changed.append("retention \(Retention.format(old)) -> \(Retention.format(new))")
            }
        }
        if maxEventSize != nil {
            let (old, new) = (Int64(before.maxEventSize), Int64(after.maxEventSize))
            if old == new {
                kept.append("max event size \(ByteSize.format(new))")
            } else if ByteSize.format(old) == ByteSize.format(new) {
                // Sizes that round to the same text are shown exactly, so the change shows.
                changed.append("max event size \(old) B -> \(new) B")
            } else {
                changed.append(
                    "max event size \(ByteSize.format(old)) -> \(ByteSize.format(new))")
            }
        }
        guard changed.isEmpty else {
            return "hub '\(after.name)': \(changed.joined(separator: ", "))"
        }
        return "hub '\(after.name)': \(kept.joined(separator: ", ")); unchanged"
    }
}
