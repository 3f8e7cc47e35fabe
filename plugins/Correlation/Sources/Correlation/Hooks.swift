import HubPluginAPI

/// The hooks of the plugin, each a small rule on one event.
enum Hooks {
    /// Refuses an event without a body: it is nearly always a producer's mistake.
    static let refuseEmpty = PublishHook(
        "refuse-empty", summary: "refuses events whose body is empty"
    ) { event, _ in
        event.body.isEmpty ? .reject("its body is empty") : .accept
    }

    /// Keeps card numbers out of the log: a run of 13 to 19 digits in a text body keeps only
    /// its last four.
    static let maskCards = PublishHook(
        "mask-cards", summary: "masks card numbers in text bodies, keeping the last 4 digits"
    ) { event, _ in
        if let text = event.text {
            let masked = CardMask.mask(text)
            if masked != text { event.body = Array(masked.utf8) }
        }
        return .accept
    }

    /// Adds a `correlationId` property to events that have none, so one request can be
    /// followed through every hub it touches.
    static let correlationId = PublishHook(
        "correlation-id", summary: "adds a random correlationId property where there is none"
    ) { event, _ in
        if event.property("correlationId") == nil {
            event.setProperty("correlationId", .string(CorrelationId.make()))
        }
        return .accept
    }
}

/// Random correlation ids: 16 lower-case hex digits.
enum CorrelationId {
    static func make() -> String {
        let value = UInt64.random(in: .min ... .max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
