import Foundation
import XCTest

/// The plugins the end-to-end tests load, built once per test run.
///
/// `swift build --package-path` builds each sample in `plugins/` and the refused plugins of
/// `Tests/PluginFixtures` in their own folders (`.ci/test` has built them already, so this
/// finds them up to date). The plugin of the README's "Write a plugin" is built twice in a
/// temporary folder outside the repository, as a newcomer would build it: once against
/// `plugins/PluginAPI`, and once against a copy whose version number is one higher.
struct PluginBuilds {
    var telemetry: String
    var skewReport: String
    var textFormats: String
    var correlation: String
    var clashBuiltin: String
    var clashSkew: String
    /// The README's plugin, built against this repository's API.
    var hello: String
    /// The README's plugin, built against an API whose version is `helloNextVersion`.
    var helloNext: String
    var helloNextVersion: Int
    /// The version of `plugins/PluginAPI`.
    var apiVersion: Int
    /// A shared library without the entry point, compiled from C.
    var noEntryPoint: String
    /// The folder that holds the README plugin's package, outside the repository.
    var outsideFolder: String

    /// The builds, or the output of the one that failed.
    static let shared: Result<PluginBuilds, any Error> = Result { try build() }

    /// The builds; fails the test when one failed.
    static func get(file: StaticString = #filePath, line: UInt = #line) throws -> PluginBuilds {
        switch shared {
        case .success(let builds): return builds
        case .failure(let error):
            XCTFail("the test plugins did not build: \(error)", file: file, line: line)
            throw error
        }
    }

    struct BuildFailure: Error, CustomStringConvertible {
        var description: String
    }

    static var root: URL { Hubsh.projectRoot }

    private static func build() throws -> PluginBuilds {
        let plugins = root.appendingPathComponent("plugins").path
        let fixtures = root.appendingPathComponent("Tests/PluginFixtures").path
        for package in ["Telemetry", "SkewReport", "TextFormats", "Correlation"] {
            try swiftBuild(plugins + "/" + package)
        }
        try swiftBuild(fixtures)

        // The README plugin, in a folder of its own outside the repository.
        let outside = NSTemporaryDirectory() + "hubsh-plugin-builds-\(getpid())"
        try? FileManager.default.removeItem(atPath: outside)
        removeAtExit(outside)
        let api = plugins + "/PluginAPI"
        let hello = try ReadmePlugin.write(to: outside + "/hello", apiPath: api)
        try swiftBuild(hello)

        // The same plugin against a copy of the API with the next version number.
        let apiVersion = try currentAPIVersion(api)
        // The folder name is the package name the README plugin depends on.
        let nextAPI = outside + "/next/PluginAPI"
        try FileManager.default.createDirectory(
            atPath: nextAPI, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources"] {
            try FileManager.default.copyItem(atPath: api + "/" + item, toPath: nextAPI + "/" + item)
        }
        try setAPIVersion(apiVersion + 1, in: nextAPI)
        let helloNext = try ReadmePlugin.write(to: outside + "/hello-next", apiPath: nextAPI)
        try swiftBuild(helloNext)

        return PluginBuilds(
            telemetry: library(plugins + "/Telemetry", "Telemetry"),
            skewReport: library(plugins + "/SkewReport", "SkewReport"),
            textFormats: library(plugins + "/TextFormats", "TextFormats"),
            correlation: library(plugins + "/Correlation", "Correlation"),
            clashBuiltin: library(fixtures, "ClashBuiltin"),
            clashSkew: library(fixtures, "ClashSkew"),
            hello: library(hello, "Hello"), helloNext: library(helloNext, "Hello"),
            helloNextVersion: apiVersion + 1, apiVersion: apiVersion,
            noEntryPoint: try compileLibraryWithoutEntryPoint(in: outside),
            outsideFolder: hello)
    }

    static func library(_ package: String, _ product: String) -> String {
        package + "/.build/debug/lib\(product).so"
    }

    // MARK: - Steps

    static func swiftBuild(_ package: String) throws {
        let (status, output) = run(["swift", "build", "--package-path", package])
        guard status == 0 else {
            throw BuildFailure(description: "swift build of \(package) failed:\n\(output)")
        }
    }

    /// A C library with one function and no hubsh entry point.
    static func compileLibraryWithoutEntryPoint(in folder: String) throws -> String {
        let source = folder + "/answer.c"
        let library = folder + "/libanswer.so"
        try "int answer(void) { return 42; }\n".write(
            toFile: source, atomically: true, encoding: .utf8)
        // Any C compiler will do; the Swift toolchain brings clang.
        let compiler = ["cc", "clang", "gcc"].first { run(["which", $0]).0 == 0 } ?? "cc"
        let (status, output) = run([compiler, "-shared", "-fPIC", "-o", library, source])
        guard status == 0 else {
            throw BuildFailure(description: "cc could not build \(library):\n\(output)")
        }
        return library
    }

    static let versionPattern = "public static var current: Int32 { "

    /// The number in `PluginAPIVersion.current` of the API at `package`.
    static func currentAPIVersion(_ package: String) throws -> Int {
        let text = try String(contentsOfFile: package + "/" + handshakeFile, encoding: .utf8)
        guard let range = text.range(of: versionPattern),
              let end = text[range.upperBound...].firstIndex(of: " "),
              let version = Int(text[range.upperBound..<end])
        else {
            throw BuildFailure(description: "no version constant in \(handshakeFile)")
        }
        return version
    }

    static func setAPIVersion(_ version: Int, in package: String) throws {
        let path = package + "/" + handshakeFile
        let current = try currentAPIVersion(package)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: versionPattern + "\(current) }", with: versionPattern + "\(version) }")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let handshakeFile = "Sources/HubPluginAPI/Handshake.swift"

    /// Runs a program found on PATH; returns its status and everything it printed.
    static func run(_ arguments: [String]) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "cannot run \(arguments[0]): \(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private static func removeAtExit(_ folder: String) {
        temporaryFolders.append(folder)
        atexit {
            for folder in PluginBuilds.temporaryFolders {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
    }

    nonisolated(unsafe) private static var temporaryFolders: [String] = []
}
