// swift-tools-version:6.0
import PackageDescription

// The plugin API of hubsh: the one library that hubsh and every plugin link.
//
// It is a dynamic library so that its types exist once in the process: hubsh loads it at
// start, and a plugin's dependency on it binds to that same copy when the plugin is loaded.
// It depends on nothing of hubsh's; hubsh adapts between these types and its own.
let package = Package(
    name: "PluginAPI",
    products: [
        .library(name: "HubPluginAPI", type: .dynamic, targets: ["HubPluginAPI"]),
    ],
    targets: [
        .target(name: "HubPluginAPI", path: "Sources/HubPluginAPI"),
    ]
)
