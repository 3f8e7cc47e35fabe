import CAvro
import Synchronization

/// Every call into libavro holds this lock: the Debian build keeps its last error message in one
/// process-wide buffer (it is built without its THREADSAFE option), so concurrent calls would mix
/// up messages, and the cached value of a `LibAvroSchema` is reused between encodings.
let libavroLock = Mutex(())

/// Why a schema has no libavro counterpart, so its values cannot be encoded.
struct AvroNativeUnavailable: Error, Sendable, Equatable {
    var reason: String
}

/// A schema in libavro: the `avro_schema_t`, the generic value class made from it
/// (`avro_generic_class_from_schema`) and one value of that class, reset and refilled for each
/// encoding. Built from the Parsing Canonical Form, which libavro reads as an ordinary schema;
/// logical types, defaults and aliases do not matter for the bytes. Released with
/// `avro_value_decref`, `avro_value_iface_decref` and `avro_schema_decref`.
final class LibAvroSchema: @unchecked Sendable {
    let schema: avro_schema_t
    let valueClass: UnsafeMutablePointer<avro_value_iface_t>
    /// Guarded by `libavroLock`.
    var value: avro_value_t

    private init(
        schema: avro_schema_t, valueClass: UnsafeMutablePointer<avro_value_iface_t>,
        value: avro_value_t
    ) {
        self.schema = schema
        self.valueClass = valueClass
        self.value = value
    }

    /// Parses `canonicalForm` with `avro_schema_from_json_length` and prepares a value.
    static func make(canonicalForm: String) -> Result<LibAvroSchema, AvroNativeUnavailable> {
        libavroLock.withLock { _ in
            var schema: avro_schema_t?
            let status = canonicalForm.withCString { text in
                avro_schema_from_json_length(text, canonicalForm.utf8.count, &schema)
            }
            guard status == 0, let schema else {
                return .failure(
                    AvroNativeUnavailable(
                        reason: "libavro rejects the schema: "
                            + lastError()))
            }
            guard let valueClass = avro_generic_class_from_schema(schema) else {
                let reason = "libavro cannot make values of the schema: " + lastError()
                avro_schema_decref(schema)
                return .failure(AvroNativeUnavailable(reason: reason))
            }
            var value = avro_value_t()
            guard avro_generic_value_new(valueClass, &value) == 0 else {
                let reason = "libavro cannot make a value of the schema: " + lastError()
                hubsh_avro_value_iface_decref(valueClass)
                avro_schema_decref(schema)
                return .failure(AvroNativeUnavailable(reason: reason))
            }
            return .success(LibAvroSchema(schema: schema, valueClass: valueClass, value: value))
        }
    }

    deinit {
        libavroLock.withLock { _ in
            avro_value_decref(&value)
            hubsh_avro_value_iface_decref(valueClass)
            avro_schema_decref(schema)
        }
    }

    /// libavro's message for the last failure (`avro_strerror`); call with the lock held.
    static func lastError() -> String {
        guard let text = avro_strerror() else { return "unknown error" }
        return String(cString: text)
    }
}
