/// A customer of the sample company. Everything about a customer follows from the number, so
/// the same customer has the same name and country in every stream.
struct Customer: Sendable {
    static let count = 40_000

    let number: Int
    let givenName: String
    let familyName: String
    let market: Market
    let marketingConsent: Bool

    /// `CUS-0004217`.
    var id: String { "CUS-" + zeroPadded(number, width: 7) }
    /// `MBR-0004217`: the loyalty membership that belongs to the customer.
    var memberId: String { "MBR-" + zeroPadded(number, width: 7) }

    var email: String {
        let local = givenName.lowercased() + "." + familyName.lowercased() + String(number % 97)
        return local + "@" + (number % 3 == 0 ? "example.org" : "example.com")
    }

    /// A phone number in E.164 form: `+4915123456789`.
    var phone: String {
        var digits = SampleRandom(seed: UInt64(number) &+ 0x5_0401)
        let length = market.dialCode == "1" ? 10 : 10 - market.dialCode.count + 2
        var text = "+" + market.dialCode + String(2 + digits.below(8))
        for _ in 1..<length { text += String(digits.below(10)) }
        return text
    }

    var city: String {
        market.cities[number % market.cities.count]
    }

    init(number: Int) {
        var traits = SampleRandom(seed: UInt64(number) &+ 0xC057_0000)
        self.number = number
        givenName = traits.pick(Customer.givenNames)
        familyName = traits.pick(Customer.familyNames)
        market = traits.weighted(Markets.weighted)
        marketingConsent = traits.chance(0.58)
    }

    static let givenNames = [
        "Amara", "Ben", "Chloe", "Daniel", "Elif", "Felix", "Grace", "Hugo", "Ines", "Jonas",
        "Kaia", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Sven", "Tara",
        "Umar", "Vera", "Wiebke", "Xavier", "Yuki", "Zoe", "Aiko", "Matteo", "Freya", "Luca",
    ]

    static let familyNames = [
        "Andersen", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
        "Jansen", "Kowalski", "Lindqvist", "Murphy", "Nakamura", "Okafor", "Petrov", "Rossi",
        "Schmidt", "Tanaka", "Usman", "Varga", "Walsh", "Young", "Ziegler", "Moreau", "Brennan",
    ]
}

extension SampleContext {
    /// A customer; some shop far more often than others.
    mutating func customer() -> Customer {
        Customer(number: 1 + random.skewedIndex(below: Customer.count, skew: 2))
    }
}
