// swift-tools-version:6.0
import PackageDescription

// A sample hubsh plugin: the `iot` event generator, telemetry of simulated devices.
let package = Package(
    name: "Telemetry",
    products: [
        .library(name: "Telemetry", type: .dynamic, targets: ["Telemetry"]),
    ],
    dependencies: [
        .package(path: "../PluginAPI"),
    ],
    targets: [
        .target(
            name: "Telemetry",
            dependencies: [.product(name: "HubPluginAPI", package: "PluginAPI")],
            path: "Sources/Telemetry"),
    ]
)
