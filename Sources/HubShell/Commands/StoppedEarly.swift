import HubCore

/// Says that Ctrl-C stopped `publish`, `read` or `consume` before it did all it was asked, so
/// that a count on the screen or in a log is not taken for the whole.
///
///     stopped early: 1,200 of 5,000 events published
///     stopped early: 466,812 events read from hub 'orders', and more were left
///
/// For a person it is a note on stderr; with `json` scripts also get a last JSON line on
/// stdout, `{"interrupted":true,"read":466812,"requested":null}` (null: no limit was given).
enum StoppedEarly {
    /// `done` of `asked` events (nil: as many as there were) went through; `verb` says what
    /// happened to them (`published`, `read`, `consumed`) and is the JSON key of the count;
    /// `source` (`hub 'orders'`) says where from.
    static func report(
        done: Int, asked: Int?, verb: String, source: String? = nil, json: Bool,
        context: ShellContext
    ) {
        if json {
            context.output.json(.object([
                ("interrupted", .bool(true)), (verb, .int(done)),
                ("requested", asked.map { .int($0) } ?? .null),
            ]))
        }
        let events = asked.map { "\(Figures.grouped(done)) of \(Figures.grouped($0)) events" }
            ?? "\(Figures.grouped(done)) event\(done == 1 ? "" : "s")"
        let from = source.map { " from " + $0 } ?? ""
        let left = asked == nil ? ", and more were left" : ""
        context.output.note("stopped early: \(events) \(verb)\(from)\(left)")
    }
}
