import HubCore

// The customer streams: who the customers are, their loyalty points, their conversations with
// support and the messages sent to them.

extension ValueStream {
    static let customerProfile = ValueStream(
        hub: "customer-profile", aliases: ["profile", "customers"],
        summary: "Registrations and changes to customer profiles and consent",
        partitionCount: 8, retentionDays: 7,
        consumerGroups: ["crm-sync", "personalisation", "privacy-audit"],
        keyField: "customerId", source: "customer-service", schemaVersion: 3,
        eventsPerSecond: 10, events: ProfileEvents.self)

    static let loyalty = ValueStream(
        hub: "loyalty", aliases: ["points"],
        summary: "Loyalty points earned, redeemed and expired; tier changes",
        partitionCount: 4, retentionDays: 7,
        consumerGroups: ["rewards-engine", "analytics"],
        keyField: "memberId", source: "loyalty-service",
        eventsPerSecond: 15, events: LoyaltyEvents.self)

    static let supportTickets = ValueStream(
        hub: "support-tickets", aliases: ["support", "tickets"],
        summary: "Support tickets from email, chat, phone and web form",
        partitionCount: 4, retentionDays: 7,
        consumerGroups: ["triage", "sla-monitor", "analytics"],
        keyField: "ticketId", source: "helpdesk",
        eventsPerSecond: 1, events: TicketEvents.self)

    static let notifications = ValueStream(
        hub: "notifications", aliases: ["messages"],
        summary: "Emails, texts and push messages: requested, sent, delivered",
        partitionCount: 8, retentionDays: 1,
        consumerGroups: ["dispatcher", "engagement-analytics", "audit"],
        keyField: "customerId", source: "notification-hub",
        eventsPerSecond: 150, events: NotificationEvents.self)
}

enum ProfileEvents: StreamEvents {
    static let mix: [(String, Double)] = [
        ("CustomerRegistered", 0.15), ("ProfileUpdated", 0.45), ("AddressChanged", 0.2),
        ("ConsentChanged", 0.2),
    ]
    static let eventTypes = mix.map(\.0)
    static let editableFields = ["email", "phone", "givenName", "familyName", "locale"]

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let customer = context.customer()
        let type = context.random.weighted(mix)
        let consentKey = customer.id + ".consent"
        var consent = context.levels[consentKey].map { $0 == 1 } ?? customer.marketingConsent
        if type == "ConsentChanged" { consent.toggle() }
        context.levels[consentKey] = consent ? 1 : 0
        let changed = type == "ProfileUpdated"
            ? context.random.sample(editableFields, count: 1 + context.random.below(2)) : []

        let fields: EventFields = [
            "customerId": .string(customer.id),
            "email": .string(customer.email),
            "givenName": .string(customer.givenName),
            "familyName": .string(customer.familyName),
            "phone": .string(customer.phone),
            "locale": .string(customer.market.locale),
            "country": .string(customer.market.country),
            "city": .string(customer.city),
            "marketingConsent": .bool(consent),
            "changedFields": changed.isEmpty ? nil : .array(changed.map(JSONValue.string)),
        ]
        return SampleEvent(type: type, fields: fields, properties: [("personalData", .bool(true))])
    }
}

enum LoyaltyEvents: StreamEvents {
    static let eventTypes = ["PointsEarned", "PointsRedeemed", "PointsExpired", "TierChanged"]
    static let tiers: [(String, Double)] = [
        ("bronze", 0), ("silver", 1_000), ("gold", 5_000), ("summit", 15_000),
    ]

    static func tier(lifetime: Double) -> String {
        tiers.last { lifetime >= $0.1 }?.0 ?? "bronze"
    }

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let customer = context.customer()
        let lifetimeKey = customer.memberId + ".lifetime"
        let balanceKey = customer.memberId + ".balance"
        let lifetime = context.level(lifetimeKey) {
            $0.logNormal(median: 1_500, spread: 1).rounded()
        }
        let balance = context.level(balanceKey) { (lifetime * (0.1 + 0.5 * $0.unit())).rounded() }

        var type = context.random.weighted([
            ("PointsEarned", 0.76), ("PointsRedeemed", 0.2), ("PointsExpired", 0.04),
        ])
        var delta: Double
        switch type {
        case "PointsRedeemed" where balance >= 500:
            delta = -min(balance.rounded(.down), context.random.pick([500, 1_000, 2_000]))
        case "PointsExpired" where balance > 0:
            delta = -min(balance, Double(context.random.int(in: 50...300)))
        default:
            type = "PointsEarned"
            delta = max(1, context.random.logNormal(median: 90, spread: 0.7).rounded())
        }
        let newLifetime = lifetime + max(0, delta)
        let previousTier = tier(lifetime: lifetime)
        if tier(lifetime: newLifetime) != previousTier { type = "TierChanged" }
        context.levels[lifetimeKey] = newLifetime
        context.levels[balanceKey] = balance + delta

        let hasOrder = type != "PointsExpired"
        return SampleEvent(type: type, fields: [
            "memberId": .string(customer.memberId),
            "customerId": .string(customer.id),
            "pointsDelta": .int(Int(delta)),
            "balance": .int(Int(balance + delta)),
            "lifetimePoints": .int(Int(newLifetime)),
            "tier": .string(tier(lifetime: newLifetime)),
            "previousTier": type == "TierChanged" ? .string(previousTier) : nil,
            "orderId": hasOrder ? .string(context.code("ORD", length: 10)) : nil,
        ])
    }
}

enum TicketEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("TicketOpened", 1)],
        next: [
            "TicketOpened": [("TicketAssigned", 1)],
            "TicketAssigned": [
                ("AgentReplied", 0.5), ("CustomerReplied", 0.3), ("TicketResolved", 0.2),
            ],
            "AgentReplied": [("CustomerReplied", 0.5), ("TicketResolved", 0.5)],
            "CustomerReplied": [("AgentReplied", 0.8), ("TicketEscalated", 0.2)],
            "TicketEscalated": [("AgentReplied", 0.6), ("TicketResolved", 0.4)],
            "TicketResolved": [("TicketReopened", 0.06), (nil, 0.94)],
            "TicketReopened": [("AgentReplied", 1)],
        ],
        continuation: 0.55, capacity: 150)

    /// Each category with how often it comes up, whether it is about an order, and what
    /// customers write in the subject line.
    static let categories: [((String, Bool, [String]), Double)] = [
        (("order-status", true, [
            "Where is my order?", "Order still not shipped",
            "Tracking has not updated for three days",
        ]), 0.3),
        (("returns", true, [
            "How do I return a jacket that does not fit?", "Refund not received yet",
            "Return label missing from the parcel",
        ]), 0.2),
        (("product-question", false, [
            "Is this tent suitable for winter camping?", "Sizing advice for trail runners",
            "Spare parts for my stove",
        ]), 0.18),
        (("damaged-item", true, [
            "Tent pole arrived broken", "Zip torn on arrival", "Parcel arrived crushed",
        ]), 0.12),
        (("payment", true, ["Charged twice for one order", "Gift card balance not applied"]), 0.1),
        (("account", false, [
            "Cannot reset my password", "Please update my email address", "Delete my account",
        ]), 0.1),
    ]
    static let priorities = ["low", "normal", "high", "urgent"]
    /// Hours until the first answer is due, by priority.
    static let responseHours = [48, 24, 8, 2]

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        let (category, aboutOrder, subjects) = context.random.weighted(categories)
        let priority = context.random.weighted([(0, 0.2), (1, 0.55), (2, 0.2), (3, 0.05)])
        let channel = context.random.weighted([
            ("email", 0.4), ("chat", 0.35), ("phone", 0.15), ("web-form", 0.1),
        ])
        let hours = Int64(responseHours[priority]) * 3_600_000
        return [
            "ticketId": .string("TCK-" + zeroPadded(context.random.below(100_000_000), width: 8)),
            "customerId": .string(customer.id),
            "orderId": aboutOrder ? .string(context.code("ORD", length: 10)) : nil,
            "channel": .string(channel),
            "category": .string(category),
            "priority": .string(priorities[priority]),
            "subject": .string(context.random.pick(subjects)),
            "language": .string(String(customer.market.locale.prefix(2))),
            "firstResponseDueAt": context.timestamp(after: hours),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        switch event.type {
        case "TicketAssigned":
            event.fields["assignee"] = .string(context.agentId())
        case "TicketEscalated":
            let current = priorities.firstIndex(of: event.fields.string("priority") ?? "") ?? 1
            event.fields["priority"] = .string(priorities[min(current + 1, priorities.count - 1)])
            event.fields["assignee"] = .string(context.agentId())
        case "TicketResolved":
            let scores = [(5, 0.45), (4, 0.3), (3, 0.1), (2, 0.07), (1, 0.08)]
            let score = context.random.weighted(scores)
            event.fields["satisfactionScore"] = context.random.chance(0.6) ? .int(score) : nil
        case "TicketReopened":
            event.fields["satisfactionScore"] = nil
        default:
            break
        }
        event.properties = [("priority", .string(event.fields.string("priority") ?? "normal"))]
    }
}

enum NotificationEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("NotificationRequested", 1)],
        next: [
            "NotificationRequested": [("NotificationSent", 0.97), ("NotificationSuppressed", 0.03)],
            "NotificationSent": [("NotificationDelivered", 0.93), ("NotificationBounced", 0.07)],
            "NotificationDelivered": [("NotificationOpened", 0.35), (nil, 0.65)],
        ],
        continuation: 0.6, capacity: 400)

    /// Each template with how often it is sent, whether it is marketing, and the prefix of the
    /// identifier it refers to, if any.
    static let templates: [((String, Bool, String?), Double)] = [
        (("order-confirmation", false, "ORD"), 0.25), (("shipping-update", false, "SHP"), 0.22),
        (("delivery-today", false, "SHP"), 0.12), (("return-received", false, "RET"), 0.04),
        (("refund-issued", false, "RET"), 0.04), (("password-reset", false, nil), 0.03),
        (("back-in-stock", true, "PRD"), 0.08), (("price-drop", true, "PRD"), 0.07),
        (("weekly-picks", true, nil), 0.15),
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        let (template, isMarketing, related) = context.random.weighted(templates)
        let channel = template == "password-reset" ? "email"
            : context.random.weighted([("email", 0.55), ("push", 0.3), ("sms", 0.15)])
        let relatedId: String?
        switch related {
        case "PRD"?: relatedId = context.product().id
        case let prefix?: relatedId = context.code(prefix, length: 10)
        case nil: relatedId = nil
        }
        return [
            "notificationId": .string(context.code("NTF", length: 12)),
            "customerId": .string(customer.id),
            "channel": .string(channel),
            "template": .string(template),
            "category": .string(isMarketing ? "marketing" : "transactional"),
            "locale": .string(customer.market.locale),
            "relatedId": relatedId.map(JSONValue.string),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        switch event.type {
        case "NotificationSuppressed":
            let reasons = ["unsubscribed", "quiet-hours", "frequency-cap"]
            event.fields["suppressionReason"] = .string(context.random.pick(reasons))
        case "NotificationBounced":
            let kinds: [(String, Double)] = [("soft", 0.7), ("hard", 0.3)]
            event.fields["bounceType"] = .string(context.random.weighted(kinds))
        default:
            break
        }
        event.properties = [("category", .string(event.fields.string("category") ?? ""))]
    }
}
