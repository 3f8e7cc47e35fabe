import HubCore

/// A schema problem as `--json` shows it.
enum ProblemJSON {
    static func make(_ problem: SchemaProblem) -> JSONValue {
        .object([
            ("instancePath", .string(problem.instancePath)),
            ("schemaPath", .string(problem.schemaPath)),
            ("keyword", .string(problem.keyword)), ("message", .string(problem.message)),
        ])
    }
}
