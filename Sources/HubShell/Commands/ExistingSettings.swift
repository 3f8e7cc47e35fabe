/// How a `create ... --if-not-exists` that found its subject already there reports it.
///
/// Only the settings a person gave are compared: `hub create orders --if-not-exists` asks for
/// no partition count, so any count is fine. When one differs, the line is a warning that names
/// each difference, since the script goes on with settings it did not ask for:
/// `hub 'orders' already exists with 4 partitions and retention 1d (asked: 8, 7d); left as it is`.
struct ExistingSettings {
    /// `hub 'orders'`, `schema group 'commerce'`.
    let subject: String
    /// How each differing setting is now (`4 partitions`), and what was asked (`8`).
    private(set) var existing: [String] = []
    private(set) var asked: [String] = []
    /// How to get what was asked, where the differing settings can be changed: `change it
    /// with 'hub set orders --retention 7d'`. Added to the warning after `left as it is`.
    var fix: String?

    init(_ subject: String) {
        self.subject = subject
    }

    /// Notes a setting when it was given and differs from what exists.
    mutating func compare<Value: Equatable>(
        _ current: Value, asked wanted: Value?, describe: (Value) -> String,
        askedText: (Value) -> String
    ) {
        guard let wanted, wanted != current else { return }
        existing.append(describe(current))
        asked.append(askedText(wanted))
    }

    /// One line: a plain one when nothing differs, a warning naming the differences if not.
    func report(to output: Output) {
        guard !existing.isEmpty else {
            output.line("\(subject) already exists; left as it is")
            return
        }
        output.warning(
            "\(subject) already exists with \(ExistingSettings.list(existing)) (asked:"
                + " \(asked.joined(separator: ", "))); left as it is"
                + (fix.map { "; \($0)" } ?? ""))
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
