import HubCore
import HubLMDB
import XCTest

@testable import HubShell

/// Tab completion of schema groups and names, from a registry in a real LMDB store.
final class SchemaCompletionTests: XCTestCase {
    private var folder: TemporaryFolder!
    private var log: LMDBEventLog!
    private var completer: Completer!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        log = try LMDBEventLog.open(
            directory: folder.path, options: LMDBEventLog.Options(autoPurgeInterval: nil))
        _ = try log.createSchemaGroup(SchemaGroup(name: "commerce", format: .json))
        _ = try log.createSchemaGroup(SchemaGroup(name: "iot", format: .avro))
        for name in ["orders", "payments"] {
            _ = try log.registerSchema(
                group: "commerce", name: name, definition: "{}", canonicalForm: name
            ) { _ in }
        }
        let output = Output(
            standardOutput: BufferSink(), standardError: BufferSink(), isTerminal: false,
            useColor: false)
        let context = ShellContext(log: log, output: output, isInteractive: false)
        completer = Completer(registry: CommandRegistry(DomainCommands.all), context: context)
    }

    override func tearDown() {
        log.close()
    }

    private func complete(_ line: String) -> [String] {
        completer.complete(line: line, cursor: line.unicodeScalars.count)
    }

    func testSchemaGroupsAndNamesComplete() {
        XCTAssertEqual(complete("schema register c"), ["commerce"])
        XCTAssertEqual(complete("schema show commerce p"), ["payments"])
        XCTAssertEqual(complete("schema list "), ["commerce", "iot"])
    }

    func testHubSetCompletesQualifiedSchemaNames() {
        XCTAssertEqual(
            complete("hub set orders --schema commerce/"), ["commerce/orders", "commerce/payments"])
    }

    func testSchemaGroupsAndNamesTypedInAnotherCaseCompleteAsCreated() throws {
        _ = try log.createSchemaGroup(SchemaGroup(name: "Shop", format: .json))
        _ = try log.registerSchema(
            group: "Shop", name: "OrderEvent", definition: "{}", canonicalForm: "o"
        ) { _ in }
        XCTAssertEqual(complete("schema list sh"), ["Shop"])
        XCTAssertEqual(complete("schema show SHOP orde"), ["OrderEvent"])
        XCTAssertEqual(complete("hub set orders --schema shop/o"), ["Shop/OrderEvent"])
    }
}
