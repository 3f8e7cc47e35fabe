/// The rules the compatibility check applies, each with a stable id, the direction it breaks,
/// and what it means. The check is conservative: a change it cannot prove safe is reported.
///
/// "Narrowed" means the new schema accepts less than the old one at that place (old data may
/// be rejected: backward compatibility breaks); "widened" means it accepts more (new data may
/// be rejected by old readers: forward compatibility breaks). A rule whose `breaks` is `.full`
/// is reported in whichever direction is checked.
extension JSONSchemaCompatibility {
    public struct Rule: Sendable, Equatable {
        public let id: String
        public let breaks: Direction
        public let summary: String

        public static let all: [Rule] = [
            rule("false-schema-added", .backward, "a subschema became false: nothing is accepted"),
            rule("false-schema-removed", .forward, "a false subschema now accepts values"),
            rule("type-narrowed", .backward, "a type is no longer allowed (or type was added)"),
            rule("type-widened", .forward, "a type is newly allowed (or type was removed)"),
            rule("enum-narrowed", .backward, "an allowed value was removed (or enum/const added)"),
            rule("enum-widened", .forward, "a value was added (or enum/const removed)"),
            rule("range-narrowed", .backward, "minimum raised or maximum lowered (or added)"),
            rule("range-widened", .forward, "minimum lowered or maximum raised (or removed)"),
            rule("multipleOf-narrowed", .backward,
                 "the old multipleOf is not a multiple of the new"),
            rule("multipleOf-widened", .forward, "the new multipleOf is not a multiple of the old"),
            rule("length-narrowed", .backward, "minLength raised or maxLength lowered (or added)"),
            rule("length-widened", .forward, "minLength lowered or maxLength raised (or removed)"),
            rule("pattern-added", .backward, "a pattern now constrains the string"),
            rule("pattern-removed", .forward, "the pattern no longer constrains the string"),
            rule("pattern-changed", .full, "the pattern changed"),
            rule("format-added", .backward, "a format now constrains the string"),
            rule("format-removed", .forward, "the format no longer constrains the string"),
            rule("format-changed", .full, "the format changed"),
            rule("item-count-narrowed", .backward,
                 "minItems raised or maxItems lowered (or added)"),
            rule("item-count-widened", .forward,
                 "minItems lowered or maxItems raised (or removed)"),
            rule("unique-items-added", .backward, "items must now be unique"),
            rule("unique-items-removed", .forward, "items no longer need to be unique"),
            rule("property-count-narrowed", .backward,
                 "minProperties raised or maxProperties lowered (or added)"),
            rule("property-count-widened", .forward,
                 "minProperties lowered or maxProperties raised (or removed)"),
            rule("required-added", .backward, "a property became required"),
            rule("required-removed", .forward, "a property is no longer required"),
            rule("dependent-required-added", .backward,
                 "a property became required when another is present"),
            rule("dependent-required-removed", .forward,
                 "a property is no longer required when another is present"),
            rule("property-added-to-open-model", .backward,
                 "a constrained property was declared where any value was allowed"),
            rule("property-removed-from-open-model", .forward,
                 "a constrained property was dropped from a schema that allows any other property"),
            rule("property-removed-from-closed-model", .backward,
                 "a property was dropped from a schema with additionalProperties false"),
            rule("property-added-to-closed-model", .forward,
                 "a property was added to a schema with additionalProperties false"),
            rule("additional-properties-narrowed", .backward,
                 "additionalProperties was closed or constrained"),
            rule("additional-properties-widened", .forward,
                 "additionalProperties was opened or relaxed"),
            rule("unanalyzable-change", .full,
                 "a change the checker cannot reason about (anyOf/oneOf/not/if/patternProperties/"
                    + "tuples/external $ref...)"),
        ]

        private static func rule(_ id: String, _ breaks: Direction, _ summary: String) -> Rule {
            Rule(id: id, breaks: breaks, summary: summary)
        }
    }
}
