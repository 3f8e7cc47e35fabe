// swift-tools-version:6.0
import PackageDescription

// Plugins that the end-to-end tests load to see hubsh refuse them: each declares a command
// that hubsh or a sample plugin already has.
let package = Package(
    name: "PluginFixtures",
    products: [
        .library(name: "ClashBuiltin", type: .dynamic, targets: ["ClashBuiltin"]),
        .library(name: "ClashSkew", type: .dynamic, targets: ["ClashSkew"]),
    ],
    dependencies: [
        .package(path: "../../plugins/PluginAPI"),
    ],
    targets: [
        .target(
            name: "ClashBuiltin",
            dependencies: [.product(name: "HubPluginAPI", package: "PluginAPI")],
            path: "Sources/ClashBuiltin"),
        .target(
            name: "ClashSkew",
            dependencies: [.product(name: "HubPluginAPI", package: "PluginAPI")],
            path: "Sources/ClashSkew"),
    ]
)
