// swift-tools-version:6.0
import PackageDescription

// A sample hubsh plugin: the `csv` and `logfmt` output formats for `read` and `tail`.
let package = Package(
    name: "TextFormats",
    products: [
        .library(name: "TextFormats", type: .dynamic, targets: ["TextFormats"]),
    ],
    dependencies: [
        .package(path: "../PluginAPI"),
    ],
    targets: [
        .target(
            name: "TextFormats",
            dependencies: [.product(name: "HubPluginAPI", package: "PluginAPI")],
            path: "Sources/TextFormats"),
    ]
)
