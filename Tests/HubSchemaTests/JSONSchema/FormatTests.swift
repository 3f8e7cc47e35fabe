import HubCore
import HubSchema
import XCTest

/// `format` is an annotation unless asserted; asserted, each format accepts and rejects what
/// its RFC says.
final class FormatTests: XCTestCase {
    private func check(_ format: String, valid: [String], invalid: [String],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let text = "{\"format\": \"\(format)\"}"
        let asserted = try SchemaProbe(text, options: .init(assertFormats: true))
        let annotated = try SchemaProbe(text)
        for sample in valid {
            XCTAssertTrue(asserted.accepts(JSONValue.string(sample).text), "\(format): \(sample)",
                          file: file, line: line)
        }
        for sample in invalid {
            XCTAssertFalse(asserted.accepts(JSONValue.string(sample).text),
                           "\(format): \(sample)", file: file, line: line)
            XCTAssertTrue(annotated.accepts(JSONValue.string(sample).text),
                          "annotation only: \(sample)", file: file, line: line)
        }
    }

    func testDateTime() throws {
        try check("date-time",
                  valid: ["2026-11-02T08:00:00.000Z", "1990-12-31T15:59:60-08:00",
                          "2024-02-29t23:59:59+05:30"],
                  invalid: ["2026-11-02 08:00:00Z", "2026-13-01T00:00:00Z",
                            "2023-02-29T00:00:00Z", "2026-11-02T08:00:00",
                            "2026-11-02T12:00:60Z", "2026-11-02T08:00:00.Z"])
    }

    func testDateAndTime() throws {
        try check("date", valid: ["2024-02-29", "2026-12-31"],
                  invalid: ["2026-02-29", "2026-1-01", "2026-04-31", "02-01-2026"])
        try check("time", valid: ["08:30:00Z", "23:59:60Z", "12:00:00.5+01:00"],
                  invalid: ["08:30:00", "24:00:00Z", "08:60:00Z", "8:30:00Z"])
    }

    func testDuration() throws {
        try check("duration", valid: ["P1Y2M3DT4H5M6S", "PT36H", "P2W", "P1D", "PT0S"],
                  invalid: ["P", "PT", "P1Y2D", "P1W2D", "PT1.5S", "1D", "P1DT"])
    }

    func testEmail() throws {
        try check("email", valid: ["ops@kestrel-ridge.example", "a.b+c@x.io",
                                   "\"john doe\"@example.com", "me@[192.0.2.1]",
                                   "me@[IPv6:2001:db8::1]"],
                  invalid: ["no-at-sign", "a..b@x.io", ".a@x.io", "a@-x.io", "@x.io",
                            "a@x_y.io"])
    }

    func testHostname() throws {
        try check("hostname", valid: ["kestrel-ridge.example", "localhost", "xn--bcher-kva.ch",
                                      "a1.b2"],
                  invalid: ["-start.example", "end-.example", "under_score.example",
                            String(repeating: "a", count: 64) + ".example", "", "a..b",
                            "ab--cd.example"])
    }

    func testIPAddresses() throws {
        try check("ipv4", valid: ["192.168.0.1", "0.0.0.0", "255.255.255.255"],
                  invalid: ["256.1.1.1", "01.1.1.1", "1.1.1", "1.1.1.1.1", "١.1.1.1"])
        try check("ipv6", valid: ["::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1",
                                  "1:2:3:4:5:6:7:8", "::"],
                  invalid: ["1:2:3:4:5:6:7:8:9", "2001:db8:::1", "12345::1", "::1%eth0",
                            "1::2::3", "::ffff:999.0.2.1"])
    }

    func testURIAndURIReference() throws {
        try check("uri", valid: ["https://example.com/a?b=c#d", "urn:uuid:123", "mailto:a@b.c",
                                 "http://[2001:db8::1]:8080/", "file:///tmp/x"],
                  invalid: ["/relative/path", "http://exa mple.com", "https://example.com/%zz",
                            "1http://x", "http://ex.com/é"])
        try check("uri-reference", valid: ["../a?b#c", "#frag", "", "//host/p", "a/b"],
                  invalid: ["a b", "%2", ":no-scheme", "http://x/\\"])
    }

    func testUUIDJSONPointerAndRegex() throws {
        try check("uuid", valid: ["7c6d88d2-6f36-4c76-a401-5e1b51906e72",
                                  "7C6D88D2-6F36-4C76-A401-5E1B51906E72"],
                  invalid: ["7c6d88d26f364c76a4015e1b51906e72",
                            "7c6d88d2-6f36-4c76-a401-5e1b51906e7g",
                            "{7c6d88d2-6f36-4c76-a401-5e1b51906e72}"])
        try check("json-pointer", valid: ["", "/a/b", "/a~0b/c~1d", "/"],
                  invalid: ["a/b", "/a~2", "/~"])
        try check("regex", valid: ["^[a-z]+$", "(?<year>\\d{4})", "\\p{L}+"],
                  invalid: ["(", "a**", "a{1}+", "(?i)a", "\\a"])
    }

    func testUnknownFormatsAreAlwaysAnnotations() throws {
        let probe = try SchemaProbe(#"{"format": "uri-template"}"#,
                                    options: .init(assertFormats: true))
        XCTAssertTrue(probe.accepts(#""{not really""#))
    }

    func testFormatErrorNamesTheFormat() throws {
        let probe = try SchemaProbe(#"{"format": "date"}"#, options: .init(assertFormats: true))
        XCTAssertEqual(probe.errors(#""2026-02-30""#).map(\.description),
                       ["(root): \"2026-02-30\" is not a valid date"])
    }
}
