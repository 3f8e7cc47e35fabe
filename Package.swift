// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hubsh",
    products: [
        .executable(name: "hubsh", targets: ["hubsh"]),
    ],
    dependencies: [
        // The plugin API: a dynamic library that hubsh and every plugin link, so that its types
        // exist once in the process. A local folder; nothing is fetched.
        .package(path: "plugins/PluginAPI"),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(
            name: "CLMDB", path: "Sources/CLMDB", pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]),
        .systemLibrary(
            name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        .systemLibrary(
            name: "CAvro", path: "Sources/CAvro", pkgConfig: "avro-c",
            providers: [.apt(["libavro-dev"])]),
        .systemLibrary(
            name: "CNATS", path: "Sources/CNATS", pkgConfig: "libnats",
            providers: [.apt(["libnats-dev"])]),
        // Signal flags, wait words (futexes) and small POSIX helpers that Swift cannot express
        // safely.
        .target(name: "CSupport", path: "Sources/CSupport"),

        // The domain: hubs, partitions, events, positions, checkpoints, the log protocol.
        .target(name: "HubCore", path: "Sources/HubCore"),
        // The embedded engine behind the log protocol.
        .target(
            name: "HubLMDB", dependencies: ["HubCore", "CLMDB", "CSupport"],
            path: "Sources/HubLMDB"),
        // The engine on a NATS JetStream cluster behind the same log protocol.
        .target(name: "HubNATS", dependencies: ["HubCore", "CNATS"], path: "Sources/HubNATS"),
        // Schemas: JSON Schema validation; Avro parsing, canonical form, binary encoding;
        // compatibility of schema versions in both formats.
        .target(name: "HubSchema", dependencies: ["HubCore", "CAvro"], path: "Sources/HubSchema"),
        // Benchmarks over the log protocol: workloads, runners, latency histograms.
        .target(name: "HubBench", dependencies: ["HubCore"], path: "Sources/HubBench"),
        // The value streams of the samples: generators of realistic events.
        .target(name: "HubSamples", dependencies: ["HubCore"], path: "Sources/HubSamples"),
        // The language, the commands, the output, the line editor and the plugin loader.
        .target(
            name: "HubShell",
            dependencies: [
                "HubCore", "HubBench", "HubSamples", "HubSchema", "CEditLine", "CSupport",
                .product(name: "HubPluginAPI", package: "PluginAPI"),
            ],
            path: "Sources/HubShell"),
        .executableTarget(
            name: "hubsh",
            dependencies: ["HubShell", "HubLMDB", "HubNATS", "HubCore", "CSupport"],
            path: "Sources/hubsh"),

        .testTarget(name: "HubCoreTests", dependencies: ["HubCore"], path: "Tests/HubCoreTests"),
        .testTarget(
            name: "HubLMDBTests", dependencies: ["HubLMDB", "HubCore"],
            path: "Tests/HubLMDBTests"),
        .testTarget(
            name: "HubNATSTests", dependencies: ["HubNATS", "HubLMDB", "HubCore"],
            path: "Tests/HubNATSTests"),
        .testTarget(
            name: "HubShellTests",
            dependencies: [
                "HubShell", "HubLMDB", "HubCore", "HubSchema",
                .product(name: "HubPluginAPI", package: "PluginAPI"),
            ],
            path: "Tests/HubShellTests"),
        .testTarget(
            name: "HubBenchTests", dependencies: ["HubBench", "HubLMDB", "HubCore"],
            path: "Tests/HubBenchTests"),
        .testTarget(
            name: "HubSamplesTests", dependencies: ["HubSamples", "HubCore"],
            path: "Tests/HubSamplesTests"),
        .testTarget(
            name: "HubSchemaTests", dependencies: ["HubSchema", "HubCore"],
            path: "Tests/HubSchemaTests"),
        // hubsh's own command line and engine choice, tested inside the executable's module.
        .testTarget(
            name: "HubshTests", dependencies: ["hubsh", "HubCore"], path: "Tests/HubshTests"),
        .testTarget(name: "EndToEndTests", path: "Tests/EndToEndTests"),
    ]
)
