import HubCore

/// The `publish --json` lines of one chunk of input, in the order of the input, so that a
/// script can tell what became of each event it gave.
///
/// A stored event prints `{"partition","sequenceNumber","offset","enqueuedTime"}` as it always
/// has. An event that failed the hub's schema and went to its dead-letter hub prints where it
/// went there, which event of the input it was, and why:
///
///     {"deadLettered":true,"event":3,"line":4,"hub":"orders.deadletter","partition":"1",
///      "sequenceNumber":7,"offset":512,"enqueuedTime":"…","errors":[{"instancePath",…}]}
///
/// `event` counts from 1 over the whole input; `line` is the line of `--file` the event was
/// on (only with `--file`: empty lines are skipped); `errors` are as `schema validate --json`
/// gives them. The dead letters of a chunk are appended before its valid events, but each
/// line waits until the stored events before it in the input are printed.
struct PublishRecords {
    /// A dead-letter line not printed yet, with the event's position in the chunk.
    private var waiting: [(position: Int, record: JSONValue)]
    private var printed = 0
    private let output: Output

    /// The lines of the dead letters `letters` of a chunk whose first event is event `start`
    /// (from 0) of the input; they landed in `deadLetterHub` at `landed`, in the same order.
    init(
        start: Int, lines: [Int]?, letters: [SchemaEnforcement.InvalidEvent],
        landed: [EventMetadata], deadLetterHub: String, output: Output
    ) {
        self.output = output
        waiting = zip(letters, landed).map { letter, metadata in
            let index = start + letter.position
            var members: [(String, JSONValue)] = [
                ("deadLettered", .bool(true)), ("event", .int(index + 1)),
            ]
            if let lines, index < lines.count { members.append(("line", .int(lines[index]))) }
            members.append(("hub", .string(deadLetterHub)))
            if case .object(let location) = EventJSON.published(metadata) {
                members += location
            }
            members.append(("errors", .array(letter.problems.map(ProblemJSON.make))))
            return (letter.position, .object(members))
        }
    }

    /// Prints the line of a stored event that was at `position` in the chunk, after the
    /// dead-letter lines of the events before it.
    mutating func stored(_ metadata: EventMetadata, position: Int) {
        printWaiting(before: position)
        output.json(EventJSON.published(metadata))
    }

    /// Prints the dead-letter lines still waiting: those after the chunk's last stored event,
    /// or all of them when its valid events did not land (Ctrl-C, an error).
    mutating func finish() {
        printWaiting(before: Int.max)
        output.standardOutput.flush()
    }

    private mutating func printWaiting(before position: Int) {
        while printed < waiting.count && waiting[printed].position < position {
            output.json(waiting[printed].record)
            printed += 1
        }
    }
}
