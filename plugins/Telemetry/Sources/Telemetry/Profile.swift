/// What kind of place a device measures, and the readings typical of it.
struct Profile {
    let name: String
    let deviceType: String
    /// Mean temperature in °C, and how far devices of this kind sit from it.
    let temperature: Double
    let temperatureSpread: Double
    /// How much the temperature swings over a day, peak to mean, in °C.
    let dailySwing: Double
    /// Mean relative humidity in %.
    let humidity: Double

    static let building = Profile(
        name: "building", deviceType: "thermostat", temperature: 21.5, temperatureSpread: 1.2,
        dailySwing: 1.5, humidity: 42)
    static let coldChain = Profile(
        name: "cold-chain", deviceType: "freezer-probe", temperature: -18, temperatureSpread: 1.5,
        dailySwing: 0.4, humidity: 70)
    static let datacenter = Profile(
        name: "datacenter", deviceType: "rack-inlet", temperature: 24, temperatureSpread: 2,
        dailySwing: 0.8, humidity: 45)

    static let all = [building, coldChain, datacenter]
    static var names: [String] { all.map(\.name) }

    static func named(_ name: String) -> Profile? {
        all.first { $0.name == name }
    }
}
