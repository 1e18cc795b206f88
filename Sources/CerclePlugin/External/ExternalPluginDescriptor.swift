import CercleCore
import Foundation

/// What an external plugin says about itself when run with `--describe`: one JSON object
/// (see PLUGINS.md and `Docs/plugin-protocol.schema.json`).
///
/// ```json
/// {"name": "badgescan", "version": "1.0.0", "protocol": 1, "import": true, "export": false,
///  "formats": [{"id": "badgescan", "name": "Event badge scans (CSV)", "extensions": ["csv"],
///               "sniff": ["^scan_time,booth,badge_id"]}]}
/// ```
public struct ExternalPluginDescriptor: Sendable, Equatable {
    /// One format the plugin reads or writes.
    public struct Format: Sendable, Equatable {
        /// The format id (`--format`), lower case letters, digits and `-`.
        public var id: String
        /// A human name.
        public var name: String
        /// File extensions without the dot, lower case.
        public var extensions: [String]
        /// Regular expressions; a file whose first non-empty line matches one is certainly
        /// this format, a file matching none is not (when the list is not empty).
        public var sniff: [String]

        public init(id: String, name: String, extensions: [String], sniff: [String] = []) {
            self.id = id
            self.name = name
            self.extensions = extensions
            self.sniff = sniff
        }
    }

    /// The plugin's name: the `NAME` of `cercle-plugin-NAME`.
    public var name: String
    /// The plugin's own version.
    public var version: String
    /// The protocol version it speaks.
    public var protocolVersion: Int
    /// Whether it imports (`cercle-plugin-NAME import FILE`).
    public var imports: Bool
    /// Whether it exports (`cercle-plugin-NAME export OUT`).
    public var exports: Bool
    /// Whether ids in its records name the same person across files (`global`) or only
    /// within the file (`local`, the default; persons then merge on identity keys).
    public var idScope: GraphBuilder.IDScope
    /// The formats, at least one.
    public var formats: [Format]

    public init(
        name: String, version: String, protocolVersion: Int, imports: Bool, exports: Bool,
        idScope: GraphBuilder.IDScope = .local, formats: [Format]
    ) {
        self.name = name
        self.version = version
        self.protocolVersion = protocolVersion
        self.imports = imports
        self.exports = exports
        self.idScope = idScope
        self.formats = formats
    }

    /// Parses and validates a descriptor.
    ///
    /// - Throws: a one-line reason (``DescriptorError``) when a member is missing, has the
    ///   wrong type or value, or the protocol version is not one this Cercle speaks.
    public static func parse(_ text: String) throws -> ExternalPluginDescriptor {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch let error as JSONParseError {
            throw DescriptorError("--describe did not print JSON (\(error.description))")
        }
        guard value.objectValue != nil else { throw DescriptorError("--describe must print a JSON object") }
        func string(_ key: String) throws -> String {
            guard let text = value[key]?.stringValue, !text.isEmpty else {
                throw DescriptorError("descriptor without a \"\(key)\" string")
            }
            return text
        }
        let name = try string("name")
        let version = try string("version")
        guard let protocolNumber = value["protocol"]?.doubleValue, protocolNumber == protocolNumber.rounded() else {
            throw DescriptorError("descriptor without an integer \"protocol\" version")
        }
        let protocolVersion = Int(protocolNumber)
        guard (1...CercleVersion.protocolVersion).contains(protocolVersion) else {
            throw DescriptorError(
                "speaks protocol version \(protocolVersion); this Cercle speaks \(CercleVersion.protocolVersion)")
        }
        let imports = value["import"]?.boolValue ?? false
        let exports = value["export"]?.boolValue ?? false
        guard imports || exports else { throw DescriptorError("descriptor says neither \"import\" nor \"export\" is true") }
        var scope = GraphBuilder.IDScope.local
        if let ids = value["ids"] {
            switch ids.stringValue {
            case "global": scope = .global
            case "local": scope = .local
            default: throw DescriptorError("\"ids\" is \"global\" or \"local\"")
            }
        }
        guard let list = value["formats"]?.arrayValue, !list.isEmpty else {
            throw DescriptorError("descriptor without a non-empty \"formats\" list")
        }
        var formats: [Format] = []
        for (index, item) in list.enumerated() {
            guard let id = item["id"]?.stringValue, isValidID(id) else {
                throw DescriptorError("formats[\(index)] needs an \"id\" of lower-case letters, digits and '-'")
            }
            let extensions = item["extensions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for fileExtension in extensions where fileExtension.isEmpty || fileExtension.hasPrefix(".")
                || fileExtension != fileExtension.lowercased() {
                throw DescriptorError("format \(id): extension '\(fileExtension)' must be lower case, without the dot")
            }
            let sniff = item["sniff"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for pattern in sniff {
                do {
                    _ = try NSRegularExpression(pattern: pattern)
                } catch {
                    throw DescriptorError("format \(id): sniff pattern '\(pattern)' is not a valid regular expression")
                }
            }
            formats.append(Format(id: id, name: item["name"]?.stringValue ?? id, extensions: extensions, sniff: sniff))
        }
        return ExternalPluginDescriptor(
            name: name, version: version, protocolVersion: protocolVersion, imports: imports, exports: exports,
            idScope: scope, formats: formats)
    }

    /// Whether `id` is a valid format or plugin name.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// The descriptor as JSON, in the shape `--describe` prints.
    public var json: JSONValue {
        .object([
            ("name", .string(name)), ("version", .string(version)), ("protocol", .integer(protocolVersion)),
            ("import", .bool(imports)), ("export", .bool(exports)),
            ("ids", .string(idScope == .global ? "global" : "local")),
            ("formats", .array(formats.map { format in
                .object([
                    ("id", .string(format.id)), ("name", .string(format.name)),
                    ("extensions", .array(format.extensions.map(JSONValue.string))),
                    ("sniff", .array(format.sniff.map(JSONValue.string))),
                ])
            })),
        ])
    }
}
