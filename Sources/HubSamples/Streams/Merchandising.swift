import HubCore

// The merchandising streams: what the company sells, at what price, what customers think of
// it, and what the recommender puts in front of them.

extension ValueStream {
    static let pricing = ValueStream(
        hub: "pricing", aliases: ["prices"],
        summary: "Price changes and promotions per SKU and market",
        partitionCount: 4, retentionDays: 3,
        consumerGroups: ["storefront", "competitor-watch", "analytics"],
        keyField: "sku", source: "pricing-engine",
        eventsPerSecond: 5, events: PriceEvents.self)

    static let catalog = ValueStream(
        hub: "catalog", aliases: ["products"],
        summary: "Products and variants created, updated and discontinued",
        partitionCount: 4, retentionDays: 7,
        consumerGroups: ["search-indexer", "storefront"],
        keyField: "productId", source: "product-information", schemaVersion: 2,
        eventsPerSecond: 1, events: CatalogEvents.self)

    static let reviews = ValueStream(
        hub: "reviews", aliases: ["review"],
        summary: "Product reviews and their moderation",
        partitionCount: 4, retentionDays: 3,
        consumerGroups: ["moderation", "search-indexer", "analytics"],
        keyField: "productId", source: "reviews-service",
        eventsPerSecond: 2, events: ReviewEvents.self)

    static let recommendations = ValueStream(
        hub: "recommendations", aliases: ["recs"],
        summary: "Recommendations served to shoppers, and what they clicked",
        partitionCount: 16, retentionDays: 1,
        consumerGroups: ["experimentation", "analytics"],
        keyField: "customerId", source: "recommender",
        eventsPerSecond: 600, events: RecommendationEvents.self)
}

enum PriceEvents: StreamEvents {
    static let eventTypes = ["PriceChanged", "PromotionStarted", "PromotionEnded"]
    static let changeReasons = ["competitor-match", "cost-change", "seasonal", "clearance"]
    static let priceLists: [(String, Double)] = [
        ("retail", 0.8), ("member", 0.15), ("outlet", 0.05),
    ]

    /// `cents` rounded up to a whole unit, less one cent: `129.99`.
    static func shelfPrice(_ cents: Double) -> Int64 {
        max(99, Int64((cents / 100).rounded(.up)) * 100 - 1)
    }

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let variant = context.variant()
        let market = context.market()
        let priceList = context.random.weighted(priceLists)
        let listPrice = market.shelfPrice(usd: variant.product.listPrice)
        let key = variant.sku + "@" + market.country + "/" + priceList
        let previous = Int64(context.level(key) { _ in Double(listPrice) })
        // The number of the promotion running on this price, if one is.
        let running = context.levels[key + ".promotion"]

        let type = running != nil ? "PromotionEnded"
            : context.random.weighted([("PriceChanged", 0.75), ("PromotionStarted", 0.25)])
        let price: Int64
        let reason: String
        var discount: Int?
        var promotion = running
        switch type {
        case "PromotionStarted":
            let percent = context.random.pick([10, 15, 20, 25, 30, 40])
            let number = context.levels[key + ".promotions", default: 0] + 1
            context.levels[key + ".promotions"] = number
            context.levels[key + ".promotion"] = number
            context.levels[key + ".regular"] = Double(previous)
            price = shelfPrice(Double(previous) * Double(100 - percent) / 100 - 100)
            reason = "promotion"
            discount = percent
            promotion = number
        case "PromotionEnded":
            price = Int64(context.levels[key + ".regular"] ?? Double(listPrice))
            context.levels[key + ".promotion"] = nil
            reason = "promotion-ended"
        default:
            price = shelfPrice(Double(previous) * context.random.logNormal(median: 1, spread: 0.06))
            reason = context.random.pick(changeReasons)
        }
        context.levels[key] = Double(price)

        let change = Double(price - previous) / Double(previous) * 100
        let promotionId = promotion.map { number in
            var digits = SampleRandom(seed: stableHash(key) &+ UInt64(number))
            return "PRM-" + String((0..<6).map { _ in digits.pick(SampleContext.codeAlphabet) })
        }
        return SampleEvent(type: type, fields: [
            "sku": .string(variant.sku),
            "productId": .string(variant.product.id),
            "country": .string(market.country),
            "currency": .string(market.currency),
            "priceList": .string(priceList),
            "previousPrice": Decimals.money(cents: previous),
            "newPrice": Decimals.money(cents: price),
            "changePercent": Decimals.json(change, places: 2),
            "reason": .string(reason),
            "effectiveFrom": context.timestamp(after: Int64(context.random.below(48)) * 3_600_000),
            "promotionId": promotionId.map(JSONValue.string),
            "discountPercent": discount.map { .int($0) },
        ])
    }
}

enum CatalogEvents: StreamEvents {
    static let mix: [(String, Double)] = [
        ("ProductUpdated", 0.6), ("ProductCreated", 0.15), ("VariantAdded", 0.15),
        ("ProductDiscontinued", 0.1),
    ]
    static let eventTypes = mix.map(\.0)
    static let editableFields = ["title", "description", "images", "listPrice", "attributes"]

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let product = Product(number: 1 + context.random.below(Product.count))
        let type = context.random.weighted(mix)
        let variants: [JSONValue] = product.variants.map { variant in
            .object([
                ("sku", .string(variant.sku)), ("size", .string(variant.size)),
                ("color", .string(variant.color)),
            ])
        }
        let changed = type == "ProductUpdated"
            ? context.random.sample(editableFields, count: 1 + context.random.below(3)) : []
        return SampleEvent(type: type, fields: [
            "productId": .string(product.id),
            "title": .string(product.title),
            "brand": .string(product.brand),
            "category": .string(product.category.name),
            "listPrice": Decimals.json(product.listPrice, places: 2),
            "currency": .string("USD"),
            "status": .string(type == "ProductDiscontinued" ? "discontinued" : "active"),
            "variants": .array(variants),
            "addedSku": type == "VariantAdded" ? .string(product.variants.last?.sku ?? "") : nil,
            "changedFields": changed.isEmpty ? nil : .array(changed.map(JSONValue.string)),
        ])
    }
}

enum ReviewEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("ReviewSubmitted", 1)],
        next: ["ReviewSubmitted": [("ReviewPublished", 0.88), ("ReviewRejected", 0.12)]],
        continuation: 0.4, capacity: 100)

    static let ratings: [(Int, Double)] = [(5, 0.53), (4, 0.26), (3, 0.1), (2, 0.05), (1, 0.06)]
    /// Titles and sentences by how the reviewer felt; `NOUN` stands for the product's kind.
    static let praise = (
        [
            "Exactly what I needed", "Worth every penny", "Great on the trail",
            "Really happy with it",
        ],
        [
            "The NOUN held up well on a three-day trip.", "Light, well made and as described.",
            "Fits true to size and kept me dry in heavy rain.",
            "My second NOUN from this brand and still impressed.",
        ])
    static let doubt = (
        ["Good, with a few quirks", "Decent for the price", "Does the job"],
        [
            "Decent NOUN, but the stuff sack is too small.",
            "Good value, though the colour is darker than the photos.",
            "Heavier than I expected for a NOUN.",
        ])
    static let complaint = (
        ["Fell apart quickly", "Not as described", "Disappointed"],
        [
            "The NOUN failed after two weekends.", "Seams leaked on the first night.",
            "Sent it back: sizing runs very small.",
        ])

    static func start(_ context: inout SampleContext) -> EventFields {
        let variant = context.variant()
        let rating = context.random.weighted(ratings)
        let (titles, sentences) = rating >= 4 ? praise : rating == 3 ? doubt : complaint
        let noun = variant.product.noun.lowercased()
        let text = context.random.sample(sentences, count: 1 + context.random.below(2))
            .joined(separator: " ").replacingNoun(with: noun)
        return [
            "reviewId": .string(context.code("REV", length: 10)),
            "productId": .string(variant.product.id),
            "sku": .string(variant.sku),
            "customerId": .string(context.customer().id),
            "rating": .int(rating),
            "title": .string(context.random.pick(titles)),
            "text": .string(text),
            "verifiedPurchase": .bool(context.random.chance(0.8)),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        if event.type == "ReviewRejected" {
            let reasons = ["profanity", "off-topic", "personal-data", "spam"]
            event.fields["rejectionReason"] = .string(context.random.pick(reasons))
        }
    }
}

extension String {
    /// The text with each `NOUN` replaced by `noun`.
    fileprivate func replacingNoun(with noun: String) -> String {
        split(separator: "NOUN", omittingEmptySubsequences: false).joined(separator: noun)
    }
}

enum RecommendationEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("RecommendationsServed", 1)],
        next: [
            "RecommendationsServed": [("RecommendationClicked", 0.12), (nil, 0.88)],
            "RecommendationClicked": [("RecommendedItemPurchased", 0.25), (nil, 0.75)],
        ],
        continuation: 0.3, capacity: 300)

    static let placements: [(String, Double)] = [
        ("home-hero", 0.3), ("product-page", 0.4), ("cart", 0.2), ("email", 0.1),
    ]
    static let models: [(String, Double)] = [
        ("two-tower-v3", 0.6), ("als-2026.10", 0.3), ("popularity-baseline", 0.1),
    ]
    static let variants: [(String, Double)] = [
        ("control", 0.5), ("treatment-a", 0.25), ("treatment-b", 0.25),
    ]

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        var score = 0.9 + 0.09 * context.random.unit()
        var items: [JSONValue] = []
        for rank in 1...context.random.pick([4, 6, 8, 12]) {
            items.append(.object([
                ("sku", .string(context.variant().sku)), ("rank", .int(rank)),
                ("score", Decimals.json(score, places: 4)),
            ]))
            score *= 0.8 + 0.18 * context.random.unit()
        }
        return [
            "requestId": .string(context.code("REQ", length: 12)),
            "customerId": .string(customer.id),
            "placement": .string(context.random.weighted(placements)),
            "model": .string(context.random.weighted(models)),
            "experimentVariant": .string(context.random.weighted(variants)),
            "items": .array(items),
            "latencyMs": .int(Int(context.random.logNormal(median: 28, spread: 0.4).rounded())),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        switch event.type {
        case "RecommendationClicked":
            guard case .array(let items)? = event.fields["items"], !items.isEmpty else { return }
            let rank = 1 + context.random.skewedIndex(below: items.count, skew: 2)
            event.fields["clickedRank"] = .int(rank)
            event.fields["clickedSku"] = items[rank - 1]["sku"]
        case "RecommendedItemPurchased":
            event.fields["orderId"] = .string(context.code("ORD", length: 10))
        default:
            break
        }
    }
}
