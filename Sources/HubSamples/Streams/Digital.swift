import HubCore

// The digital streams: what shoppers do on the web shop and in the app, what they search for,
// and the campaigns that bring them there.

extension ValueStream {
    static let clickstream = ValueStream(
        hub: "clickstream", aliases: ["clicks"],
        summary: "Page and product views, add-to-cart and checkout starts",
        partitionCount: 32, retentionDays: 1,
        consumerGroups: ["analytics", "recommendations", "realtime-dashboard"],
        keyField: "sessionId", source: "web-tracker",
        eventsPerSecond: 2000, events: ClickEvents.self)

    static let search = ValueStream(
        hub: "search", aliases: ["searches"],
        summary: "Site searches, refinements and result clicks",
        partitionCount: 16, retentionDays: 1,
        consumerGroups: ["search-relevance", "analytics"],
        keyField: "sessionId", source: "search-api",
        eventsPerSecond: 400, events: SearchEvents.self)

    static let marketingCampaigns = ValueStream(
        hub: "marketing-campaigns", aliases: ["campaigns", "marketing"],
        summary: "Campaign launches, budgets and running performance",
        partitionCount: 4, retentionDays: 3,
        consumerGroups: ["attribution", "analytics"],
        keyField: "campaignId", source: "campaign-manager",
        eventsPerSecond: 2, events: CampaignEvents.self)
}

enum ClickEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("SessionStarted", 1)],
        next: [
            "SessionStarted": [("PageViewed", 0.6), ("ProductViewed", 0.4)],
            "PageViewed": [("PageViewed", 0.35), ("ProductViewed", 0.4), (nil, 0.25)],
            "ProductViewed": [
                ("ProductViewed", 0.35), ("PageViewed", 0.3), ("AddedToCart", 0.15), (nil, 0.2),
            ],
            "AddedToCart": [("CheckoutStarted", 0.45), ("ProductViewed", 0.35), (nil, 0.2)],
        ],
        continuation: 0.85, capacity: 400)

    static let devices: [(String, Double)] = [("mobile", 0.58), ("desktop", 0.34), ("tablet", 0.08)]
    static let trafficSources: [(String, Double)] = [
        ("direct", 0.25), ("organic-search", 0.3), ("paid-search", 0.15), ("email", 0.1),
        ("social", 0.12), ("affiliate", 0.08),
    ]
    static let pages = [
        "/", "/stores", "/journal/layering-for-winter", "/journal/first-via-ferrata",
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let signedIn = context.random.chance(0.35)
        let customer = context.customer()
        return [
            "sessionId": .string(context.token("ses", length: 16)),
            "visitorId": .string(context.token("vis", length: 16)),
            "customerId": signedIn ? .string(customer.id) : nil,
            "device": .string(context.random.weighted(devices)),
            "trafficSource": .string(context.random.weighted(trafficSources)),
            "country": .string(customer.market.country),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        let page: String
        switch event.type {
        case "ProductViewed":
            let variant = context.variant()
            page = "/p/" + variant.product.id
            event.fields["sku"] = .string(variant.sku)
        case "AddedToCart":
            page = event.fields.string("page") ?? "/cart"
        case "CheckoutStarted":
            page = "/checkout"
        default:
            let category = "/c/" + context.product().category.name
            page = context.random.chance(0.6) ? category : context.random.pick(pages)
            event.fields["sku"] = nil
        }
        event.fields["page"] = .string(page)
        let loadTime = context.random.logNormal(median: 850, spread: 0.5)
        event.fields["pageLoadMs"] = .int(Int(loadTime.rounded()))
    }
}

enum SearchEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("SearchPerformed", 1)],
        next: [
            "SearchPerformed": [("SearchResultClicked", 0.45), ("SearchRefined", 0.2), (nil, 0.35)],
            "SearchRefined": [("SearchResultClicked", 0.55), (nil, 0.45)],
        ],
        continuation: 0.5, capacity: 300)

    static let queries = [
        "tent", "2 person tent", "down jacket", "rain jacket", "hiking boots",
        "trail running shoes", "headlamp", "sleeping bag -10", "water filter",
        "climbing harness", "gps watch", "camping stove", "kids fleece", "ultralight backpack",
    ]
    static let misspelled = ["hikng boots", "sleping bag", "headlmap", "rian jacket"]
    static let filters = [
        "in-stock", "size:M", "color:Moss", "price:<100", "brand:Kestrel Ridge", "rating:4+",
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let market = context.market()
        let signedIn = context.random.chance(0.3)
        let typo = context.random.chance(0.08)
        return [
            "searchId": .string(context.code("SRC", length: 12)),
            "sessionId": .string(context.token("ses", length: 16)),
            "customerId": signedIn ? .string(context.customer().id) : nil,
            "query": .string(context.random.pick(typo ? misspelled : queries)),
            "locale": .string(market.locale),
            "resultCount": .int(typo ? context.random.pick([0, 0, 0, 2]) : resultCount(&context)),
        ]
    }

    static func resultCount(_ context: inout SampleContext) -> Int {
        max(1, Int(context.random.logNormal(median: 90, spread: 0.8).rounded()))
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        // Nobody clicks an empty result page: they fix the query instead.
        if event.type == "SearchResultClicked", case .number("0")? = event.fields["resultCount"] {
            event.type = "SearchRefined"
        }
        switch event.type {
        case "SearchRefined":
            if case .number("0")? = event.fields["resultCount"] {
                event.fields["query"] = .string(context.random.pick(queries))
            }
            let chosen = context.random.sample(filters, count: 1 + context.random.below(2))
            event.fields["filters"] = .array(chosen.map(JSONValue.string))
            event.fields["resultCount"] = .int(max(1, resultCount(&context) / 3))
        case "SearchResultClicked":
            let shown = min(20, Int(event.fields.number("resultCount") ?? 1))
            let position = 1 + context.random.skewedIndex(below: shown, skew: 2.5)
            event.fields["clickedPosition"] = .int(position)
            event.fields["clickedSku"] = .string(context.variant().sku)
        default:
            break
        }
        let latency = context.random.logNormal(median: 45, spread: 0.5)
        event.fields["latencyMs"] = .int(Int(latency.rounded()))
    }
}

enum CampaignEvents: StreamEvents {
    static let eventTypes = ["CampaignLaunched", "CampaignMetricsReported", "CampaignBudgetChanged"]
    static let campaignCount = 24
    /// The running totals a campaign keeps; spend and revenue in minor units.
    static let totalNames = ["impressions", "clicks", "conversions", "spend", "revenue"]
    static let themes = [
        "Winter Layers", "First Snow", "Basecamp Friday", "Trail Running Season", "Spring Hikes",
        "Summer Summits", "Back to the Crag", "Gift Guide",
    ]
    /// Each channel with its usual click-through rate and cost per click in US dollars.
    static let channels: [(String, Double, Double)] = [
        ("email", 0.035, 0.02), ("paid-search", 0.04, 0.9), ("social", 0.012, 0.6),
        ("display", 0.004, 0.3), ("affiliate", 0.015, 0.4),
    ]

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let number = 1 + context.random.below(campaignCount)
        var traits = SampleRandom(seed: UInt64(number) &+ 0xCA_0000)
        let market = traits.weighted(Markets.weighted)
        let (channel, clickRate, costPerClick) = traits.pick(channels)
        let name = traits.pick(themes) + " " + market.country
        let campaignId = "CMP-" + context.year + "-" + zeroPadded(number, width: 3)
        func key(_ name: String) -> String { campaignId + "." + name }

        // Most campaigns were already running when the generator started; the rest launch now.
        let launchesNow = traits.chance(0.25)
        let budgetUsd = 5_000 * Double(traits.int(in: 1...10))
        let runningShare = launchesNow ? 0 : 0.1 + 0.6 * traits.unit()
        var budget = context.level(key("budget")) { _ in Double(market.minorUnits(usd: budgetUsd)) }
        let plannedImpressions = min(budgetUsd / (clickRate * costPerClick), 3_000_000)
        let impressionsBefore = (plannedImpressions * runningShare).rounded()
        let clicksBefore = (impressionsBefore * clickRate).rounded()
        let conversionsBefore = (clicksBefore * 0.03).rounded()
        let before = [
            impressionsBefore, clicksBefore, conversionsBefore,
            Double(market.minorUnits(usd: clicksBefore * costPerClick)),
            Double(market.minorUnits(usd: conversionsBefore * 140)),
        ]
        var totals = zip(totalNames, before).map { context.levels[key($0), default: $1] }

        let type: String
        if launchesNow && context.levels[key("launched")] == nil {
            type = "CampaignLaunched"
            context.levels[key("launched")] = 1
        } else if totals[3] > 0.9 * budget || context.random.chance(0.05) {
            type = "CampaignBudgetChanged"
            budget = (budget * (1.1 + 0.4 * context.random.unit())).rounded()
        } else {
            type = "CampaignMetricsReported"
            let impressions = context.random.logNormal(median: 4_000, spread: 0.6).rounded()
            let clickShare = clickRate * context.random.logNormal(median: 1, spread: 0.2)
            let clicks = (impressions * clickShare).rounded()
            let conversionShare = 0.03 * context.random.logNormal(median: 1, spread: 0.3)
            let conversions = (clicks * conversionShare).rounded()
            let basket = context.random.logNormal(median: 140, spread: 0.5)
            totals[0] += impressions
            totals[1] += clicks
            totals[2] += conversions
            totals[3] += Double(market.minorUnits(usd: clicks * costPerClick))
            totals[4] += Double(market.minorUnits(usd: conversions * basket))
        }
        for (name, total) in zip(totalNames, totals) {
            context.levels[key(name)] = total
        }
        context.levels[key("budget")] = budget

        return SampleEvent(type: type, fields: [
            "campaignId": .string(campaignId),
            "name": .string(name),
            "channel": .string(channel),
            "country": .string(market.country),
            "currency": .string(market.currency),
            "budget": Decimals.money(cents: Int64(budget)),
            "spendToDate": Decimals.money(cents: Int64(totals[3])),
            "impressions": .int(Int(totals[0])),
            "clicks": .int(Int(totals[1])),
            "conversions": .int(Int(totals[2])),
            "attributedRevenue": Decimals.money(cents: Int64(totals[4])),
        ])
    }
}
