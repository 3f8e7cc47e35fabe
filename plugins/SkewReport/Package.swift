// swift-tools-version:6.0
import PackageDescription

// A sample hubsh plugin: the `skew` command, how evenly a hub's events spread over its
// partitions and keys, with a bar chart.
let package = Package(
    name: "SkewReport",
    products: [
        .library(name: "SkewReport", type: .dynamic, targets: ["SkewReport"]),
    ],
    dependencies: [
        .package(path: "../PluginAPI"),
    ],
    targets: [
        .target(
            name: "SkewReport",
            dependencies: [.product(name: "HubPluginAPI", package: "PluginAPI")],
            path: "Sources/SkewReport"),
    ]
)
