import Foundation
import HubCore
import XCTest

@testable import HubSchema

/// Apache Avro's published schema vectors: input, Parsing Canonical Form and fingerprint.
final class AvroSchemaVectorTests: XCTestCase {
    struct Vector {
        var number: String
        var input: String
        var canonical: String?
        var fingerprint: Int64?
    }

    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/testdata/avro/schema-tests.txt")

    /// Reads the vector file: `<<INPUT text` on one line or `<<INPUT` up to a line `INPUT`,
    /// then `<<canonical` and an optional `<<fingerprint`; `//` and `#` lines are comments.
    static func vectors() throws -> [Vector] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var vectors: [Vector] = []
        var number = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("// ") && line.dropFirst(3).allSatisfy(\.isNumber) {
                number = String(line.dropFirst(3))
            } else if line == "<<INPUT" {
                var body: [Substring] = []
                while let next = lines.popFirst(), next != "INPUT" { body.append(next) }
                vectors.append(Vector(number: number, input: body.joined(separator: "\n")))
            } else if line.hasPrefix("<<INPUT ") {
                vectors.append(Vector(number: number, input: String(line.dropFirst(8))))
            } else if line.hasPrefix("<<canonical ") {
                vectors[vectors.count - 1].canonical = String(line.dropFirst(12))
            } else if line.hasPrefix("<<fingerprint ") {
                vectors[vectors.count - 1].fingerprint = Int64(line.dropFirst(14))
            }
        }
        return vectors
    }

    func testEveryVectorGivesItsCanonicalFormAndFingerprint() throws {
        let vectors = try Self.vectors()
        XCTAssertGreaterThanOrEqual(vectors.count, 34, "read \(Self.file.path)")
        var canonicalMatches = 0
        var fingerprintMatches = 0
        var rejectedStrictly: [String] = []
        for vector in vectors {
            let schema: AvroSchema
            do {
                schema = try AvroSchema.parse(text: vector.input)
            } catch let error as AvroSchemaError {
                // A default that does not match its field's type: refused unless asked not to.
                XCTAssertTrue(
                    error.message.hasPrefix("invalid default"), "\(vector.number): \(error)")
                rejectedStrictly.append("\(vector.number) (\(error))")
                schema = try AvroSchema.parse(text: vector.input, validatingDefaults: false)
            }
            if let canonical = vector.canonical {
                XCTAssertEqual(schema.canonicalForm, canonical, "vector \(vector.number)")
                if schema.canonicalForm == canonical { canonicalMatches += 1 }
            }
            if let fingerprint = vector.fingerprint {
                XCTAssertEqual(Int64(bitPattern: schema.fingerprint), fingerprint, vector.number)
                if Int64(bitPattern: schema.fingerprint) == fingerprint { fingerprintMatches += 1 }
            }
        }
        let withFingerprint = vectors.filter { $0.fingerprint != nil }.count
        print(
            """
            Avro schema vectors: \(vectors.count) read, \(canonicalMatches) canonical forms and \
            \(fingerprintMatches)/\(withFingerprint) fingerprints match; \
            rejected by default validation: \(rejectedStrictly.joined(separator: "; "))
            """)
    }

    func testLibavroReadsEveryCanonicalFormButTheEmptyUnion() throws {
        for vector in try Self.vectors() {
            let schema = try AvroSchema.parse(text: vector.input, validatingDefaults: false)
            switch schema.native {
            case .success: XCTAssertNotEqual(schema.canonicalForm, "[]")
            case .failure(let problem):
                XCTAssertEqual(schema.canonicalForm, "[]", "\(vector.number): \(problem.reason)")
            }
        }
    }
}
