import HubCore

// The money streams: orders, their payments, returns, invoices to business accounts, and the
// fraud engine's alerts about all of them.

extension ValueStream {
    static let orders = ValueStream(
        hub: "orders", aliases: ["order"],
        summary: "Orders from the web shop, the app, stores and marketplaces",
        partitionCount: 8, retentionDays: 7,
        consumerGroups: ["fulfilment", "analytics", "fraud-scoring"],
        keyField: "orderId", source: "order-service", schemaVersion: 2,
        eventsPerSecond: 40, events: OrderEvents.self)

    static let payments = ValueStream(
        hub: "payments", aliases: ["payment"],
        summary: "Card and wallet payments: authorised, captured, refunded",
        partitionCount: 4, retentionDays: 7,
        consumerGroups: ["ledger", "fraud-scoring", "reconciliation"],
        keyField: "paymentId", source: "payment-gateway",
        eventsPerSecond: 45, events: PaymentEvents.self)

    static let returns = ValueStream(
        hub: "returns", aliases: ["return"],
        summary: "Return requests, their approval, receipt and refund",
        partitionCount: 4, retentionDays: 7,
        consumerGroups: ["refunds", "warehouse-intake", "analytics"],
        keyField: "returnId", source: "returns-portal",
        eventsPerSecond: 4, events: ReturnEvents.self)

    static let invoicing = ValueStream(
        hub: "invoicing", aliases: ["invoices"],
        summary: "Invoices to clubs, schools and guides on account terms",
        partitionCount: 2, retentionDays: 7,
        consumerGroups: ["accounts-receivable", "tax-reporting", "archive"],
        keyField: "invoiceId", source: "billing-service",
        eventsPerSecond: 0.2, events: InvoiceEvents.self)

    static let fraudAlerts = ValueStream(
        hub: "fraud-alerts", aliases: ["fraud"],
        summary: "Risky orders and payments flagged by the fraud engine",
        partitionCount: 4, retentionDays: 7,
        consumerGroups: ["case-management", "payments-hold", "analytics"],
        keyField: "customerId", source: "fraud-engine",
        eventsPerSecond: 0.5, events: FraudAlertEvents.self)
}

enum OrderEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("OrderPlaced", 1)],
        next: [
            "OrderPlaced": [("OrderConfirmed", 0.9), ("OrderCancelled", 0.1)],
            "OrderConfirmed": [("OrderFulfilled", 0.96), ("OrderCancelled", 0.04)],
        ],
        continuation: 0.4, capacity: 200)

    static let channels: [(String, Double)] = [
        ("web", 0.52), ("mobile-app", 0.3), ("store", 0.12), ("marketplace", 0.06),
    ]
    static let cancellationReasons: [(String, Double)] = [
        ("customer-request", 0.55), ("payment-failed", 0.2), ("out-of-stock", 0.15),
        ("suspected-fraud", 0.1),
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        let market = customer.market
        let channel = context.random.weighted(channels)
        var lines: [JSONValue] = []
        var subtotal: Int64 = 0
        for _ in 0...context.random.skewedIndex(below: 5, skew: 2.5) {
            let variant = context.variant()
            let quantity = 1 + context.random.skewedIndex(below: 4, skew: 3)
            let unitPrice = market.shelfPrice(usd: variant.product.listPrice)
            subtotal += unitPrice * Int64(quantity)
            lines.append(.object([
                ("sku", .string(variant.sku)), ("quantity", .int(quantity)),
                ("unitPrice", Decimals.money(cents: unitPrice)),
            ]))
        }
        let freeShipping = channel == "store" || subtotal >= market.minorUnits(usd: 75)
        let shippingFee = freeShipping ? 0 : market.shelfPrice(usd: 6)
        let store = "STR-" + zeroPadded(1 + context.random.below(64), width: 3)
        return [
            "orderId": .string(context.code("ORD", length: 10)),
            "customerId": .string(customer.id),
            "channel": .string(channel),
            "storeId": channel == "store" ? .string(store) : nil,
            "country": .string(market.country),
            "currency": .string(market.currency),
            "warehouseId": .string(Warehouses.serving(market, using: &context.random).id),
            "lines": .array(lines),
            "subtotal": Decimals.money(cents: subtotal),
            "shippingFee": Decimals.money(cents: shippingFee),
            "total": Decimals.money(cents: subtotal + shippingFee),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        if event.type == "OrderCancelled" {
            let reason = context.random.weighted(cancellationReasons)
            event.fields["cancellationReason"] = .string(reason)
        }
    }
}

enum PaymentEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("PaymentAuthorized", 0.94), ("PaymentDeclined", 0.06)],
        next: [
            "PaymentAuthorized": [("PaymentCaptured", 0.96), ("AuthorizationVoided", 0.04)],
            "PaymentCaptured": [("PaymentRefunded", 0.07), (nil, 0.93)],
        ],
        continuation: 0.45, capacity: 200)

    static let methods: [(String, Double)] = [
        ("card", 0.55), ("paypal", 0.15), ("apple-pay", 0.12), ("google-pay", 0.08),
        ("klarna", 0.06), ("gift-card", 0.04),
    ]
    static let cardBrands: [(String, Double)] = [
        ("visa", 0.52), ("mastercard", 0.36), ("amex", 0.12),
    ]
    static let declineCodes: [(String, Double)] = [
        ("insufficient-funds", 0.4), ("do-not-honor", 0.25), ("expired-card", 0.12),
        ("incorrect-cvc", 0.13), ("suspected-fraud", 0.1),
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        let method = context.random.weighted(methods)
        let usd = context.random.logNormal(median: 85, spread: 0.8)
        let isCard = method == "card"
        return [
            "paymentId": .string(context.code("PAY", length: 12)),
            "orderId": .string(context.code("ORD", length: 10)),
            "customerId": .string(customer.id),
            "method": .string(method),
            "cardBrand": isCard ? .string(context.random.weighted(cardBrands)) : nil,
            "cardLast4": isCard ? .string(context.characters(4, from: Array("0123456789"))) : nil,
            "amount": Decimals.money(cents: max(100, customer.market.minorUnits(usd: usd))),
            "currency": .string(customer.market.currency),
            "pspReference": .string(context.token("psp", length: 16)),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        switch event.type {
        case "PaymentDeclined":
            event.fields["declineCode"] = .string(context.random.weighted(declineCodes))
        case "PaymentRefunded":
            let amount = event.fields.number("amount") ?? 0
            let share = context.random.chance(0.65) ? 1 : 0.2 + 0.6 * context.random.unit()
            event.fields["refundAmount"] = Decimals.json(amount * share, places: 2)
        default:
            break
        }
    }
}

enum ReturnEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("ReturnRequested", 1)],
        next: [
            "ReturnRequested": [("ReturnApproved", 0.9), ("ReturnRejected", 0.1)],
            "ReturnApproved": [("ItemsReceived", 0.95), (nil, 0.05)],
            "ItemsReceived": [("RefundIssued", 1)],
        ],
        continuation: 0.5, capacity: 150)

    static let reasons: [(String, Double)] = [
        ("wrong-size", 0.34), ("changed-mind", 0.2), ("not-as-described", 0.14),
        ("damaged", 0.12), ("better-price-found", 0.12), ("arrived-late", 0.08),
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        var items: [JSONValue] = []
        var refund: Int64 = 0
        for _ in 0...context.random.skewedIndex(below: 3, skew: 3) {
            let variant = context.variant()
            refund += customer.market.shelfPrice(usd: variant.product.listPrice)
            items.append(.object([("sku", .string(variant.sku)), ("quantity", .int(1))]))
        }
        return [
            "returnId": .string(context.code("RET", length: 10)),
            "orderId": .string(context.code("ORD", length: 10)),
            "customerId": .string(customer.id),
            "reason": .string(context.random.weighted(reasons)),
            "items": .array(items),
            "refundAmount": Decimals.money(cents: refund),
            "currency": .string(customer.market.currency),
            "country": .string(customer.market.country),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        let choices: [(String, Double)]
        switch event.type {
        case "ReturnRejected":
            choices = [("outside-return-window", 0.6), ("item-used", 0.3), ("missing-items", 0.1)]
            event.fields["rejectionReason"] = .string(context.random.weighted(choices))
        case "ItemsReceived":
            choices = [("resellable", 0.7), ("refurbish", 0.2), ("scrap", 0.1)]
            event.fields["condition"] = .string(context.random.weighted(choices))
        case "RefundIssued":
            choices = [("original-payment", 0.85), ("store-credit", 0.15)]
            event.fields["refundMethod"] = .string(context.random.weighted(choices))
        default:
            break
        }
    }
}

enum InvoiceEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("InvoiceIssued", 1)],
        next: [
            "InvoiceIssued": [
                ("InvoicePaid", 0.78), ("InvoiceOverdue", 0.17), ("InvoiceVoided", 0.05),
            ],
            "InvoiceOverdue": [("PaymentReminderSent", 0.6), ("InvoicePaid", 0.4)],
            "PaymentReminderSent": [("InvoicePaid", 0.85), ("InvoiceWrittenOff", 0.15)],
        ],
        continuation: 0.5, capacity: 100)

    static let accountCount = 800
    /// Places the account holders are named after, with the country each is in.
    static let places = [
        ("Sierra Foothills", "US"), ("Cascade", "US"), ("Pinecrest", "US"), ("Juniper Flats", "US"),
        ("Eagle Lake", "CA"), ("Peak District", "GB"), ("Lakeland", "GB"), ("Wicklow", "IE"),
        ("Black Forest", "DE"), ("Allgäu", "DE"), ("Vercors", "FR"), ("Veluwe", "NL"),
        ("Dolomiti", "IT"), ("Picos", "ES"), ("Jämtland", "SE"), ("Blue Mountains", "AU"),
        ("Tasman Bay", "NZ"),
    ]
    static let kinds = [
        "Scout Group", "Climbing Club", "Outdoor School", "Mountain Rescue", "Adventure Tours",
        "Ski School", "Rangers", "Hiking Club",
    ]
    static let terms: [((String, Int), Double)] = [
        (("net-30", 30), 0.6), (("net-15", 15), 0.2), (("net-60", 60), 0.2),
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let account = 1 + context.random.skewedIndex(below: accountCount, skew: 1.5)
        var traits = SampleRandom(seed: UInt64(account) &+ 0xACC0_0000)
        let (place, country) = traits.pick(places)
        let name = place + " " + traits.pick(kinds)
        let market = Markets.all.first { $0.country == country } ?? Markets.all[0]
        let (terms, days) = context.random.weighted(terms)
        let net = market.minorUnits(usd: context.random.logNormal(median: 2400, spread: 0.9))
        let tax = Int64((Double(net) * market.taxRate).rounded())
        let number = zeroPadded(context.random.below(1_000_000), width: 6)
        return [
            "invoiceId": .string("INV-" + context.year + "-" + number),
            "accountId": .string("ACC-" + zeroPadded(account, width: 5)),
            "accountName": .string(name),
            "country": .string(market.country),
            "currency": .string(market.currency),
            "issueDate": context.date(after: 0),
            "dueDate": context.date(after: days),
            "paymentTerms": .string(terms),
            "netAmount": Decimals.money(cents: net),
            "taxRate": Decimals.json(market.taxRate, places: 4),
            "taxAmount": Decimals.money(cents: tax),
            "grossAmount": Decimals.money(cents: net + tax),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        switch event.type {
        case "InvoicePaid":
            event.fields["amountPaid"] = event.fields["grossAmount"]
            event.fields["paymentReference"] = .string(context.code("BTR", length: 12))
        case "InvoiceOverdue":
            event.fields["daysOverdue"] = .int(1 + context.random.below(30))
        case "InvoiceVoided":
            let reasons = ["duplicate", "order-cancelled", "pricing-error"]
            event.fields["voidReason"] = .string(context.random.pick(reasons))
        default:
            break
        }
    }
}

enum FraudAlertEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("FraudAlertRaised", 1)],
        next: [
            "FraudAlertRaised": [
                ("FraudAlertEscalated", 0.2), ("FraudAlertResolved", 0.7), (nil, 0.1),
            ],
            "FraudAlertEscalated": [("FraudAlertResolved", 1)],
        ],
        continuation: 0.45, capacity: 100)

    static let rules = [
        "velocity-card-10m", "ip-country-mismatch", "new-device-high-value",
        "card-country-mismatch", "repeated-cvc-failures", "reshipper-address",
        "account-takeover-pattern", "gift-card-burst",
    ]

    /// Severity by risk score, with what the engine recommends at that severity.
    static func severity(_ score: Double) -> (String, String) {
        switch score {
        case ..<0.7: return ("low", "review")
        case ..<0.85: return ("medium", "review")
        case ..<0.95: return ("high", "hold")
        default: return ("critical", "block")
        }
    }

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        let score = 0.5 + 0.499 * context.random.unit().squareRoot()
        let (severity, action) = severity(score)
        let ipCountry = context.random.chance(0.6) ? customer.market : context.market()
        let usd = context.random.logNormal(median: 240, spread: 0.9)
        let rules = context.random.sample(rules, count: 1 + context.random.below(3))
        let hasPayment = context.random.chance(0.8)
        return [
            "alertId": .string(context.code("ALR", length: 10)),
            "customerId": .string(customer.id),
            "orderId": .string(context.code("ORD", length: 10)),
            "paymentId": hasPayment ? .string(context.code("PAY", length: 12)) : nil,
            "riskScore": Decimals.json(score, places: 3),
            "severity": .string(severity),
            "recommendedAction": .string(action),
            "rules": .array(rules.map(JSONValue.string)),
            "amount": Decimals.money(cents: customer.market.minorUnits(usd: usd)),
            "currency": .string(customer.market.currency),
            "billingCountry": .string(customer.market.country),
            "ipCountry": .string(ipCountry.country),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        switch event.type {
        case "FraudAlertEscalated":
            event.fields["analystId"] = .string(context.agentId())
        case "FraudAlertResolved":
            let outcomes: [(String, Double)] = [("false-positive", 0.7), ("confirmed-fraud", 0.3)]
            event.fields["resolution"] = .string(context.random.weighted(outcomes))
            if event.fields["analystId"] == nil {
                event.fields["analystId"] = .string(context.agentId())
            }
        default:
            break
        }
        event.properties = [("severity", .string(event.fields.string("severity") ?? "low"))]
    }
}
