/// Walks a writer schema and a reader schema together as Avro's schema resolution would, and
/// collects every place where resolution fails instead of stopping at the first.
struct AvroResolutionCheck {
    let writer: AvroSchema
    let reader: AvroSchema
    private(set) var findings: [AvroIncompatibility] = []
    /// Record pairs already walked (writer name, reader name), so recursive types end.
    private var visited: Set<[String]> = []

    /// The types to start from; the schemas' roots unless a part is checked on its own.
    private let roots: (writer: AvroType, reader: AvroType)

    init(writer: AvroSchema, reader: AvroSchema, roots: (AvroType, AvroType)? = nil) {
        self.writer = writer
        self.reader = reader
        self.roots = roots ?? (writer.root, reader.root)
    }

    mutating func run() {
        check(roots.writer, roots.reader, at: AvroPath())
    }

    private mutating func check(_ writerType: AvroType, _ readerType: AvroType, at path: AvroPath) {
        let writerType = writer.resolve(writerType).underlying
        let readerType = reader.resolve(readerType).underlying
        switch (writerType, readerType) {
        case (.union(let writerBranches), _):
            for branch in writerBranches {
                let resolvedBranch = writer.resolve(branch).underlying
                let branchPath = path.appending(resolvedBranch.typeName)
                if case .union(let readerBranches) = readerType {
                    guard let match = bestMatch(for: resolvedBranch, in: readerBranches) else {
                        report(
                            .unionBranchMissing, branchPath,
                            "writer union branch"
                                + " \(resolvedBranch.typeName) has no matching branch in the reader"
                                + " union \(names(readerBranches))")
                        continue
                    }
                    check(resolvedBranch, match, at: branchPath)
                } else if matches(resolvedBranch, readerType) {
                    check(resolvedBranch, readerType, at: branchPath)
                } else {
                    report(
                        .unionBranchMissing, branchPath,
                        "writer union branch"
                            + " \(resolvedBranch.typeName) cannot be read as the reader's"
                            + " \(readerType.typeName)")
                }
            }
        case (_, .union(let readerBranches)):
            guard let match = bestMatch(for: writerType, in: readerBranches) else {
                report(
                    .unionBranchMissing, path,
                    "the reader union \(names(readerBranches)) has"
                        + " no branch for the writer's \(writerType.typeName)")
                return
            }
            check(writerType, match, at: path)
        case (.record(let writerRecord), .record(let readerRecord)):
            guard namesMatch(writerRecord.name, readerRecord.name, aliases: readerRecord.aliases)
            else { return reportNames("record", writerRecord.name, readerRecord.name, path) }
            guard visited.insert([writerRecord.name.fullName, readerRecord.name.fullName]).inserted
            else { return }
            checkFields(writerRecord, readerRecord, at: path)
        case (.enumeration(let writerEnum), .enumeration(let readerEnum)):
            guard namesMatch(writerEnum.name, readerEnum.name, aliases: readerEnum.aliases)
            else { return reportNames("enum", writerEnum.name, readerEnum.name, path) }
            guard readerEnum.defaultSymbol == nil else { return }
            for symbol in writerEnum.symbols where !readerEnum.symbols.contains(symbol) {
                report(
                    .enumSymbolMissing, path,
                    "writer symbol '\(symbol)' of enum"
                        + " \(writerEnum.name) is not in the reader's symbols, and the reader enum"
                        + " has no default")
            }
        case (.fixed(let writerFixed), .fixed(let readerFixed)):
            guard namesMatch(writerFixed.name, readerFixed.name, aliases: readerFixed.aliases)
            else { return reportNames("fixed", writerFixed.name, readerFixed.name, path) }
            if writerFixed.size != readerFixed.size {
                report(
                    .fixedSizeMismatch, path,
                    "fixed \(readerFixed.name) is \(writerFixed.size) bytes in the writer and"
                        + " \(readerFixed.size) in the reader")
            }
        case (.array(let writerItems), .array(let readerItems)):
            check(writerItems, readerItems, at: path.appending("items"))
        case (.map(let writerValues), .map(let readerValues)):
            check(writerValues, readerValues, at: path.appending("values"))
        default:
            if writerType != readerType && !Self.promotes(writerType, to: readerType) {
                report(
                    .typeMismatch, path,
                    "the writer's \(writerType.typeName) cannot be read as"
                        + " the reader's \(readerType.typeName)")
            }
        }
    }

    private mutating func checkFields(
        _ writerRecord: AvroRecord, _ readerRecord: AvroRecord, at path: AvroPath
    ) {
        for field in readerRecord.fields {
            let fieldPath = path.appending("fields").appending(field.name)
            let source =
                writerRecord.fields.first { $0.name == field.name }
                ?? writerRecord.fields.first { field.aliases.contains($0.name) }
            if let source {
                check(source.type, field.type, at: fieldPath)
            } else if field.defaultValue == nil {
                report(
                    .fieldAddedWithoutDefault, fieldPath,
                    "reader field '\(field.name)' of"
                        + " record \(readerRecord.name) is not in the writer's record and has no"
                        + " default")
            }
        }
    }

    // MARK: - Matching

    /// The reader branch the writer type resolves to: the first of the same type, else the
    /// first it can be promoted to.
    private func bestMatch(for writerType: AvroType, in branches: [AvroType]) -> AvroType? {
        let resolved = branches.map { reader.resolve($0).underlying }
        return resolved.first { sameKind(writerType, $0) }
            ?? resolved.first { matches(writerType, $0) }
    }

    private func sameKind(_ writerType: AvroType, _ readerType: AvroType) -> Bool {
        matches(writerType, readerType) && !Self.promotes(writerType, to: readerType)
    }

    /// Whether the two types match at the top: same kind (and name, for named types), or a
    /// promotion; deeper differences are for `check`.
    private func matches(_ writerType: AvroType, _ readerType: AvroType) -> Bool {
        switch (writerType, readerType) {
        case (.record(let w), .record(let r)): return namesMatch(w.name, r.name, aliases: r.aliases)
        case (.enumeration(let w), .enumeration(let r)):
            return namesMatch(w.name, r.name, aliases: r.aliases)
        case (.fixed(let w), .fixed(let r)): return namesMatch(w.name, r.name, aliases: r.aliases)
        case (.array, .array), (.map, .map): return true
        case (.union, _), (_, .union): return false
        default: return writerType == readerType || Self.promotes(writerType, to: readerType)
        }
    }

    /// Same full name, same unqualified name (as the specification allows), or the writer's
    /// name among the reader's aliases.
    private func namesMatch(_ writerName: AvroName, _ readerName: AvroName, aliases: [AvroName])
        -> Bool
    {
        writerName.name == readerName.name || aliases.contains(writerName)
    }

    /// int → long, float, double; long → float, double; float → double; string ↔ bytes.
    static func promotes(_ writerType: AvroType, to readerType: AvroType) -> Bool {
        switch (writerType, readerType) {
        case (.int, .long), (.int, .float), (.int, .double), (.long, .float), (.long, .double),
            (.float, .double), (.string, .bytes), (.bytes, .string):
            return true
        default:
            return false
        }
    }

    // MARK: - Reporting

    private mutating func reportNames(
        _ kind: String, _ writerName: AvroName, _ readerName: AvroName, _ path: AvroPath
    ) {
        report(
            .nameMismatch, path,
            "the writer's \(kind) \(writerName) is the reader's"
                + " \(readerName): names differ and no reader alias names \(writerName)")
    }

    private mutating func report(
        _ rule: AvroIncompatibility.Rule, _ path: AvroPath, _ message: String
    ) {
        findings.append(AvroIncompatibility(rule: rule, path: path.description, message: message))
    }

    private func names(_ branches: [AvroType]) -> String {
        "[" + branches.map { reader.resolve($0).underlying.typeName }.joined(separator: ", ") + "]"
    }
}
