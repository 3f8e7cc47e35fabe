/// A country the company sells in, with what its events need: currency, language, phone
/// prefix, tax and a few cities.
struct Market: Sendable {
    enum Region: Sendable { case northAmerica, britain, europe, oceania }

    /// ISO 3166-1 alpha-2.
    let country: String
    /// ISO 4217.
    let currency: String
    /// BCP 47.
    let locale: String
    let dialCode: String
    let region: Region
    /// Local currency for one US dollar; close enough for sample prices.
    let usdRate: Double
    /// VAT, or a typical sales tax where there is no VAT.
    let taxRate: Double
    /// The market's share of customers.
    let share: Double
    let cities: [String]

    /// A US dollar list price as a shelf price in this market, in minor units: converted,
    /// rounded up to a whole unit and a cent under it, so `129.99`.
    func shelfPrice(usd: Double) -> Int64 {
        let local = max(1, (usd * usdRate).rounded(.up))
        return Int64(local) * 100 - 1
    }

    /// An amount in US dollars in this market's currency, in minor units.
    func minorUnits(usd: Double) -> Int64 {
        Int64((usd * usdRate * 100).rounded())
    }
}

enum Markets {
    static let all: [Market] = [
        Market(
            country: "US", currency: "USD", locale: "en-US", dialCode: "1", region: .northAmerica,
            usdRate: 1.0, taxRate: 0.0725, share: 0.36,
            cities: ["Denver", "Seattle", "Portland", "Boulder", "Salt Lake City", "Minneapolis"]),
        Market(
            country: "CA", currency: "CAD", locale: "en-CA", dialCode: "1", region: .northAmerica,
            usdRate: 1.37, taxRate: 0.13, share: 0.07, cities: ["Vancouver", "Calgary", "Toronto"]),
        Market(
            country: "GB", currency: "GBP", locale: "en-GB", dialCode: "44", region: .britain,
            usdRate: 0.79, taxRate: 0.20, share: 0.12,
            cities: ["Manchester", "Leeds", "Bristol", "Edinburgh"]),
        Market(
            country: "IE", currency: "EUR", locale: "en-IE", dialCode: "353", region: .britain,
            usdRate: 0.92, taxRate: 0.23, share: 0.02, cities: ["Dublin", "Galway", "Cork"]),
        Market(
            country: "DE", currency: "EUR", locale: "de-DE", dialCode: "49", region: .europe,
            usdRate: 0.92, taxRate: 0.19, share: 0.12,
            cities: ["München", "Hamburg", "Freiburg", "Berlin"]),
        Market(
            country: "FR", currency: "EUR", locale: "fr-FR", dialCode: "33", region: .europe,
            usdRate: 0.92, taxRate: 0.20, share: 0.07, cities: ["Lyon", "Grenoble", "Annecy"]),
        Market(
            country: "NL", currency: "EUR", locale: "nl-NL", dialCode: "31", region: .europe,
            usdRate: 0.92, taxRate: 0.21, share: 0.05, cities: ["Utrecht", "Amsterdam"]),
        Market(
            country: "ES", currency: "EUR", locale: "es-ES", dialCode: "34", region: .europe,
            usdRate: 0.92, taxRate: 0.21, share: 0.04, cities: ["Madrid", "Barcelona"]),
        Market(
            country: "IT", currency: "EUR", locale: "it-IT", dialCode: "39", region: .europe,
            usdRate: 0.92, taxRate: 0.22, share: 0.03, cities: ["Torino", "Milano", "Bolzano"]),
        Market(
            country: "SE", currency: "SEK", locale: "sv-SE", dialCode: "46", region: .europe,
            usdRate: 10.6, taxRate: 0.25, share: 0.03, cities: ["Stockholm", "Göteborg", "Åre"]),
        Market(
            country: "AU", currency: "AUD", locale: "en-AU", dialCode: "61", region: .oceania,
            usdRate: 1.53, taxRate: 0.10, share: 0.06, cities: ["Sydney", "Melbourne", "Hobart"]),
        Market(
            country: "NZ", currency: "NZD", locale: "en-NZ", dialCode: "64", region: .oceania,
            usdRate: 1.66, taxRate: 0.15, share: 0.03, cities: ["Wellington", "Queenstown"]),
    ]

    static let weighted: [(Market, Double)] = all.map { ($0, $0.share) }
}

extension SampleContext {
    /// A market, as likely as its share of customers.
    mutating func market() -> Market {
        random.weighted(Markets.weighted)
    }
}
