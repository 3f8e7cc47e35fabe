import Glibc
import HubPluginAPI

/// One simulated device and the state its readings follow.
struct Device {
    let id: String
    let site: String
    let profile: Profile
    let firmware: String
    /// The temperature this device's spot settles at, in °C.
    let baseline: Double
    /// The device's usual signal strength, in dBm.
    let signal: Double
    var temperature: Double
    var humidity: Double
    /// Charge in %.
    var battery: Double

    /// Firmware versions in the field, most devices on the newest.
    static let firmwareMix: [(version: String, share: Double)] = [
        ("2.4.1", 0.70), ("2.3.7", 0.25), ("2.2.0", 0.05),
    ]

    init(index: Int, sites: Int, profile: Profile, random: inout SeededRandom) {
        id = "dev-" + Device.padded(index + 1, width: 4)
        site = "site-" + Device.padded(index % sites + 1, width: 2)
        self.profile = profile
        var pick = random.unit()
        var chosen = Device.firmwareMix[0].version
        for (version, share) in Device.firmwareMix {
            chosen = version
            if pick < share { break }
            pick -= share
        }
        firmware = chosen
        baseline = random.normal(mean: profile.temperature, deviation: profile.temperatureSpread)
        signal = min(-35, max(-110, random.normal(mean: -67, deviation: 8)))
        temperature = baseline
        humidity = min(95, max(5, random.normal(mean: profile.humidity, deviation: 5)))
        battery = 40 + random.unit() * 60
    }

    /// The reading the device sends at `time` (milliseconds since the epoch).
    mutating func report(at time: Int64, anomalyRate: Double, random: inout SeededRandom)
        -> PluginEvent
    {
        // The temperature is pulled back toward a target that swings over the day, peaking in
        // the afternoon, and wanders by a little noise.
        let hourOfDay = Double(time % 86_400_000) / 3_600_000
        let target = baseline + profile.dailySwing * sin(2 * Double.pi * (hourOfDay - 9) / 24)
        temperature += 0.15 * (target - temperature) + random.normal(deviation: 0.08)
        humidity = min(95, max(5, humidity + 0.1 * (profile.humidity - humidity)
            + random.normal(deviation: 0.4)))
        battery -= max(0, random.normal(mean: 0.02, deviation: 0.005))
        if battery < 3 { battery = 100 }

        var measured: Double? = temperature
        var status = battery < 15 ? "low-battery" : "ok"
        if random.chance(anomalyRate) {
            if random.chance(0.5) {
                measured = temperature + 6 + random.unit() * 8
            } else {
                measured = nil
                status = "sensor-fault"
            }
        }
        let rssi = Int(random.normal(mean: signal, deviation: 3).rounded())

        var body = "{\"deviceId\":\"\(id)\",\"site\":\"\(site)\""
        body += ",\"ts\":\"\(PluginTime.iso8601(time))\""
        body += ",\"temperature\":" + (measured.map { Device.fixed($0, digits: 2) } ?? "null")
        body += ",\"humidity\":" + Device.fixed(humidity, digits: 1)
        body += ",\"battery\":" + Device.fixed(battery, digits: 1)
        body += ",\"rssi\":\(rssi),\"status\":\"\(status)\"}"
        var event = PluginEvent(text: body, partitionKey: id, contentType: "application/json")
        event.setProperty("deviceType", .string(profile.deviceType))
        event.setProperty("firmware", .string(firmware))
        event.setProperty("site", .string(site))
        return event
    }

    /// `value` with exactly `digits` decimals, as JSON writes it: `-18.05`, `21.30`.
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        let fraction = padded(Int(magnitude % UInt64(scale)), width: digits)
        return "\(sign)\(magnitude / UInt64(scale)).\(fraction)"
    }

    static func padded(_ number: Int, width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
