import Foundation
import HubCore
import HubSchema

/// The shell's view of the schema registry: versions compiled once per process, by schema id.
///
/// JSON schemas of a group are known to each other by `$id`: every registered schema is held at
/// `https://hubsh.invalid/schemas/GROUP/NAME` (nothing is fetched; `.invalid` is never a real
/// host), so `"$id": "common/user.schema.json"` becomes
/// `https://hubsh.invalid/schemas/GROUP/common/user.schema.json` and a `$ref` to
/// `../common/user.schema.json` from another schema of the group finds it.
///
/// Caveat: a compiled schema keeps the referenced schemas it was compiled with; a new version
/// of a referenced schema is seen by processes started after it was registered.
///
/// Used from the shell's thread and from plugin hosts; a lock guards the cache.
final class SchemaCatalog: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: CompiledEventSchema] = [:]

    /// The base URI of group `group`'s schemas.
    static func baseURI(group: String) -> String { "https://hubsh.invalid/schemas/\(group)/" }

    /// The URI schema `name` of `group` is registered at (its `$id` resolves against it).
    static func uri(group: String, name: String) -> String { baseURI(group: group) + name }

    /// The registry behind the shell's log.
    static func registry(_ context: ShellContext) throws -> SchemaRegistry {
        guard let registry = context.log as? SchemaRegistry else {
            throw SchemaCommandError.noRegistry
        }
        return registry
    }

    /// The version asked for with `--version`: a number, or nil for the latest (the flag
    /// left out, or given as `latest`, the word its help names as the default).
    static func requestedVersion(_ arguments: Arguments) throws -> Int? {
        if arguments.string("--version") == "latest" { return nil }
        return try arguments.int("--version", range: 1...Int.max)
    }

    /// `version` compiled, from the cache when it was compiled before.
    func compiled(_ version: SchemaVersion, registry: SchemaRegistry) throws
        -> CompiledEventSchema
    {
        lock.lock()
        let cached = compiled[version.id]
        lock.unlock()
        if let cached { return cached }

        let group = try registry.schemaGroup(named: version.group)
        let definition = try SchemaDefinition.parse(
            version.definition, format: group.format, source: version.qualifiedName)
        let form = try compile(
            definition, name: version.name, group: group, registry: registry, files: nil)
        let result = CompiledEventSchema(version: version, form: form)
        lock.lock()
        compiled[version.id] = result
        lock.unlock()
        return result
    }

    /// The version with schema id `id`, compiled.
    func compiled(id: String, registry: SchemaRegistry) throws -> CompiledEventSchema {
        lock.lock()
        let cached = compiled[id]
        lock.unlock()
        if let cached { return cached }
        return try compiled(try registry.schema(id: id), registry: registry)
    }

    /// Compiles `definition` as schema `name` of `group`. `$ref`s resolve against the group's
    /// registered JSON schemas, then (with `files`) against files next to the one registered.
    func compile(
        _ definition: SchemaDefinition, name: String, group: SchemaGroup,
        registry: SchemaRegistry, files: SchemaFileNeighbours?
    ) throws -> CompiledEventSchema.Form {
        switch definition {
        case .avro(let schema):
            return .avro(schema)
        case .json(let json):
            var known = JSONSchemaRegistry()
            for other in try registry.latestSchemas(group: group.name) where other.name != name {
                guard let value = try? JSONValue.parse(other.definition) else { continue }
                let uri = Self.uri(group: group.name, name: other.name)
                _ = try? known.register(value, baseURI: uri)
            }
            var resolvers: [any JSONSchemaResolver] = [known]
            if let files { resolvers.append(files) }
            let resolver = JSONSchemaResolverChain(resolvers)
            let compiler = JSONSchemaCompiler(resolver: resolver)
            let schema: CompiledJSONSchema
            do {
                schema = try compiler.compile(
                    json, baseURI: Self.uri(group: group.name, name: name))
            } catch JSONSchemaError.unresolvableReference(let reference, let uri, let location) {
                // Registered schemas compile again here; a reference that resolved from a file
                // at registration fails now if that file was never registered itself.
                let document = String(uri.prefix { $0 != "#" })
                throw SchemaCommandError.unresolvedReference(
                    source: "\(group.name)/\(name)", registering: files != nil,
                    reference: reference, in: Self.shortened(location, group: group.name),
                    missing: (try? resolver.document(at: document)) == nil
                        ? Self.shortened(document, group: group.name) : nil,
                    group: group.name)
            } catch JSONSchemaError.unsupportedPattern(let pattern, let location, let reason,
                                                       let offset) {
                throw SchemaCommandError.unsupportedPattern(
                    source: "\(group.name)/\(name)", registering: files != nil,
                    pattern: pattern, in: Self.shortened(location, group: group.name),
                    reason: "at character \(offset + 1) it has \(reason)")
            } catch let error as JSONSchemaError {
                throw SchemaCommandError.notASchema(
                    source: "\(group.name)/\(name)", reason: error.description)
            }
            return .json(schema, JSONSchemaValidationOptions(
                maxErrors: 20, assertFormats: group.assertFormats))
        }
    }

    /// `uri` relative to `group`'s base URI when it is under it (`common/user.json`, the
    /// `$id` that finds it), else whole.
    static func shortened(_ uri: String, group: String) -> String {
        let base = baseURI(group: group)
        return uri.hasPrefix(base) ? String(uri.dropFirst(base.count)) : uri
    }

    /// A resolver that reads `$ref`ed documents from files near `file`, for `schema register`
    /// of a schema whose references are not registered yet.
    static func fileResolver(for file: String, group: String) -> SchemaFileNeighbours {
        SchemaFileNeighbours(file: file, baseURI: baseURI(group: group))
    }
}
