import Foundation
import HubCore

// The device streams: sensors in the warehouses and vans on the road. Each device reports
// again and again, and each report follows on from its last one.

extension ValueStream {
    static let warehouseTelemetry = ValueStream(
        hub: "warehouse-telemetry", aliases: ["telemetry"],
        summary: "Sensor readings from cold rooms, conveyors and forklifts",
        partitionCount: 32, retentionDays: 1,
        consumerGroups: ["monitoring", "anomaly-detection", "data-lake-archive"],
        keyField: "deviceId", source: "iot-gateway",
        eventsPerSecond: 2400, events: TelemetryEvents.self)

    static let fleetTracking = ValueStream(
        hub: "fleet-tracking", aliases: ["fleet"],
        summary: "GPS positions and stops of the delivery vans",
        partitionCount: 16, retentionDays: 1,
        consumerGroups: ["dispatch", "eta-prediction", "analytics"],
        keyField: "vehicleId", source: "fleet-gateway",
        eventsPerSecond: 120, events: FleetEvents.self)
}

/// A kind of sensor: what it measures, how its readings move, and where they become a worry.
struct SensorKind: Sendable {
    let code: String
    let deviceType: String
    let metric: String
    let unit: String
    /// Where a healthy device's readings settle.
    let baseline: ClosedRange<Double>
    /// How far one reading strays from the last.
    let noise: Double
    /// How strongly readings return to where the device settles: 0 never, 1 at once.
    let pull: Double
    /// How far a drifting device's settling point moves per reading: a failing door seal
    /// warms a cold room, a worn bearing shakes a conveyor, a forklift's battery runs down.
    let drift: Double
    /// The share of devices that drift; 1 when every device does, like batteries.
    let driftingShare: Double
    let warning: Double
    let alarm: Double
    /// True when low readings are the worry, as with a battery.
    let worryWhenLow: Bool
    /// The chance per reading in alarm that someone fixes the device (or charges it).
    let repairChance: Double
    let range: ClosedRange<Double>

    func status(_ value: Double) -> String {
        func reached(_ limit: Double) -> Bool { worryWhenLow ? value <= limit : value >= limit }
        return reached(alarm) ? "alarm" : reached(warning) ? "warning" : "ok"
    }
}

enum TelemetryEvents: StreamEvents {
    static let eventTypes = ["TelemetryReported", "ThresholdExceeded"]
    static let devicesPerKindAndWarehouse = 150
    static let firmware = ["4.2.1", "4.2.3", "4.3.0"]
    static let kinds = [
        SensorKind(
            code: "TMP", deviceType: "temperature-sensor", metric: "temperature", unit: "Cel",
            baseline: 2.5...5, noise: 0.1, pull: 0.2, drift: 0.002, driftingShare: 0.1,
            warning: 8, alarm: 10, worryWhenLow: false, repairChance: 0.01, range: -30...60),
        SensorKind(
            code: "HUM", deviceType: "humidity-sensor", metric: "relativeHumidity", unit: "%",
            baseline: 40...55, noise: 0.5, pull: 0.1, drift: 0.005, driftingShare: 0.1,
            warning: 65, alarm: 75, worryWhenLow: false, repairChance: 0.01, range: 0...100),
        SensorKind(
            code: "VIB", deviceType: "conveyor-motor", metric: "vibrationVelocity", unit: "mm/s",
            baseline: 1.2...2.8, noise: 0.1, pull: 0.3, drift: 0.001, driftingShare: 0.15,
            warning: 4.5, alarm: 7.1, worryWhenLow: false, repairChance: 0.005, range: 0...50),
        SensorKind(
            code: "BAT", deviceType: "forklift", metric: "batteryLevel", unit: "%",
            baseline: 100...100, noise: 0.02, pull: 1, drift: -0.004, driftingShare: 1,
            warning: 25, alarm: 15, worryWhenLow: true, repairChance: 0.2, range: 0...100),
    ]

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let warehouses = Warehouses.all
        let deviceCount = warehouses.count * kinds.count * devicesPerKindAndWarehouse
        let device = context.random.below(deviceCount)
        let warehouse = warehouses[device % warehouses.count]
        let kind = kinds[device / warehouses.count % kinds.count]
        let serial = device / (warehouses.count * kinds.count) + 1
        let deviceId = warehouse.id + "-" + kind.code + "-" + zeroPadded(serial, width: 3)

        // What is fixed about the device follows from its number.
        var traits = SampleRandom(seed: UInt64(device) &+ 0x5E_0000)
        let span = kind.baseline.upperBound - kind.baseline.lowerBound
        let baseline = kind.baseline.lowerBound + span * traits.unit()
        let drifts = traits.chance(kind.driftingShare)
        let version = traits.pick(firmware)
        let readingsBefore = Double(traits.below(500_000))
        // A drifting device has drifted some way already; about one in six is past its
        // warning level when the generator starts.
        let driftBefore = drifts ? 1.2 * (kind.warning - baseline) * traits.unit() : 0

        // The reading moves from the last one towards where the device now settles.
        let drift = context.levels[deviceId + ".drift", default: driftBefore]
        var offset = drift + (drifts ? kind.drift : 0)
        let last = context.levels[deviceId + ".value"] ?? baseline + driftBefore
        let noise = kind.noise * context.random.normal()
        let moved = last + kind.pull * (baseline + offset - last) + noise
        let value = min(kind.range.upperBound, max(kind.range.lowerBound, moved))
        let status = kind.status(value)
        if status == "alarm", context.random.chance(kind.repairChance) { offset = 0 }
        let reading = context.levels[deviceId + ".readings", default: readingsBefore] + 1
        context.levels[deviceId + ".drift"] = offset
        context.levels[deviceId + ".value"] = value
        context.levels[deviceId + ".readings"] = reading

        let fields: EventFields = [
            "deviceId": .string(deviceId),
            "warehouseId": .string(warehouse.id),
            "deviceType": .string(kind.deviceType),
            "metric": .string(kind.metric),
            "value": Decimals.json(value, places: 2),
            "unit": .string(kind.unit),
            "status": .string(status),
            "readingNumber": .int(Int(reading)),
            "firmwareVersion": .string(version),
        ]
        let type = status == "ok" ? "TelemetryReported" : "ThresholdExceeded"
        return SampleEvent(
            type: type, fields: fields, properties: [("deviceType", .string(kind.deviceType))])
    }
}

enum FleetEvents: StreamEvents {
    static let eventTypes = ["PositionReported", "StopArrived", "StopDeparted"]
    static let vanCount = 1200
    static let kilometresPerDegree = 111.32
    /// How far from its depot a van goes before it heads back.
    static let serviceRadiusKm = 40.0

    static func next(_ context: inout SampleContext) -> SampleEvent {
        let van = 1 + context.random.below(vanCount)
        let depot = Warehouses.all[van % Warehouses.all.count]
        let vehicleId = "VAN-" + zeroPadded(van, width: 4)
        func key(_ name: String) -> String { vehicleId + "." + name }

        var latitude = context.level(key("latitude")) { depot.latitude + 0.1 * $0.unit() - 0.05 }
        var longitude = context.level(key("longitude")) { depot.longitude + 0.1 * $0.unit() - 0.05 }
        var heading = context.level(key("heading")) { 360 * $0.unit() }
        var odometer = context.level(key("odometer")) { 5_000 + 60_000 * $0.unit() }
        var battery = context.level(key("battery")) { 60 + 40 * $0.unit() }
        var stops = context.levels[key("stops"), default: 0]
        let stopped = context.levels[key("stopped"), default: 0] == 1
        let lastReport = context.levels[key("reportedAt")] ?? Double(context.now - 10_000)
        let hours = min(60_000, Double(context.now) - lastReport) / 3_600_000

        let type: String
        var speed = 0.0
        if stopped {
            type = "StopDeparted"
        } else if context.random.chance(0.06) {
            type = "StopArrived"
            stops += 1
        } else {
            type = "PositionReported"
            speed = min(110, max(5, context.random.logNormal(median: 38, spread: 0.35)))
            heading = (heading + 25 * context.random.normal() + 360)
                .truncatingRemainder(dividingBy: 360)
            // Beyond the service area the van turns for home.
            let northKm = (latitude - depot.latitude) * kilometresPerDegree
            let eastKm = (longitude - depot.longitude) * kilometresPerDegree
                * cos(depot.latitude * .pi / 180)
            if (northKm * northKm + eastKm * eastKm).squareRoot() > serviceRadiusKm {
                heading = (atan2(-eastKm, -northKm) * 180 / .pi + 360)
                    .truncatingRemainder(dividingBy: 360)
            }
            let distance = speed * hours
            latitude += distance * cos(heading * .pi / 180) / kilometresPerDegree
            longitude += distance * sin(heading * .pi / 180)
                / (kilometresPerDegree * cos(latitude * .pi / 180))
            odometer += distance
            // Electric vans use about half a percent of charge per kilometre; a van that runs
            // low is swapped for a charged one at its next report.
            battery = battery < 12 ? 100 : battery - 0.5 * distance
        }

        context.levels[key("latitude")] = latitude
        context.levels[key("longitude")] = longitude
        context.levels[key("heading")] = heading
        context.levels[key("odometer")] = odometer
        context.levels[key("battery")] = battery
        context.levels[key("stops")] = stops
        context.levels[key("stopped")] = type == "StopArrived" ? 1 : 0
        context.levels[key("reportedAt")] = Double(context.now)

        let atStop = type != "PositionReported"
        return SampleEvent(type: type, fields: [
            "vehicleId": .string(vehicleId),
            "depotId": .string(depot.id),
            "routeId": .string("RTE-" + context.compactDate + "-" + zeroPadded(van, width: 4)),
            "latitude": Decimals.json(latitude, places: 5),
            "longitude": Decimals.json(longitude, places: 5),
            "speedKmh": Decimals.json(speed, places: 1),
            "headingDeg": .int(Int(heading) % 360),
            "odometerKm": Decimals.json(odometer, places: 1),
            "batteryPercent": .int(Int(battery.rounded())),
            "stopNumber": atStop ? .int(Int(stops)) : nil,
            "parcelsDelivered": type == "StopArrived"
                ? .int(1 + context.random.skewedIndex(below: 4, skew: 2)) : nil,
        ])
    }
}
