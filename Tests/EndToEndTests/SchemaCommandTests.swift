import Foundation
import XCTest

/// The `schema` commands through the built binary: groups, registration, compatibility,
/// validation, and GitHub's webhook schemas that `$ref` each other.
final class SchemaCommandTests: XCTestCase {
    var hubsh = Hubsh()
    var folder = Hubsh.temporaryDirectory("schemas")

    override func tearDown() {
        hubsh.cleanUp()
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    let orderV1 = """
        {"type":"object","properties":{"id":{"type":"string"},
         "qty":{"type":"integer","minimum":1}},"required":["id"]}
        """

    func testRegisteringAnIdenticalSchemaReturnsTheExistingVersion() {
        let v1 = write("v1.json", orderV1)
        let reformatted = write("v1-again.json", orderV1.replacingOccurrences(of: "\n", with: ""))
        hubsh.script("schema group create shop --format json --compatibility backward")
        let first = hubsh.script("schema register shop order \(v1)", ["--json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let again = hubsh.script("schema register shop order \(reformatted)", ["--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let (a, b) = (first.jsonLines().first, again.jsonLines().first)
        XCTAssertEqual(a?["version"] as? Int, 1)
        XCTAssertEqual(a?["created"] as? Bool, true)
        XCTAssertEqual(b?["created"] as? Bool, false)
        XCTAssertEqual(b?["id"] as? String, a?["id"] as? String)
        XCTAssertEqual((a?["id"] as? String)?.count, 32)
    }

    func testSchemaGroupAndSchemaNamesAreFoundInAnyCaseAndShownAsCreated() {
        let v1 = write("v1.json", orderV1)
        hubsh.script("schema group create Shop --format json; hub create orders")
        let clash = hubsh.script("schema group create shop --format json")
        XCTAssertEqual(clash.status, 1)
        XCTAssertEqual(clash.stderr.split(separator: "\n").count, 1, clash.stderr)
        XCTAssertTrue(clash.stderr.contains("'shop' would clash with 'Shop'"), clash.stderr)

        let register = hubsh.script("schema register SHOP OrderEvent \(v1)")
        XCTAssertEqual(register.status, 0, register.stderr)
        let list = hubsh.script("schema list shop", ["--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.jsonLines().first?["group"] as? String, "Shop")
        XCTAssertEqual(list.jsonLines().first?["name"] as? String, "OrderEvent")
        let bind = hubsh.script("hub set orders --schema shop/orderevent")
        XCTAssertEqual(bind.status, 0, bind.stderr)
        XCTAssertEqual(
            bind.stdout,
            "hub 'orders' validates events against 'Shop/OrderEvent'; invalid events are"
                + " refused\n")
        XCTAssertTrue(hubsh.script("hub show orders").stdout.contains("Shop/OrderEvent"))
        let again = hubsh.script("hub set orders --schema SHOP/ORDEREVENT")
        XCTAssertEqual(
            again.stdout,
            "hub 'orders' already validates events against 'Shop/OrderEvent'; invalid events"
                + " are refused; unchanged\n")
    }

    func testARefusedRegistrationNamesTheSchemaAsItWasFirstRegistered() {
        let v1 = write("v1.json", orderV1)
        let v2 = write("v2.json", orderV1.replacingOccurrences(
            of: #""required":["id"]"#, with: #""required":["id","qty"]"#))
        hubsh.script("schema group create Shop --format json --compatibility backward")
        hubsh.script("schema register Shop OrderEvent \(v1)")

        let register = hubsh.script("schema register shop orderevent \(v2)")
        XCTAssertEqual(register.status, 1)
        XCTAssertTrue(
            register.stderr.contains("schema 'Shop/OrderEvent' was not registered"),
            register.stderr)
    }

    func testBackwardIncompatibleJSONSchemaIsRefusedWithTheRuleId() {
        let v1 = write("v1.json", orderV1)
        let v2 = write("v2.json", orderV1.replacingOccurrences(
            of: #""required":["id"]"#, with: #""required":["id","qty"]"#))
        hubsh.script("schema group create shop --format json --compatibility backward")
        hubsh.script("schema register shop order \(v1)")

        let check = hubsh.script("schema check shop order \(v2)", ["--json"])
        XCTAssertEqual(check.status, 1)
        let verdict = check.jsonLines().first
        XCTAssertEqual(verdict?["accepted"] as? Bool, false)
        let found = verdict?["incompatibilities"] as? [[String: Any]] ?? []
        XCTAssertEqual(found.first?["rule"] as? String, "required-added")
        XCTAssertEqual(found.first?["path"] as? String, "/required")

        let register = hubsh.script("schema register shop order \(v2)", ["--json"])
        XCTAssertEqual(register.status, 1)
        XCTAssertEqual(register.jsonLines().first?["rule"] as? String, "required-added")
        XCTAssertTrue(register.stderr.contains("not registered"), register.stderr)
        let list = hubsh.script("schema list shop", ["--json"]).jsonLines()
        XCTAssertEqual(list.first?["version"] as? Int, 1)
    }

    func testAvroFieldAddedWithoutDefaultIsRefusedAndWithDefaultAccepted() {
        let v1 = write("v1.avsc", """
            {"type":"record","name":"Reading","fields":[{"name":"device","type":"string"}]}
            """)
        let noDefault = write("v2.avsc", """
            {"type":"record","name":"Reading","fields":[{"name":"device","type":"string"},
             {"name":"celsius","type":"double"}]}
            """)
        let withDefault = write("v3.avsc", """
            {"type":"record","name":"Reading","fields":[{"name":"device","type":"string"},
             {"name":"celsius","type":"double","default":0}]}
            """)
        hubsh.script("schema group create iot --format avro --compatibility backward")
        XCTAssertEqual(hubsh.script("schema register iot reading \(v1)").status, 0)
        let refused = hubsh.script("schema register iot reading \(noDefault)", ["--json"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(
            refused.jsonLines().first?["rule"] as? String, "field-added-without-default")
        let accepted = hubsh.script("schema register iot reading \(withDefault)", ["--json"])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertEqual(accepted.jsonLines().first?["version"] as? Int, 2)
    }

    func testARefRegisteredFromANeighbourFileOnlyIsNamedWhenTheSchemaIsUsed() {
        // Found next to the registered file at registration, but never registered itself.
        let user = write(
            "common-user.json", #"{"$id":"common-user.json","type":"object","required":["name"]}"#)
        let product = write("product.json", """
            {"type":"object","properties":{"owner":{"$ref":"common-user.json"}}}
            """)
        hubsh.script("schema group create shop --format json")
        let registered = hubsh.script("schema register shop product \(product)")
        XCTAssertEqual(registered.status, 0, registered.stderr)

        let missing = "error: schema 'shop/product' cannot be used: its $ref 'common-user.json'"
            + " (at product#/properties/owner/$ref) cannot be resolved: no schema of group"
            + " 'shop' has \"$id\" 'common-user.json'; register that schema first ('schema"
            + " register shop NAME FILE', the file having \"$id\": \"common-user.json\"), or fix"
            + " the reference\n"
        let validate = hubsh.script("schema validate shop product '{}'")
        XCTAssertEqual(validate.status, 1)
        XCTAssertEqual(validate.stderr, missing)
        let bind = hubsh.script("hub create h; hub set h --schema shop/product")
        XCTAssertEqual(bind.stderr, missing)

        XCTAssertEqual(hubsh.script("schema register shop user \(user)").status, 0)
        let valid = hubsh.script(#"schema validate shop product '{"owner":{"name":"a"}}'"#)
        XCTAssertEqual(valid.status, 0, valid.stderr)
    }

    func testAnUnboundedLookbehindIsRefusedAsUnsupportedNotAsWrong() {
        hubsh.script("schema group create shop --format json")
        let unbounded = write("unbounded.json", #"{"type":"string","pattern":"x(?<=a+)b"}"#)
        let refused = hubsh.script("schema register shop code \(unbounded)")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(
            refused.stderr,
            "error: schema 'shop/code' cannot be registered: hubsh does not support its pattern"
                + " \"x(?<=a+)b\" (at code#/pattern): at character 2 it has a lookbehind"
                + " without a maximum length, which ICU (the engine that runs it) cannot match;"
                + " bound what it repeats, such as a{1,10} for a+ or a* (see 'Regular"
                + " expressions' in the README)\n")
        XCTAssertFalse(refused.stderr.contains("write an ECMA-262 pattern"))

        let bounded = write("bounded.json", #"{"type":"string","pattern":"(?<=a{1,10})b"}"#)
        let accepted = hubsh.script("schema register shop code \(bounded)")
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertEqual(hubsh.script(#"schema validate shop code '"aab"'"#).status, 0)
        XCTAssertEqual(hubsh.script(#"schema validate shop code '"xb"'"#).status, 1)
    }

    func testValidateListsInstancePathSchemaPathAndKeywordOfEachError() {
        let v1 = write("v1.json", orderV1)
        let events = write("events.jsonl", """
            {"id":"o-1","qty":2}
            {"id":7,"qty":0}
            """)
        hubsh.script("schema group create shop --format json")
        hubsh.script("schema register shop order \(v1)")
        let result = hubsh.script("schema validate shop order --file \(events)", ["--json"])
        XCTAssertEqual(result.status, 1)
        let lines = result.jsonLines()
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.first?["event"] as? Int, 2)
        let errors = lines.first?["errors"] as? [[String: Any]] ?? []
        XCTAssertEqual(errors.map { $0["instancePath"] as? String }, ["/id", "/qty"])
        XCTAssertEqual(errors.map { $0["keyword"] as? String }, ["type", "minimum"])
        XCTAssertEqual(errors.last?["schemaPath"] as? String, "/properties/qty/minimum")
        XCTAssertEqual(lines.last?["invalid"] as? Int, 1)
        XCTAssertEqual(lines.last?["valid"] as? Int, 1)

        let valid = hubsh.script("schema validate shop order '{\"id\":\"o-2\"}'")
        XCTAssertEqual(valid.status, 0, valid.stderr)
    }

    func testGitHubWebhookPayloadsValidateAndAMissingRequiredFieldIsFound() throws {
        let root = Hubsh.sharedTestData.appendingPathComponent(
            "github-webhooks/payload-schemas/api.github.com")
        let examples = Hubsh.sharedTestData.appendingPathComponent(
            "github-webhooks/payload-examples/api.github.com")
        let files = FileManager.default
        var script = ["schema group create github --format json"]
        let common = root.appendingPathComponent("common")
        for name in try files.contentsOfDirectory(atPath: common.path).sorted() {
            script.append("schema register github \(name) '\(common.path)/\(name)'")
        }
        var checks: [(payload: String, schema: String)] = []
        for event in ["fork", "issues", "push", "star"] {
            let schemas = root.appendingPathComponent(event)
            for file in try files.contentsOfDirectory(atPath: schemas.path) {
                let action = String(file.prefix { $0 != "." })
                script.append(
                    "schema register github \(event).\(action) '\(schemas.path)/\(file)'")
            }
            let folder = examples.appendingPathComponent(event)
            for file in try files.contentsOfDirectory(atPath: folder.path).sorted() {
                let action = String(file.prefix { $0 != "." })
                let exists = files.fileExists(
                    atPath: schemas.appendingPathComponent("\(action).schema.json").path)
                checks.append(("\(folder.path)/\(file)", "\(event).\(exists ? action : "event")"))
            }
        }
        let setUp = hubsh.script(script.joined(separator: "\n"))
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
        XCTAssertGreaterThanOrEqual(checks.count, 38)

        let validate = checks.map { "schema validate github \($0.schema) --file '\($0.payload)'" }
        let result = hubsh.script(validate.joined(separator: "\n"), ["--json", "--keep-going"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let summaries = result.jsonLines().filter { $0["events"] != nil }
        XCTAssertEqual(summaries.count, checks.count)
        XCTAssertTrue(summaries.allSatisfy { $0["invalid"] as? Int == 0 })

        // The same payloads without sender.login are invalid at /sender.
        var broken: [String] = []
        for (index, check) in checks.enumerated() {
            let data = try Data(contentsOf: URL(fileURLWithPath: check.payload))
            var payload = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            var sender = payload["sender"] as? [String: Any] ?? [:]
            sender["login"] = nil
            payload["sender"] = sender
            let path = write("broken-\(index).json", String(
                decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self))
            broken.append("schema validate github \(check.schema) --file '\(path)'")
        }
        let failing = hubsh.script(broken.joined(separator: "\n"), ["--json", "--keep-going"])
        XCTAssertEqual(failing.status, 1)
        let reports = failing.jsonLines().filter { $0["errors"] != nil }
        XCTAssertEqual(reports.count, checks.count)
        for report in reports {
            let errors = report["errors"] as? [[String: Any]] ?? []
            XCTAssertTrue(errors.contains {
                $0["instancePath"] as? String == "/sender" && $0["keyword"] as? String == "required"
            }, "\(errors)")
        }
    }

    func testBenchValidateReportsTheRateAndCountsInvalidEvents() {
        let strict = write("strict.json", #"{"type":"object","required":["orderId","nothing"]}"#)
        let orders = Hubsh.projectRoot.appendingPathComponent("samples/schemas/orders.schema.json")
        hubsh.script("schema group create shop --format json")
        hubsh.script("schema register shop orders '\(orders.path)'")
        hubsh.script("schema register shop strict \(strict)")
        let result = hubsh.script(
            "bench validate shop/orders --sample orders --events 2000", ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = result.jsonLines().first
        XCTAssertEqual(report?["benchmark"] as? String, "validate")
        XCTAssertEqual(report?["events"] as? Int, 2000)
        XCTAssertEqual(report?["invalid"] as? Int, 0)
        XCTAssertGreaterThan(report?["eventsPerSecond"] as? Double ?? 0, 0)

        let failing = hubsh.script(
            "bench validate shop/strict --sample orders --events 300 --threads 2", ["--json"])
        XCTAssertEqual(failing.status, 0, failing.stderr)
        XCTAssertEqual(failing.jsonLines().first?["invalid"] as? Int, 300)
    }
}
