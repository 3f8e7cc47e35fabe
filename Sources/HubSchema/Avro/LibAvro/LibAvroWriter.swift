import CAvro

/// Writes an `AvroDatum` as Avro binary through libavro's value interface: fills the schema's
/// generic value (`avro_value_set_*`, `avro_value_append`, `avro_value_add`,
/// `avro_value_set_branch`), sizes it with `avro_value_sizeof` and serializes it with
/// `avro_value_write` into a memory writer.
enum LibAvroWriter {
    static func encode(_ datum: AvroDatum, with native: LibAvroSchema) throws -> [UInt8] {
        try libavroLock.withLock { _ in
            try check(hubsh_avro_value_reset(&native.value), "reset the value")
            try fill(&native.value, with: datum)

            var size = 0
            try check(avro_value_sizeof(&native.value, &size), "size the value")
            var bytes = [UInt8](repeating: 0, count: size)
            guard size > 0 else { return bytes }
            try bytes.withUnsafeMutableBufferPointer { buffer in
                let raw = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                guard let writer = avro_writer_memory(raw, Int64(size)) else {
                    throw failure("make a memory writer")
                }
                defer { avro_writer_free(writer) }
                try check(avro_value_write(writer, &native.value), "write the value")
            }
            return bytes
        }
    }

    private static func fill(_ value: inout avro_value_t, with datum: AvroDatum) throws {
        switch datum {
        case .null:
            try check(hubsh_avro_value_set_null(&value), "set null")
        case .boolean(let flag):
            try check(hubsh_avro_value_set_boolean(&value, flag ? 1 : 0), "set a boolean")
        case .int(let number):
            try check(hubsh_avro_value_set_int(&value, number), "set an int")
        case .long(let number):
            try check(hubsh_avro_value_set_long(&value, number), "set a long")
        case .float(let number):
            try check(hubsh_avro_value_set_float(&value, number), "set a float")
        case .double(let number):
            try check(hubsh_avro_value_set_double(&value, number), "set a double")
        case .bytes(let bytes):
            var copy = bytes.isEmpty ? [0] : bytes
            let status = copy.withUnsafeMutableBytes { buffer in
                hubsh_avro_value_set_bytes(&value, buffer.baseAddress, bytes.count)
            }
            try check(status, "set bytes")
        case .string(let text):
            // libavro copies the given length, which must count the closing NUL.
            var utf8 = Array(text.utf8)
            utf8.append(0)
            let status = utf8.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    hubsh_avro_value_set_string_len(&value, chars.baseAddress, chars.count)
                }
            }
            try check(status, "set a string")
        case .enumSymbol(let index):
            try check(hubsh_avro_value_set_enum(&value, Int32(index)), "set an enum")
        case .fixed(let bytes):
            var copy = bytes.isEmpty ? [0] : bytes
            let status = copy.withUnsafeMutableBytes { buffer in
                hubsh_avro_value_set_fixed(&value, buffer.baseAddress, bytes.count)
            }
            try check(status, "set a fixed")
        case .record(let fields):
            for (index, field) in fields.enumerated() {
                var child = avro_value_t()
                try check(hubsh_avro_value_get_by_index(&value, index, &child), "reach a field")
                try fill(&child, with: field)
            }
        case .array(let items):
            for item in items {
                var child = avro_value_t()
                try check(hubsh_avro_value_append(&value, &child), "append an item")
                try fill(&child, with: item)
            }
        case .map(let entries):
            for entry in entries {
                var child = avro_value_t()
                try check(hubsh_avro_value_add(&value, entry.key, &child), "add a map entry")
                try fill(&child, with: entry.value)
            }
        case .union(let branch, let inner):
            var child = avro_value_t()
            try check(hubsh_avro_value_set_branch(&value, Int32(branch), &child), "pick a branch")
            try fill(&child, with: inner)
        }
    }

    private static func check(_ status: Int32, _ step: String) throws {
        guard status == 0 else { throw failure(step) }
    }

    private static func failure(_ step: String) -> AvroDatumError {
        AvroDatumError(
            path: "/", message: "libavro could not \(step): \(LibAvroSchema.lastError())")
    }
}
