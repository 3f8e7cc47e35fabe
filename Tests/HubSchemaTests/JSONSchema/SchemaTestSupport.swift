import HubCore
import HubSchema
import XCTest

/// Compiles schema text and checks instance text, for short tests.
struct SchemaProbe {
    let schema: CompiledJSONSchema
    var options = JSONSchemaValidationOptions()

    init(_ schemaText: String, options: JSONSchemaValidationOptions = .init(),
         compiler: JSONSchemaCompiler = JSONSchemaCompiler()) throws {
        schema = try compiler.compile(try JSONValue.parse(schemaText))
        self.options = options
    }

    /// Whether the instance is valid; both modes must agree.
    func accepts(_ instanceText: String, file: StaticString = #filePath,
                 line: UInt = #line) -> Bool {
        guard let instance = try? JSONValue.parse(instanceText) else {
            XCTFail("instance is not JSON: \(instanceText)", file: file, line: line)
            return false
        }
        let quick = schema.isValid(instance, options: options)
        let errors = schema.validate(instance, options: options)
        XCTAssertEqual(quick, errors.isEmpty, "modes disagree on \(instanceText): \(errors)",
                       file: file, line: line)
        return quick
    }

    func errors(_ instanceText: String) -> [ValidationError] {
        guard let instance = try? JSONValue.parse(instanceText) else { return [] }
        return schema.validate(instance, options: options)
    }
}
