import CercleBuiltins
import CercleCore
import CercleJSONLines
@_spi(Testing) import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

/// The byte-level JSON-lines writer against the `JSONValue` tree it replaced: same bytes
/// for every field, escape and number.
@Suite("JSON-lines writer")
struct JSONLinesWriterTests {
    static let trickyStrings = [
        "", "plain", "quote \" inside", "back\\slash", "\\\"", "line\nfeed", "cr\rtab\t",
        "controls \u{01}\u{08}\u{0B}\u{0C}\u{1B}\u{1F} end", "\u{7F} delete stays raw", "Zoë Müller",
        "e\u{301} combining", "日本語", "emoji 👩🏽‍💻 family 👨‍👩‍👧", "/slash/ stays", "\u{2028}\u{2029} separators",
        "ends with backslash \\", "\"", "\u{0}nul",
    ]

    static let numbers: [Double] = [
        0, -0.0, 1, 0.05, 0.1, 1.0 / 3, 1e300, -1e-300, 123_456_789_012_345_680, .pi, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, .nan, .infinity, -.infinity,
    ]

    static let dates: [Date] = [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_766_707_200),
        Date(timeIntervalSince1970: 1_766_739_845), Date(timeIntervalSince1970: -86_400 * 365 * 300 - 1),
        Date(timeIntervalSince1970: 1_700_000_000.25), Date(timeIntervalSince1970: -62_135_596_800),
        Date(timeIntervalSince1970: 253_402_300_799), Date(timeIntervalSince1970: 253_402_300_800),
    ]

    @Test("strings are quoted and escaped as JSONValue quotes them", arguments: trickyStrings)
    func quotedString(text: String) {
        var json = JSONBytes()
        json.string(text)
        #expect(String(decoding: json.bytes, as: UTF8.self) == JSONValue.quoted(text))
        // And they read back to the same text.
        #expect((try? JSONValue.parse(json.bytes)) == .string(text))
    }

    @Test("a character to escape is found wherever it lies in an eight-byte word")
    func escapesAtEveryOffset() {
        for special in ["\"", "\\", "\n", "\u{1F}", "\u{0}", "\t"] {
            for offset in 0..<20 {
                for length in [offset + 1, offset + 9, 40] {
                    var text = String(repeating: "a", count: length)
                    let index = text.index(text.startIndex, offsetBy: offset)
                    text.replaceSubrange(index...index, with: special)
                    for variant in [text, "é" + text, text + "ü"] {
                        var json = JSONBytes()
                        json.string(variant)
                        #expect(String(decoding: json.bytes, as: UTF8.self) == JSONValue.quoted(variant), "\(variant.debugDescription)")
                    }
                }
            }
        }
        // Bytes from 0x80 up are never escaped, whatever their neighbours.
        var json = JSONBytes()
        json.string("ÿÿÿÿÿÿÿÿ\u{7F}\u{80}")
        #expect(String(decoding: json.bytes, as: UTF8.self) == JSONValue.quoted("ÿÿÿÿÿÿÿÿ\u{7F}\u{80}"))
    }

    @Test("numbers print as JSONValue prints them (non-finite as null)", arguments: numbers)
    func number(value: Double) {
        var json = JSONBytes()
        json.number(value)
        json.raw(byte: 0x2C)
        json.number(value)  // the second print comes from the cache of the last number
        let text = JSONValue.number(value).serialized
        #expect(String(decoding: json.bytes, as: UTF8.self) == "\(text),\(text)")
    }

    @Test("integers print in decimal", arguments: [0, 7, 9, 10, -1, -10, 1_000_000, Int.max, Int.min])
    func integer(value: Int) {
        var json = JSONBytes()
        json.integer(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
    }

    @Test("attribute values print as AttributeValue.json serialises them")
    func attributeValues() {
        var values: [AttributeValue] = [.bool(true), .bool(false), .integer(-42), .stringList([]), .stringList(Self.trickyStrings)]
        values += Self.trickyStrings.map(AttributeValue.string)
        values += Self.numbers.map(AttributeValue.double)
        values += Self.dates.map(AttributeValue.date)
        for value in values {
            var json = JSONBytes()
            json.value(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == value.json.serialized, "\(value)")
        }
    }

    /// A graph with every kind of field and value, more nodes and edges than one block of
    /// lines, and interaction events.
    ///
    /// - Parameter readable: leave out the values JSON lines cannot carry back exactly
    ///   (NaN, fractions of seconds, dates past year 9999), for a read-back check.
    static func sampleGraph(nodes: Int, readable: Bool = false) -> ContactGraph {
        let numbers = readable ? Self.numbers.filter(\.isFinite) : Self.numbers
        let dates = readable
            ? Self.dates.filter { $0.timeIntervalSince1970.rounded() == $0.timeIntervalSince1970 && $0.timeIntervalSince1970 < 253_402_300_800 }
            : Self.dates
        var generator = SeededGenerator(seed: 11)
        var builder = GraphBuilder()
        builder.metadata["name"] = "tricky \"graph\""
        let source = builder.beginSource(name: "mail \\ box", format: "test", scope: .local)
        var people: [Int32] = []
        for index in 0..<nodes {
            let pick = { (values: [String]) in values[Int(generator.next() % UInt64(values.count))] }
            var record = PersonRecord(id: "p\(index)", name: pick(Self.trickyStrings) + " \(index)")
            if index % 3 == 0 { record.emails = ["person\(index)@example.org"] }
            if index % 5 == 0 { record.phones = ["+33 6 12 34 \(10_000 + index)"] }
            if index % 7 == 0 { record.organisation = pick(Self.trickyStrings) }
            if index % 11 == 0 { record.categories = [pick(Self.trickyStrings), "vip"] }
            record.isMember = index % 97 == 0
            record.title = index % 2 == 0 ? pick(Self.trickyStrings) : nil
            record.location = index % 13 == 0 ? "Köln, \"DE\"" : nil
            record.attributes = [
                ("score", .double(numbers[index % numbers.count])),
                ("rank", .integer(index % 4 == 0 ? -index : index)),
                ("seen", .date(dates[index % dates.count])),
                ("note \"x\"", .string(pick(Self.trickyStrings))),
            ]
            if index % 4 == 1 { record.attributes.removeAll { $0.name == "seen" } }
            people.append(builder.addPerson(record, source: source).node)
        }
        for index in 1..<nodes {
            let other = Int(generator.next() % UInt64(index))
            var tie = TieRecord(source: "p\(index)", target: "p\(other)")
            if index % 3 == 0 { tie.weight = numbers[index % numbers.count] }
            if index % 2 == 0 { tie.since = dates[index % dates.count] }
            tie.attributes = [("label", .string(Self.trickyStrings[index % Self.trickyStrings.count]))]
            builder.addTie(tie, source: source)
        }
        for index in stride(from: 0, to: nodes - 3, by: 5) {
            var mail = InteractionRecord(channel: index % 2 == 0 ? .email : .meeting)
            mail.date = index % 3 == 0 ? nil : dates[index % dates.count]
            mail.from = "p\(index)"
            mail.to = ["p\(index + 1)", "p\(index + 2)"]
            mail.cc = ["p\(index + 3)"]
            builder.addInteraction(mail, source: source)
        }
        builder.addEdge(people[0], people[0], weight: 2)
        return builder.build(asOf: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test("the export is byte for byte the JSONValue writer's, over several blocks of lines")
    func wholeExport() throws {
        let graph = Self.sampleGraph(nodes: 9_000)
        #expect(graph.nodeCount > LineBlocks.blockSize && graph.edgeCount > LineBlocks.blockSize)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("fast.jsonl")
        try PluginRegistry.builtIn.write(graph, to: out)
        let written = try Data(contentsOf: out)
        let expected = ReferenceWriter.lines(graph, options: ExportOptions())
        #expect(written == Data(expected.utf8))
        #expect(graph.interactions.events.count > 1_000)
    }

    @Test("what the writer writes reads back to the same graph")
    func readBack() throws {
        let graph = Self.sampleGraph(nodes: 5_000, readable: true)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("fast.jsonl")
        try PluginRegistry.builtIn.write(graph, to: out)
        let (again, _) = try TestGraphs.load([out], registry: .builtIn)
        #expect(again.ids == graph.ids)
        #expect(again.offsets == graph.offsets)
        #expect(again.targets == graph.targets)
        #expect(again.interactions.events == graph.interactions.events)
        for column in graph.nodeAttributes.columns {
            #expect(again.nodeAttributes[column.name] == column, "node column \(column.name)")
        }
        for column in graph.edgeAttributes.columns {
            #expect(again.edgeAttributes[column.name] == column, "edge column \(column.name)")
        }
    }
}

/// The JSON-lines writer as it was before the byte-level one: a `JSONValue` tree and a
/// `String` per line. The specification the fast writer is held to.
enum ReferenceWriter {
    static func lines(_ graph: ContactGraph, options: ExportOptions) -> String {
        var output = ""
        func writeLine(_ line: String) { output += line + "\n" }
        let personFields: Set<String> = [
            PersonField.label, PersonField.emails, PersonField.phones, PersonField.urls,
            PersonField.organisation, PersonField.title, PersonField.sector, PersonField.location,
            PersonField.categories, PersonField.member, PersonField.sources,
        ]
        let tieFields: Set<String> = [TieField.channels, TieField.origin]
        let nodeColumns = graph.nodeAttributes.columns.filter { !personFields.contains($0.name) }
        let edgeColumns = graph.edgeAttributes.columns.filter { !tieFields.contains($0.name) }

        var header: [(key: String, value: JSONValue)] = [
            ("type", .string("header")), ("format", .string(Interchange.formatName)),
            ("version", .integer(CercleVersion.protocolVersion)), ("directed", .bool(graph.isDirected)),
            ("ids", .string("global")),
        ]
        if let name = options.graphName ?? graph.metadata["name"] { header.append(("name", .string(name))) }
        header.append(("node_attributes", .object(nodeColumns.map { ($0.name, .string($0.type.rawValue)) })))
        header.append(("edge_attributes", .object(edgeColumns.map { ($0.name, .string($0.type.rawValue)) })))
        writeLine(JSONValue.object(header).serialized)

        let attributes = graph.nodeAttributes
        func text(_ name: String, _ node: Int) -> JSONValue? {
            attributes[name]?.text(at: node).map(JSONValue.string)
        }
        func list(_ name: String, _ node: Int) -> JSONValue? {
            guard case .stringList(let values)? = attributes.value(name, at: node), !values.isEmpty else { return nil }
            return .array(values.map(JSONValue.string))
        }
        for node in 0..<graph.nodeCount {
            var members: [(key: String, value: JSONValue)] = [("type", .string("person")), ("id", .string(graph.ids[node]))]
            let optional: [(String, JSONValue?)] = [
                ("name", text(PersonField.label, node)), ("emails", list(PersonField.emails, node)),
                ("phones", list(PersonField.phones, node)), ("urls", list(PersonField.urls, node)),
                ("organisation", text(PersonField.organisation, node)), ("title", text(PersonField.title, node)),
                ("sector", text(PersonField.sector, node)), ("location", text(PersonField.location, node)),
                ("categories", list(PersonField.categories, node)),
                ("member", attributes.value(PersonField.member, at: node) == .bool(true) ? .bool(true) : nil),
                ("sources", list(PersonField.sources, node)),
            ]
            for (key, value) in optional { if let value { members.append((key, value)) } }
            let extra = nodeColumns.compactMap { column in column[node].map { (column.name, $0.json) } }
            if !extra.isEmpty { members.append(("attributes", .object(extra))) }
            writeLine(JSONValue.object(members).serialized)
        }

        let channelColumn = graph.edgeAttributes[TieField.channels]
        let originColumn = graph.edgeAttributes[TieField.origin]
        for edge in graph.edges {
            var members: [(key: String, value: JSONValue)] = [
                ("type", .string("tie")), ("source", .string(graph.ids[Int(edge.source)])),
                ("target", .string(graph.ids[Int(edge.target)])), ("weight", .number(edge.weight)),
            ]
            if case .stringList(let channels)? = channelColumn?[edge.id], !channels.isEmpty {
                members.append(("channels", .array(channels.map(JSONValue.string))))
            }
            if let origin = originColumn?.text(at: edge.id) { members.append(("origin", .string(origin))) }
            let extra = edgeColumns.compactMap { column in column[edge.id].map { (column.name, $0.json) } }
            if !extra.isEmpty { members.append(("attributes", .object(extra))) }
            writeLine(JSONValue.object(members).serialized)
        }

        guard options.includeInteractions, !graph.interactions.isEmpty else { return output }
        for edge in graph.edges {
            for event in graph.interactions.events(ofEdge: edge.id) {
                var members: [(key: String, value: JSONValue)] = [
                    ("type", .string("event")), ("source", .string(graph.ids[Int(edge.source)])),
                    ("target", .string(graph.ids[Int(edge.target)])),
                ]
                if let date = event.date {
                    members.append(("date", .string(AttributeValue.format(Date(timeIntervalSince1970: date)))))
                }
                let direction = switch event.direction {
                case .forward: "forward"
                case .backward: "backward"
                case .mutual: "mutual"
                }
                members += [
                    ("channel", .string(event.channel.rawValue)), ("role", .string(event.role.name)),
                    ("direction", .string(direction)), ("share", .number(event.share)),
                ]
                writeLine(JSONValue.object(members).serialized)
            }
        }
        return output
    }
}
