import CercleCore
import Foundation

extension Interchange {
    /// Writes `graph` as JSON lines: a header, one `person` per node, one `tie` per edge
    /// (its weight explicit), then one `event` per interaction event of every tie.
    ///
    /// Reading the result back gives the same nodes, edges, weights and attributes.
    ///
    /// Lines are formatted as bytes (``JSONBytes``) in blocks of a few thousand nodes or
    /// edges, the blocks of a round on all cores, and written in order: the output does
    /// not depend on the number of cores.
    ///
    /// - Complexity: O(*n* + *m* + *k*) for *n* nodes, *m* edges and *k* events (times
    ///   the length of their fields).
    public static func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        let personFields: Set<String> = [
            PersonField.label, PersonField.emails, PersonField.phones, PersonField.urls,
            PersonField.organisation, PersonField.title, PersonField.sector, PersonField.location,
            PersonField.categories, PersonField.member, PersonField.sources,
        ]
        let tieFields: Set<String> = [TieField.channels, TieField.origin]
        let nodeColumns = graph.nodeAttributes.columns.filter { !personFields.contains($0.name) }
        let edgeColumns = graph.edgeAttributes.columns.filter { !tieFields.contains($0.name) }

        var header: [(key: String, value: JSONValue)] = [
            ("type", .string("header")), ("format", .string(formatName)),
            ("version", .integer(CercleVersion.protocolVersion)), ("directed", .bool(graph.isDirected)),
            ("ids", .string("global")),
        ]
        if let name = options.graphName ?? graph.metadata["name"] { header.append(("name", .string(name))) }
        header.append(("node_attributes", .object(nodeColumns.map { ($0.name, .string($0.type.rawValue)) })))
        header.append(("edge_attributes", .object(edgeColumns.map { ($0.name, .string($0.type.rawValue)) })))
        try output.writeLine(JSONValue.object(header).serialized)

        let persons = PersonLines(graph: graph, extra: nodeColumns)
        try LineBlocks.write(count: graph.nodeCount, to: output) { range, json in
            for node in range { persons.write(node, to: &json) }
        }

        let endpoints = graph.edgeEndpoints()
        let ties = TieLines(graph: graph, sources: endpoints.sources, targets: endpoints.targets,
                            weights: graph.edgeWeights(), extra: edgeColumns)
        try LineBlocks.write(count: graph.edgeCount, to: output) { range, json in
            for edge in range { ties.write(edge, to: &json) }
        }

        guard options.includeInteractions, !graph.interactions.isEmpty else { return }
        try LineBlocks.write(count: graph.edgeCount, to: output) { range, json in
            for edge in range { ties.writeEvents(edge, to: &json) }
        }
    }
}

/// A column read as text the way ``AttributeColumn/text(at:)`` reads it, with string
/// columns copied from their bytes.
private enum TextColumn: Sendable {
    case absent
    case strings(AttributeColumn.Strings)
    case other(AttributeColumn)

    init(_ column: AttributeColumn?) {
        guard let column else {
            self = .absent
            return
        }
        if let values = column.stringValues { self = .strings(values) } else { self = .other(column) }
    }

    /// Appends `,"<member>":"<text>"` when the row has a value.
    func write(_ member: StaticString, _ row: Int, to json: inout JSONBytes) {
        switch self {
        case .absent:
            return
        case .strings(let values):
            guard row < values.count else { return }
            values.withUTF8(at: row) { utf8 in
                json.raw(member)
                json.string(utf8: utf8)
            }
        case .other(let column):
            guard let text = column.text(at: row) else { return }
            json.raw(member)
            json.string(text)
        }
    }
}

/// A column read as a non-empty list of strings (any other value counts as absent).
private struct ListColumn: Sendable {
    let values: AttributeColumn.StringLists?

    init(_ column: AttributeColumn?) {
        values = column?.stringListValues
    }

    /// Appends `,"<member>":[…]` when the row has a non-empty list.
    func write(_ member: StaticString, _ row: Int, to json: inout JSONBytes) {
        guard let values, let count = values.itemCount(at: row), count > 0 else { return }
        json.raw(member)
        json.strings(values, row: row)
    }
}

extension JSONBytes {
    /// Appends the list at `row` (present) as an array of string literals.
    fileprivate mutating func strings(_ lists: AttributeColumn.StringLists, row: Int) {
        lists.withRows { rows in
            raw(byte: 0x5B)
            for item in 0..<(rows.itemCount(at: row) ?? 0) {
                if item > 0 { raw(byte: 0x2C) }
                string(utf8: rows.item(item, ofRow: row))
            }
            raw(byte: 0x5D)
        }
    }
}

/// Columns written under `"attributes"`, with their names already quoted.
private struct ExtraColumns: Sendable {
    let columns: [AttributeColumn.Values]
    let keys: [[UInt8]]

    init(_ columns: [AttributeColumn]) {
        self.columns = columns.map(\.values)
        keys = columns.map { column in
            var json = JSONBytes()
            json.string(column.name)
            json.raw(byte: 0x3A)
            return json.bytes
        }
    }

    /// `,"attributes":{…}` with the row's present values, or nothing when none is; each
    /// value as ``JSONBytes/value(_:)`` writes it, read from the typed column.
    func write(_ row: Int, to json: inout JSONBytes) {
        var opened = false
        func key(_ index: Int) {
            json.raw(opened ? "," : ",\"attributes\":{")
            opened = true
            json.bytes.append(contentsOf: keys[index])
        }
        for index in columns.indices {
            switch columns[index] {
            case .integer(let values):
                guard row < values.count, let value = values[row] else { continue }
                key(index)
                json.integer(value)
            case .double(let values):
                guard row < values.count, let value = values[row] else { continue }
                key(index)
                json.value(.double(value))
            case .bool(let values):
                guard row < values.count, let value = values[row] else { continue }
                key(index)
                json.bool(value)
            case .date(let values):
                guard row < values.count, let value = values[row] else { continue }
                key(index)
                json.date(value)
            case .string(let values):
                guard row < values.count, values.isPresent(at: row) else { continue }
                key(index)
                values.withUTF8(at: row) { json.string(utf8: $0) }
            case .stringList(let values):
                guard row < values.count, values.isPresent(at: row) else { continue }
                key(index)
                json.strings(values, row: row)
            }
        }
        if opened { json.raw(byte: 0x7D) }
    }
}

/// The `person` line of each node.
private struct PersonLines: Sendable {
    let ids: NodeIDs
    let name, organisation, title, sector, location: TextColumn
    let emails, phones, urls, categories, sources: ListColumn
    let member: AttributeColumn?
    let extra: ExtraColumns

    init(graph: ContactGraph, extra: [AttributeColumn]) {
        let table = graph.nodeAttributes
        ids = graph.ids
        name = TextColumn(table[PersonField.label])
        organisation = TextColumn(table[PersonField.organisation])
        title = TextColumn(table[PersonField.title])
        sector = TextColumn(table[PersonField.sector])
        location = TextColumn(table[PersonField.location])
        emails = ListColumn(table[PersonField.emails])
        phones = ListColumn(table[PersonField.phones])
        urls = ListColumn(table[PersonField.urls])
        categories = ListColumn(table[PersonField.categories])
        sources = ListColumn(table[PersonField.sources])
        member = table[PersonField.member]
        self.extra = ExtraColumns(extra)
    }

    func write(_ node: Int, to json: inout JSONBytes) {
        json.raw("{\"type\":\"person\",\"id\":")
        ids.withUTF8(at: node) { json.string(utf8: $0) }
        name.write(",\"name\":", node, to: &json)
        emails.write(",\"emails\":", node, to: &json)
        phones.write(",\"phones\":", node, to: &json)
        urls.write(",\"urls\":", node, to: &json)
        organisation.write(",\"organisation\":", node, to: &json)
        title.write(",\"title\":", node, to: &json)
        sector.write(",\"sector\":", node, to: &json)
        location.write(",\"location\":", node, to: &json)
        categories.write(",\"categories\":", node, to: &json)
        if let member, member[node] == .bool(true) { json.raw(",\"member\":true") }
        sources.write(",\"sources\":", node, to: &json)
        extra.write(node, to: &json)
        json.raw("}\n")
    }
}

/// The `tie` line of each edge and the `event` lines of its interaction events.
private struct TieLines: Sendable {
    let ids: NodeIDs
    let sources: [NodeIndex]
    let targets: [NodeIndex]
    let weights: [Double]
    let channels: ListColumn
    let origin: TextColumn
    let extra: ExtraColumns
    let interactions: InteractionLog

    init(graph: ContactGraph, sources: [NodeIndex], targets: [NodeIndex], weights: [Double], extra: [AttributeColumn]) {
        ids = graph.ids
        self.sources = sources
        self.targets = targets
        self.weights = weights
        channels = ListColumn(graph.edgeAttributes[TieField.channels])
        origin = TextColumn(graph.edgeAttributes[TieField.origin])
        self.extra = ExtraColumns(extra)
        interactions = graph.interactions
    }

    func write(_ edge: Int, to json: inout JSONBytes) {
        json.raw("{\"type\":\"tie\",\"source\":")
        ids.withUTF8(at: Int(sources[edge])) { json.string(utf8: $0) }
        json.raw(",\"target\":")
        ids.withUTF8(at: Int(targets[edge])) { json.string(utf8: $0) }
        json.raw(",\"weight\":")
        json.number(weights[edge])
        channels.write(",\"channels\":", edge, to: &json)
        origin.write(",\"origin\":", edge, to: &json)
        extra.write(edge, to: &json)
        json.raw("}\n")
    }

    func writeEvents(_ edge: Int, to json: inout JSONBytes) {
        for event in interactions.events(ofEdge: edge) {
            json.raw("{\"type\":\"event\",\"source\":")
            ids.withUTF8(at: Int(sources[edge])) { json.string(utf8: $0) }
            json.raw(",\"target\":")
            ids.withUTF8(at: Int(targets[edge])) { json.string(utf8: $0) }
            if let date = event.date {
                json.raw(",\"date\":")
                json.date(Date(timeIntervalSince1970: date))
            }
            json.raw(",\"channel\":")
            json.string(event.channel.rawValue)
            json.raw(",\"role\":")
            json.string(event.role.name)
            switch event.direction {
            case .forward: json.raw(",\"direction\":\"forward\"")
            case .backward: json.raw(",\"direction\":\"backward\"")
            case .mutual: json.raw(",\"direction\":\"mutual\"")
            }
            json.raw(",\"share\":")
            json.number(event.share)
            json.raw("}\n")
        }
    }
}

/// Formats lines of items `0..<count` in blocks, on every core, and writes the blocks in
/// item order.
@_spi(Testing) public enum LineBlocks {
    /// Items per block: a block of persons is about a megabyte of text.
    public static let blockSize = 4096

    static func write(count: Int, to output: OutputBuffer, _ format: (Range<Int>, inout JSONBytes) -> Void) throws {
        let blocksPerRound = ParallelWork.threads == 1 ? 1 : 2 * ParallelWork.threads
        var start = 0
        while start < count {
            let blocks = (0..<blocksPerRound).lazy
                .map { start + $0 * blockSize }
                .filter { $0 < count }
                .map { $0..<min(count, $0 + blockSize) }
            let ranges = Array(blocks)
            let texts = try ParallelWork.map(count: ranges.count) { index -> [UInt8] in
                var json = JSONBytes(capacity: 1 << 20)
                format(ranges[index], &json)
                return json.bytes
            }
            for text in texts { try output.write(contentsOf: text) }
            start = ranges.last.map(\.upperBound) ?? count
        }
    }
}
