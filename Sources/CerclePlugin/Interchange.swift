import CercleCore
import Foundation

/// The JSON-lines interchange: Cercle's streaming format and the protocol of external
/// plugins. One JSON object per line, each with a `type`:
///
/// | type | fields |
/// |---|---|
/// | `header` | `format: "cercle-jsonl"`, `version`, `directed`, `ids: "global"\|"local"`, `name`, `node_attributes`/`edge_attributes` (name → type) |
/// | `person` | `id`, `name`, `emails`, `phones`, `urls`, `organisation`, `title`, `sector`, `location`, `categories`, `member`, `sources`, `attributes` |
/// | `tie` | `source`, `target`, `weight`, `channels`, `origin`, `since`, `attributes` |
/// | `interaction` | `channel`, `date`, `from`, `to`, `cc`, `id` |
/// | `event` | `source`, `target`, `date`, `channel`, `role`, `direction`, `share` (one interaction as one tie saw it) |
/// | `skip` | `line`, `reason`: a row of the plugin's input it could not read (counted in the report) |
/// | `note` | `text`: a remark for the import report |
///
/// Only `type` and the ids are required. Dates are ISO 8601 (`2025-12-26` or
/// `2025-12-26T09:30:00Z`). PLUGINS.md specifies the format and
/// `Docs/plugin-protocol.schema.json` validates it.
public enum Interchange {
    /// The value of the header's `format` member.
    public static let formatName = "cercle-jsonl"

    /// The record types of this protocol version.
    public static let recordTypes = ["header", "person", "tie", "interaction", "event", "skip", "note"]

    /// Reads JSON lines into an import context.
    public struct Decoder {
        var nodeTypes: [String: AttributeType] = [:]
        var edgeTypes: [String: AttributeType] = [:]
        var sawRecord = false
        /// The name of the external plugin producing the lines, for error messages.
        let plugin: String?

        public init(plugin: String? = nil) {
            self.plugin = plugin
        }

        func failure(_ reason: String, line: Int, context: ImportContext) -> ImportError {
            if let plugin { return .plugin(plugin, "line \(line): \(reason)", file: context.file, line: nil) }
            return .malformed(reason, file: context.file, line: line)
        }

        /// Decodes one line and adds its record to `context`.
        ///
        /// - Throws: ``ImportError`` for malformed JSON, an unknown record type or a
        ///   missing required field, naming the line.
        public mutating func decode(line bytes: some Collection<UInt8>, number: Int, into context: inout ImportContext) throws {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            let value: JSONValue
            do {
                value = try JSONValue.parse(bytes)
            } catch let error as JSONParseError {
                throw failure("invalid JSON at column \(error.column): \(error.reason)", line: number, context: context)
            }
            guard case .object = value else {
                throw failure("a record is a JSON object", line: number, context: context)
            }
            guard let type = value["type"]?.stringValue else {
                throw failure("record without a \"type\"", line: number, context: context)
            }
            func require(_ key: String) throws -> String {
                guard let text = value[key]?.stringValue ?? value[key].flatMap(Interchange.scalarText), !text.isEmpty else {
                    throw failure("\(type) record without \"\(key)\"", line: number, context: context)
                }
                return text
            }
            switch type {
            case "header":
                guard !sawRecord else { throw failure("the header must come first", line: number, context: context) }
                if let format = value["format"]?.stringValue, format != Interchange.formatName {
                    throw failure("format '\(format)' is not \(Interchange.formatName)", line: number, context: context)
                }
                if let version = value["version"]?.doubleValue, Int(version) > CercleVersion.protocolVersion {
                    throw failure("protocol version \(Int(version)) is newer than this Cercle's (\(CercleVersion.protocolVersion))",
                                  line: number, context: context)
                }
                if let directed = value["directed"]?.boolValue, !context.builder.declareDirected(directed) {
                    throw failure("the graph is \(directed ? "" : "un")directed but earlier sources were not", line: number, context: context)
                }
                if let ids = value["ids"]?.stringValue {
                    guard let scope = ["global": GraphBuilder.IDScope.global, "local": .local][ids] else {
                        throw failure("\"ids\" is \"global\" or \"local\", not \"\(ids)\"", line: number, context: context)
                    }
                    context.builder.setScope(scope, for: context.source)
                }
                if let name = value["name"]?.stringValue, context.builder.metadata["name"] == nil {
                    context.builder.metadata["name"] = name
                }
                let declaredNodes = try Interchange.types(value["node_attributes"]) { failure($0, line: number, context: context) }
                let declaredEdges = try Interchange.types(value["edge_attributes"]) { failure($0, line: number, context: context) }
                // Declared in the header's order, so columns keep their order through a round trip.
                for (name, type) in declaredNodes { context.builder.declareNodeAttribute(name, type: type) }
                for (name, type) in declaredEdges { context.builder.declareEdgeAttribute(name, type: type) }
                nodeTypes = Dictionary(declaredNodes, uniquingKeysWith: { first, _ in first })
                edgeTypes = Dictionary(declaredEdges, uniquingKeysWith: { first, _ in first })
                return
            case "person":
                var record = PersonRecord(id: try require("id"))
                record.name = value["name"]?.stringValue
                record.emails = Interchange.strings(value["emails"])
                record.phones = Interchange.strings(value["phones"])
                record.profileURLs = Interchange.strings(value["urls"])
                record.organisation = value["organisation"]?.stringValue
                record.title = value["title"]?.stringValue
                record.sector = value["sector"]?.stringValue
                record.location = value["location"]?.stringValue
                record.categories = Interchange.strings(value["categories"])
                record.isMember = value["member"]?.boolValue ?? false
                record.sources = Interchange.strings(value["sources"])
                record.attributes = try attributes(value["attributes"], types: nodeTypes, line: number, context: context)
                context.addPerson(record, line: number)
            case "tie":
                var record = TieRecord(source: try require("source"), target: try require("target"))
                if let weight = value["weight"] {
                    guard let number = weight.doubleValue else {
                        throw failure("tie weight is not a number", line: number, context: context)
                    }
                    record.weight = number
                }
                record.channels = ChannelSet(try channels(value["channels"], line: number, context: context))
                if let origin = value["origin"]?.stringValue {
                    guard let parsed = TieOrigin(rawValue: origin) else {
                        throw failure("unknown origin '\(origin)'", line: number, context: context)
                    }
                    record.origin = parsed
                }
                record.since = try date(value["since"], field: "since", line: number, context: context)
                record.attributes = try attributes(value["attributes"], types: edgeTypes, line: number, context: context)
                context.addTie(record)
            case "interaction":
                guard let channelName = value["channel"]?.stringValue, let channel = Channel(rawValue: channelName) else {
                    throw failure("interaction without a known \"channel\" (\(Channel.allCases.map(\.rawValue).joined(separator: ", ")))",
                                  line: number, context: context)
                }
                var record = InteractionRecord(channel: channel)
                record.date = try date(value["date"], field: "date", line: number, context: context)
                record.from = value["from"]?.stringValue
                record.to = Interchange.strings(value["to"])
                record.cc = Interchange.strings(value["cc"])
                record.identifier = value["id"]?.stringValue
                guard record.from != nil || !record.to.isEmpty else {
                    throw failure("interaction without participants (\"from\", \"to\")", line: number, context: context)
                }
                context.addInteraction(record)
            case "event":
                let source = try require("source")
                let target = try require("target")
                guard let channelName = value["channel"]?.stringValue, let channel = Channel(rawValue: channelName) else {
                    throw failure("event without a known \"channel\"", line: number, context: context)
                }
                let roleName = value["role"]?.stringValue ?? "direct"
                guard let role = TieEvent.Role.allCases.first(where: { $0.name == roleName }) else {
                    throw failure("unknown event role '\(roleName)'", line: number, context: context)
                }
                let directionName = value["direction"]?.stringValue ?? "forward"
                guard let direction = ["forward": TieEvent.Direction.forward, "backward": .backward, "mutual": .mutual][directionName] else {
                    throw failure("unknown event direction '\(directionName)'", line: number, context: context)
                }
                let when = try date(value["date"], field: "date", line: number, context: context)
                let event = TieEvent(date: when?.timeIntervalSince1970, channel: channel, role: role,
                                     direction: direction, share: value["share"]?.doubleValue ?? 1)
                context.builder.addTieEvent(event, between: source, and: target, source: context.source)
            case "skip":
                guard let reason = value["reason"]?.stringValue else {
                    throw failure("skip record without \"reason\"", line: number, context: context)
                }
                let row = value["line"]?.doubleValue.map { Int($0) } ?? number
                sawRecord = true
                context.skip(line: row, reason: reason)
                return
            case "note":
                guard let text = value["text"]?.stringValue else {
                    throw failure("note record without \"text\"", line: number, context: context)
                }
                context.note(text)
                return
            default:
                throw failure("unknown record type '\(type)' (known: \(Interchange.recordTypes.joined(separator: ", ")))",
                              line: number, context: context)
            }
            sawRecord = true
            context.accept()
        }

        func channels(_ value: JSONValue?, line: Int, context: ImportContext) throws -> [Channel] {
            try Interchange.strings(value).map { name in
                guard let channel = Channel(rawValue: name) else {
                    throw failure("unknown channel '\(name)'", line: line, context: context)
                }
                return channel
            }
        }

        func date(_ value: JSONValue?, field: String, line: Int, context: ImportContext) throws -> Date? {
            guard let value, value != .null else { return nil }
            guard let text = value.stringValue, let date = DateParsing.iso8601(text) else {
                throw failure("\"\(field)\" is not an ISO 8601 date", line: line, context: context)
            }
            return date
        }

        func attributes(
            _ value: JSONValue?, types: [String: AttributeType], line: Int, context: ImportContext
        ) throws -> [(name: String, value: AttributeValue)] {
            guard let value, value != .null else { return [] }
            guard let members = value.objectValue else {
                throw failure("\"attributes\" is an object", line: line, context: context)
            }
            var result: [(name: String, value: AttributeValue)] = []
            for (name, json) in members {
                if json == .null { continue }
                guard let attribute = Interchange.attribute(json, type: types[name]) else {
                    throw failure("attribute '\(name)' does not hold a \(types[name]?.rawValue ?? "JSON scalar or list of strings")",
                                  line: line, context: context)
                }
                result.append((name, attribute))
            }
            return result
        }
    }

    static func types(_ value: JSONValue?, failure: (String) -> ImportError) throws -> [(String, AttributeType)] {
        guard let members = value?.objectValue else { return [] }
        return try members.map { name, json in
            guard let text = json.stringValue, let type = AttributeType(rawValue: text) else {
                throw failure("attribute '\(name)' has unknown type (known: \(AttributeType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return (name, type)
        }
    }

    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .array(let values)?: values.compactMap { $0.stringValue ?? scalarText($0) }
        case .string(let text)?: [text]
        default: []
        }
    }

    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .integer(let number): String(number)
        case .number(let number): AttributeValue.format(number)
        default: nil
        }
    }

    /// A JSON value as an attribute of `type` (inferred from the JSON when `nil`).
    static func attribute(_ json: JSONValue, type: AttributeType?) -> AttributeValue? {
        switch (type, json) {
        case (nil, .string(let text)), (.string?, .string(let text)): return .string(text)
        case (nil, .integer(let number)), (.integer?, .integer(let number)): return .integer(number)
        case (.integer?, .number(let number)) where number == number.rounded(): return .integer(Int(number))
        case (nil, .number(let number)), (.double?, .number(let number)): return .double(number)
        case (.double?, .integer(let number)): return .double(Double(number))
        case (.double?, .string(let text)): return AttributeColumn.parseDouble(text).map(AttributeValue.double)
        case (.double?, .null): return nil
        case (nil, .bool(let flag)), (.bool?, .bool(let flag)): return .bool(flag)
        case (.date?, .string(let text)): return DateParsing.iso8601(text).map(AttributeValue.date)
        case (nil, .array(let values)), (.stringList?, .array(let values)):
            let texts = values.compactMap { $0.stringValue ?? scalarText($0) }
            return texts.count == values.count ? .stringList(texts) : nil
        case (.string?, _): return scalarText(json).map(AttributeValue.string)
        default: return nil
        }
    }

}

extension AttributeValue {
    /// The value as JSON: dates as ISO 8601 text, lists as arrays, non-finite doubles as
    /// the text `inf`, `-inf` or `nan` (JSON has no such numbers).
    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .double(let number): number.isFinite ? .number(number) : .string(AttributeValue.format(number))
        case .bool(let flag): .bool(flag)
        case .date(let date): .string(AttributeValue.format(date))
        case .stringList(let values): .array(values.map(JSONValue.string))
        }
    }
}
