import CAvro

/// libavro's own verdict on a writer/reader pair, from `avro_resolved_writer_new`: a second
/// opinion on `AvroCompatibility`, used by the tests.
///
/// Caveats of libavro 1.11.1, each with its consequence:
/// - It knows no field defaults, no aliases and no string ↔ bytes promotion: it refuses pairs
///   that need them, where Avro (and `AvroCompatibility`) accept them.
/// - It checks writer union branches and enum symbols only when a value arrives: it accepts
///   pairs that `AvroCompatibility` reports as `union-branch-missing` or `enum-symbol-missing`.
/// - It crashes the process (a null dereference) when array items or map values do not
///   resolve. Such pairs are never handed to it: `verdict` answers `.notAsked` instead.
enum LibAvroResolution {
    enum Verdict: Equatable {
        case resolves
        case fails(String)
        case notAsked(String)
    }

    static func verdict(writer: AvroSchema, reader: AvroSchema) -> Verdict {
        guard case .success(let writerNative) = writer.native,
            case .success(let readerNative) = reader.native
        else { return .notAsked("libavro cannot hold one of the schemas") }
        var guardWalk = ElementGuard(writer: writer, reader: reader)
        if guardWalk.crashes(writer.root, reader.root) {
            return .notAsked("array items or map values do not resolve, which crashes libavro")
        }
        return libavroLock.withLock { _ in
            guard let resolver = avro_resolved_writer_new(writerNative.schema, readerNative.schema)
            else { return .fails(LibAvroSchema.lastError()) }
            hubsh_avro_value_iface_decref(resolver)
            return .resolves
        }
    }

    /// Finds the array and map pairs libavro would try to resolve, and whether any of them has
    /// elements that do not resolve.
    private struct ElementGuard {
        let writer: AvroSchema
        let reader: AvroSchema
        var visited: Set<[String]> = []

        mutating func crashes(_ writerType: AvroType, _ readerType: AvroType) -> Bool {
            let writerType = writer.resolve(writerType).underlying
            let readerType = reader.resolve(readerType).underlying
            switch (writerType, readerType) {
            case (.union(let branches), _):
                return branches.contains { crashes($0, readerType) }
            case (_, .union(let branches)):
                return branches.contains { crashes(writerType, $0) }
            case (.array(let writerItems), .array(let readerItems)):
                return elementsFail(writerItems, readerItems) || crashes(writerItems, readerItems)
            case (.map(let writerValues), .map(let readerValues)):
                return elementsFail(writerValues, readerValues)
                    || crashes(writerValues, readerValues)
            case (.record(let writerRecord), .record(let readerRecord)):
                let key = [writerRecord.name.fullName, readerRecord.name.fullName]
                guard visited.insert(key).inserted else { return false }
                return readerRecord.fields.contains { field in
                    guard let source = writerRecord.fields.first(where: { $0.name == field.name })
                    else { return false }
                    return crashes(source.type, field.type)
                }
            default:
                return false
            }
        }

        /// Whether the element pair fails to resolve, judged by our own check.
        private func elementsFail(_ writerType: AvroType, _ readerType: AvroType) -> Bool {
            var check = AvroResolutionCheck(
                writer: writer, reader: reader, roots: (writerType, readerType))
            check.run()
            return !check.findings.isEmpty
        }
    }
}
