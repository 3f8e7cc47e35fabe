import HubPluginAPI

/// How the fleet looks: the generator's options.
struct FleetSettings {
    var devices: Int
    /// A profile name, or `mixed` for devices of every profile.
    var profile: String
    var intervalMillis: Int64
    var anomalyRate: Double
    var sites: Int
}

/// A fleet of simulated devices, each reporting on its own clock: the producer of one publish.
///
/// Readings come out in time order across devices. Each device drifts around its own baseline
/// with a daily swing, its battery drains until it is replaced, and now and then a reading is a
/// spike or a sensor fault.
final class Fleet: EventProducer {
    /// Where the clock starts when a seed is given: 2026-01-05T00:00:00Z, a Monday.
    static let referenceStart: Int64 = 1_767_571_200_000

    private var devices: [Device]
    private var schedule: ReportSchedule
    private var random: SeededRandom
    private let settings: FleetSettings

    init(settings: FleetSettings, seed: UInt64, start: Int64) {
        self.settings = settings
        var random = SeededRandom(seed: seed)
        var devices: [Device] = []
        var schedule = ReportSchedule()
        for index in 0..<settings.devices {
            let profile = Profile.named(settings.profile)
                ?? Profile.all[Int(random.next() % UInt64(Profile.all.count))]
            devices.append(
                Device(index: index, sites: settings.sites, profile: profile, random: &random))
            // Devices start at staggered moments within one interval.
            let first = start + Int64(random.unit() * Double(settings.intervalMillis))
            schedule.add(time: first, device: index)
        }
        self.devices = devices
        self.schedule = schedule
        self.random = random
    }

    func next() -> PluginEvent? {
        guard let (time, index) = schedule.takeEarliest() else { return nil }
        let reading = devices[index].report(
            at: time, anomalyRate: settings.anomalyRate, random: &random)
        let delay = random.logNormal(median: Double(settings.intervalMillis), shape: 0.25)
        schedule.add(time: time + max(1, Int64(delay)), device: index)
        return reading
    }
}
