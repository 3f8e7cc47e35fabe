/// A distribution centre: where stock sits, where parcels leave from, where the vans are based.
struct Warehouse: Sendable {
    let id: String
    let city: String
    let country: String
    let latitude: Double
    let longitude: Double
    /// The carriers that collect here.
    let carriers: [String]
}

enum Warehouses {
    static let all: [Warehouse] = [
        Warehouse(
            id: "WH-RNO1", city: "Reno", country: "US", latitude: 39.5296, longitude: -119.8138,
            carriers: ["UPS", "FedEx", "USPS"]),
        Warehouse(
            id: "WH-CMH1", city: "Columbus", country: "US", latitude: 39.9612, longitude: -82.9988,
            carriers: ["UPS", "FedEx", "USPS"]),
        Warehouse(
            id: "WH-MAN1", city: "Manchester", country: "GB", latitude: 53.4808,
            longitude: -2.2426, carriers: ["Royal Mail", "DPD", "Evri"]),
        Warehouse(
            id: "WH-RTM1", city: "Rotterdam", country: "NL", latitude: 51.9244, longitude: 4.4777,
            carriers: ["DHL", "DPD", "PostNL"]),
    ]

    /// The warehouse that ships to `market`; North America and Oceania share the US ones.
    static func serving(_ market: Market, using random: inout SampleRandom) -> Warehouse {
        switch market.region {
        case .northAmerica, .oceania: return random.pick([all[0], all[1]])
        case .britain: return all[2]
        case .europe: return all[3]
        }
    }
}
