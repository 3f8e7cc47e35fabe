import Foundation
import HubCore
import HubSchema
import XCTest

/// Runs the official JSON Schema test suite (required tests) for both drafts and prints the
/// counts. Every test is checked twice: with `isValid` (quick mode) and with `validate`
/// (collecting mode), which must agree.
final class OfficialSuiteTests: XCTestCase {
    func testDraft2020_12PassesEveryRequiredSuiteTest() throws {
        try runSuite(folder: "draft2020-12", draft: .draft2020_12)
    }

    func testDraft7PassesEveryRequiredSuiteTest() throws {
        try runSuite(folder: "draft7", draft: .draft7)
    }

    private func runSuite(folder: String, draft: JSONSchemaDraft) throws {
        let suite = TestFiles.shared("json-schema-test-suite")
        let resolver = JSONSchemaFileResolver(
            mapping: "http://localhost:1234/", to: suite.appendingPathComponent("remotes"))
        let compiler = JSONSchemaCompiler(resolver: resolver, defaultDraft: draft)
        let testsFolder = suite.appendingPathComponent("tests/\(folder)")
        var passed = 0
        var failures: [String] = []

        for file in try TestFiles.names(in: testsFolder) where file.hasSuffix(".json") {
            guard case .array(let groups) = try TestFiles.json(
                testsFolder.appendingPathComponent(file))
            else { continue }
            for group in groups {
                let title = "\(file) / \(group["description"]?.stringValue ?? "?")"
                guard let schemaJSON = group["schema"], case .array(let tests)? = group["tests"]
                else { continue }
                let schema: CompiledJSONSchema
                do {
                    schema = try compiler.compile(schemaJSON)
                } catch {
                    failures.append("\(title): does not compile: \(error)")
                    continue
                }
                for test in tests {
                    let name = test["description"]?.stringValue ?? "?"
                    guard let data = test["data"], case .bool(let expected)? = test["valid"] else {
                        continue
                    }
                    let quick = schema.isValid(data)
                    let errors = schema.validate(data)
                    if quick == expected && errors.isEmpty == expected {
                        passed += 1
                    } else {
                        failures.append("\(title) / \(name): expected "
                            + "\(expected ? "valid" : "invalid"), isValid \(quick), errors "
                            + "\(errors.map(\.description))")
                    }
                }
            }
        }
        for failure in failures { print("FAILED \(folder): \(failure)") }
        print("\(folder): \(passed) passed, \(failures.count) failed")
        XCTAssertEqual(failures.count, 0, "see the FAILED lines above")
        XCTAssertGreaterThan(passed, 0)
    }
}
