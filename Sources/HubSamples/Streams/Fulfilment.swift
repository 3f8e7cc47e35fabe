import HubCore

// The goods streams: stock in the warehouses and parcels on their way to customers.

extension ValueStream {
    static let inventory = ValueStream(
        hub: "inventory", aliases: ["stock"],
        summary: "Stock movements per SKU and warehouse: picks, receipts, counts",
        partitionCount: 8, retentionDays: 3,
        consumerGroups: ["replenishment", "storefront-availability", "analytics"],
        keyField: "sku", source: "warehouse-management",
        eventsPerSecond: 120, events: InventoryEvents.self)

    static let shipping = ValueStream(
        hub: "shipping", aliases: ["shipments"],
        summary: "Parcels from label to doorstep, with carrier scans",
        partitionCount: 8, retentionDays: 7,
        consumerGroups: ["customer-notifications", "carrier-sync", "analytics"],
        keyField: "shipmentId", source: "shipping-service",
        eventsPerSecond: 60, events: ShipmentEvents.self)
}

enum InventoryEvents: StreamEvents {
    static let eventTypes = ["StockPicked", "StockReturned", "StockAdjusted", "StockReceived"]
    static let mix: [(String, Double)] = [
        ("StockPicked", 0.8), ("StockReturned", 0.06), ("StockAdjusted", 0.06),
        ("StockReceived", 0.08),
    ]

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let variant = context.variant()
        let warehouse = context.random.pick(Warehouses.all)
        let key = variant.sku + "@" + warehouse.id
        let onHand = Int(context.level(key) { 20 + Double($0.below(400)) })
        let reorderPoint = 10 + variant.product.number % 5 * 10

        var type = context.random.weighted(mix)
        var delta: Int
        switch type {
        case "StockPicked": delta = -(1 + context.random.skewedIndex(below: 4, skew: 3))
        case "StockReturned": delta = 1
        case "StockAdjusted": delta = context.random.pick([-3, -2, -1, 1, 2])
        default: delta = 24 * context.random.int(in: 1...8)
        }
        // A pick or count that would go below zero means the shelf ran dry: a delivery comes in.
        if onHand + delta < 0 {
            type = "StockReceived"
            delta = 24 * context.random.int(in: 4...12)
        }
        context.levels[key] = Double(onHand + delta)

        let number = variant.product.number
        let aisle = String(Array("ABCDEFGH")[number % 8])
        let bay = zeroPadded(number / 8 % 40 + 1, width: 2)
        let bin = aisle + "-" + bay + "-" + zeroPadded(variant.index + 1, width: 2)
        return SampleEvent(type: type, fields: [
            "sku": .string(variant.sku),
            "productId": .string(variant.product.id),
            "warehouseId": .string(warehouse.id),
            "binLocation": .string(bin),
            "quantityDelta": .int(delta),
            "quantityOnHand": .int(onHand + delta),
            "reorderPoint": .int(reorderPoint),
            "belowReorderPoint": .bool(onHand + delta < reorderPoint),
        ])
    }
}

enum ShipmentEvents: LifecycleEvents {
    static let lifecycle = Lifecycle(
        start: [("ShipmentCreated", 1)],
        next: [
            "ShipmentCreated": [("ParcelPickedUp", 1)],
            "ParcelPickedUp": [("InTransit", 1)],
            "InTransit": [
                ("InTransit", 0.3), ("OutForDelivery", 0.65), ("DeliveryException", 0.05),
            ],
            "OutForDelivery": [("Delivered", 0.93), ("DeliveryAttemptFailed", 0.07)],
            "DeliveryAttemptFailed": [("OutForDelivery", 0.8), ("ReturnedToSender", 0.2)],
            "DeliveryException": [("InTransit", 0.7), ("ReturnedToSender", 0.3)],
        ],
        continuation: 0.6, capacity: 300)

    static let serviceLevels: [((String, Int), Double)] = [
        (("standard", 4), 0.7), (("express", 2), 0.22), (("next-day", 1), 0.08),
    ]

    /// A tracking number in the carrier's own shape: `1Z` and 16 characters for UPS, 22 digits
    /// for USPS, and so on.
    static func trackingNumber(_ carrier: String, _ context: inout SampleContext) -> String {
        let digits = Array("0123456789")
        switch carrier {
        case "UPS": return "1Z" + context.characters(16, from: SampleContext.codeAlphabet)
        case "USPS": return "9400" + context.characters(18, from: digits)
        case "FedEx": return context.characters(12, from: digits)
        case "DHL": return context.characters(10, from: digits)
        case "Royal Mail": return "RM" + context.characters(9, from: digits) + "GB"
        case "PostNL": return "3S" + context.characters(13, from: SampleContext.codeAlphabet)
        case "Evri": return "H" + context.characters(15, from: SampleContext.codeAlphabet)
        default: return context.characters(14, from: digits)
        }
    }

    static func start(_ context: inout SampleContext) -> EventFields {
        let customer = context.customer()
        let warehouse = Warehouses.serving(customer.market, using: &context.random)
        let carrier = context.random.pick(warehouse.carriers)
        let (service, days) = context.random.weighted(serviceLevels)
        let abroad = customer.market.country != warehouse.country
        let weight = max(0.1, context.random.logNormal(median: 2.2, spread: 0.6))
        return [
            "shipmentId": .string(context.code("SHP", length: 10)),
            "orderId": .string(context.code("ORD", length: 10)),
            "warehouseId": .string(warehouse.id),
            "carrier": .string(carrier),
            "serviceLevel": .string(service),
            "trackingNumber": .string(trackingNumber(carrier, &context)),
            "destinationCountry": .string(customer.market.country),
            "destinationCity": .string(customer.city),
            "parcelCount": .int(1 + context.random.skewedIndex(below: 3, skew: 3)),
            "weightKg": Decimals.json(weight, places: 2),
            "estimatedDelivery": context.date(after: days + (abroad ? 2 : 0)),
        ]
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {
        let exceptions = ["address-issue", "weather-delay", "damaged-in-transit", "customs-hold"]
        let proofs = ["signature", "photo", "safe-place", "neighbour"]
        event.fields["exceptionCode"] = event.type == "DeliveryException"
            ? .string(context.random.pick(exceptions)) : nil
        event.fields["proofOfDelivery"] = event.type == "Delivered"
            ? .string(context.random.pick(proofs)) : nil
    }
}
