/// Whether data written with one schema can be read with another, by Avro's schema resolution.
///
/// ```swift
/// let problems = AvroCompatibility.check(reader: v2, writer: v1)   // can v2 read v1's data?
/// for problem in problems { print(problem) }
/// // /fields/coupon: reader field 'coupon' of record Order is not in the writer's record and
/// // has no default [field-added-without-default]
/// ```
///
/// `check` is the one primitive; the registry's modes are compositions of it (see
/// `AvroCompatibilityMode`): backward means the new schema reads the old one's data, forward
/// means the old schema reads the new one's.
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
        _ new: AvroSchema, against previous: [AvroSchema], mode: AvroCompatibilityMode
    ) -> [AvroCompatibilityViolation] {
        let compared: ArraySlice<(offset: Int, element: AvroSchema)>
        switch mode {
        case .none: return []
        case .backward, .forward, .full: compared = Array(previous.enumerated()).suffix(1)
        case .backwardTransitive, .forwardTransitive, .fullTransitive:
            compared = Array(previous.enumerated())[...]
        }
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
