// swift-tools-version:6.0
import PackageDescription

// A sample hubsh plugin: publish hooks that add a correlation id, mask card numbers and refuse
// empty events.
let package = Package(
    name: "Correlation",
    products: [
        .library(name: "Correlation", type: .dynamic, targets: ["Correlation"]),
    ],
    dependencies: [
        .package(path: "../PluginAPI"),
    ],
    targets: [
        .target(
            name: "Correlation",
            dependencies: [.product(name: "HubPluginAPI", package: "PluginAPI")],
            path: "Sources/Correlation"),
    ]
)
