import HubCore

/// Whether data written with one schema can be read with another, by Avro's schema resolution.
///
/// ```swift
/// let problems = AvroCompatibility.check(reader: v2, writer: v1)   // can v2 read v1's data?
/// for problem in problems { print(problem) }
/// // /fields/coupon: reader field 'coupon' of record Order is not in the writer's record and
/// // has no default [field-added-without-default]
/// ```
///
/// `check` is the one primitive; the registry's `CompatibilityMode`s are compositions of it:
/// backward means the new schema reads the old one's data, forward means the old schema reads
/// the new one's, full both; transitive modes compare with every earlier version.
public enum AvroCompatibility {
    /// Every incompatibility found when `reader` reads data written with `writer`; empty when
    /// the pair resolves.
    public static func check(reader: AvroSchema, writer: AvroSchema) -> [AvroIncompatibility] {
        var walk = AvroResolutionCheck(writer: writer, reader: reader)
        walk.run()
        return walk.findings
    }

    /// Every incompatibility between `new` and the `previous` versions (oldest first) that
    /// `mode` cares about; empty when `new` may be registered.
    public static func check(
        _ new: AvroSchema, against previous: [AvroSchema], mode: CompatibilityMode
    ) -> [AvroCompatibilityViolation] {
        guard mode != .none else { return [] }
        let indexed = Array(previous.enumerated())
        let compared = mode.isTransitive ? indexed[...] : indexed.suffix(1)
        var violations: [AvroCompatibilityViolation] = []
        for (index, old) in compared {
            if mode.checksBackward {
                violations += check(reader: new, writer: old).map {
                    AvroCompatibilityViolation(
                        previousIndex: index, direction: .newReadsOld, incompatibility: $0)
                }
            }
            if mode.checksForward {
                violations += check(reader: old, writer: new).map {
                    AvroCompatibilityViolation(
                        previousIndex: index, direction: .oldReadsNew, incompatibility: $0)
                }
            }
        }
        return violations
    }
}
