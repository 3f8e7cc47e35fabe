import HubCore
import HubSchema

/// Shows Avro events as JSON: `read` and `tail` pass each event through `display`.
///
/// An event whose content type is `avro/binary+<schema id>` is decoded with that schema version
/// (compiled once, from the shell's cache) and shown with its JSON body; the content type stays
/// as stored, so the reader sees the event was Avro. With `raw`, or when the schema id is not
/// in this namespace or the bytes do not decode, the stored bytes are shown as they are.
struct AvroBodies {
    let context: ShellContext
    let raw: Bool

    static let flag = Flag("--raw", "show Avro event bodies as stored bytes, not decoded JSON")

    init(_ arguments: Arguments, context: ShellContext) {
        self.init(raw: arguments.has("--raw"), context: context)
    }

    init(raw: Bool, context: ShellContext) {
        self.context = context
        self.raw = raw
    }

    func display(_ event: ReceivedEvent) -> ReceivedEvent {
        guard !raw, let id = AvroContentType.schemaId(in: event.data.contentType),
              let registry = context.log as? SchemaRegistry,
              let schema = try? context.schemas.compiled(id: id, registry: registry),
              case .avro(let avro) = schema.form,
              let json = try? AvroDecoder.decode(event.data.body, as: avro)
        else { return event }
        var shown = event
        shown.data.body = Array(json.text.utf8)
        return shown
    }
}
