import CercleCore
import CerclePlugin

/// Turns the pairs of a GML `graph [ … ]` into nodes and edges (the rules are documented
/// on ``GMLImporter``).
struct GMLGraphReader {
    let file: String
    private var nestedLists: [String] = []
    private var typeConflicts: [String] = []

    init(file: String) {
        self.file = file
    }

    /// A node as written: its GML id, line, and the values of its other keys.
    private struct NodeEntry {
        var gmlID: String
        var line: Int
        var values: [(key: String, values: [GMLDocument.Value], line: Int)]

        func text(_ key: String) -> String? {
            values.first { $0.key == key }?.values.first.flatMap(GMLGraphReader.scalarText)
        }

        func line(of key: String) -> Int {
            values.first { $0.key == key }?.line ?? line
        }
    }

    private enum Naming: Equatable { case label, name, gmlID }

    mutating func read(_ pairs: [GMLDocument.Pair], into context: inout ImportContext) throws {
        var directed = false
        for pair in pairs {
            switch (pair.key, pair.value) {
            case ("directed", .integer(let flag)):
                directed = flag != 0
            case ("node", _), ("edge", _), ("multigraph", _):
                break
            case (_, .list(let items)) where items.isEmpty:
                break  // NetworkX writes `node_default [ ]` for graphs read from GraphML
            case (let key, .list):
                remarkNested(String(key))
            case (let key, let value):
                if context.builder.metadata[String(key)] == nil {
                    context.builder.metadata[String(key)] = try scalar(value, pair).text
                }
            }
        }
        let isDirected = context.options.directed ?? directed
        guard context.builder.declareDirected(isDirected) else {
            throw context.error("the graph is \(isDirected ? "" : "un")directed but earlier sources were not")
        }

        var entries: [NodeEntry] = []
        var seenIDs = Set<String>()
        for pair in pairs where pair.key == "node" {
            guard case .list(let fields) = pair.value else {
                throw ImportError.malformed("'node' is not a list [ … ]", file: file, line: pair.line, column: pair.column)
            }
            let grouped = group(fields)
            guard let idValue = grouped.first(where: { $0.key == "id" })?.values.first, let id = Self.scalarText(idValue) else {
                throw ImportError.malformed("a node without an id", file: file, line: pair.line, column: pair.column)
            }
            guard seenIDs.insert(id).inserted else {
                throw ImportError.malformed("node id \(id) is used twice", file: file, line: pair.line, column: pair.column)
            }
            entries.append(NodeEntry(gmlID: id, line: pair.line, values: grouped.filter { $0.key != "id" }))
        }

        let naming = chooseNaming(entries, &context)
        var nodeOf: [String: Int32] = [:]
        nodeOf.reserveCapacity(entries.count)
        for entry in entries {
            let id: String
            switch naming {
            case .label: id = try decoded(entry.text("label") ?? entry.gmlID, line: entry.line(of: "label"))
            case .name: id = try decoded(entry.text("name") ?? entry.gmlID, line: entry.line(of: "name"))
            case .gmlID: id = entry.gmlID
            }
            let node = context.node(id)
            nodeOf[entry.gmlID] = node
            for (key, values, line) in entry.values {
                var name = key
                switch (naming, key) {
                case (.label, "label"), (.name, "name"): continue
                case (.label, "display_label"): name = PersonField.label
                default: break
                }
                guard let value = try attribute(values, key: key, line: line) else { continue }
                if !context.builder.setNodeAttribute(name, value, node: node) { remarkConflict(name) }
            }
            context.accept()
        }

        for pair in pairs where pair.key == "edge" {
            guard case .list(let fields) = pair.value else {
                throw ImportError.malformed("'edge' is not a list [ … ]", file: file, line: pair.line, column: pair.column)
            }
            let grouped = group(fields)
            func endpoint(_ key: String) throws -> Int32 {
                guard let value = grouped.first(where: { $0.key == key })?.values.first, let id = Self.scalarText(value) else {
                    throw ImportError.malformed("an edge without a \(key)", file: file, line: pair.line, column: pair.column)
                }
                guard let node = nodeOf[id] else {
                    throw ImportError.malformed("edge \(key) \(id) is not the id of a node", file: file, line: pair.line, column: pair.column)
                }
                return node
            }
            let u = try endpoint("source")
            let v = try endpoint("target")
            var weight = 1.0
            var values: [(String, AttributeValue)] = []
            for (key, items, line) in grouped where key != "source" && key != "target" && key != "key" {
                if key == "weight", items.count == 1 {
                    switch items[0] {
                    case .integer(let number): weight = Double(number)
                    case .real(let number): weight = number
                    default:
                        throw ImportError.malformed("edge weight is not a number", file: file, line: pair.line, column: pair.column)
                    }
                    guard weight.isFinite else {
                        throw ImportError.malformed("edge weight \(AttributeValue.format(weight)) is not a finite number",
                                                    file: file, line: pair.line, column: pair.column)
                    }
                    continue
                }
                if let value = try attribute(items, key: key, line: line) { values.append((key, value)) }
            }
            let edge = context.addEdge(u, v, weight: weight)
            for (name, value) in values where !context.builder.setEdgeAttribute(name, value, edge: edge) {
                remarkConflict(name)
            }
            context.accept()
        }
        if !nestedLists.isEmpty {
            context.note("nested lists ignored: \(nestedLists.joined(separator: ", "))")
        }
        if !typeConflicts.isEmpty {
            context.note("values that do not fit the type of the same attribute elsewhere were skipped: \(typeConflicts.joined(separator: ", "))")
        }
    }

    /// The keys of a node or edge with all their values, in first-seen order.
    private func group(_ fields: [GMLDocument.Pair]) -> [(key: String, values: [GMLDocument.Value], line: Int)] {
        var order: [(key: String, values: [GMLDocument.Value], line: Int)] = []
        var position: [Substring: Int] = [:]
        for field in fields {
            if let index = position[field.key] {
                order[index].values.append(field.value)
            } else {
                position[field.key] = order.count
                order.append((String(field.key), [field.value], field.line))
            }
        }
        return order
    }

    private func chooseNaming(_ entries: [NodeEntry], _ context: inout ImportContext) -> Naming {
        guard !entries.isEmpty else { return .gmlID }
        func unique(_ key: String) -> (all: Bool, distinct: Bool) {
            var seen = Set<String>()
            var all = true
            var distinct = true
            for entry in entries {
                guard let text = entry.text(key) else {
                    all = false
                    continue
                }
                if !seen.insert(text).inserted { distinct = false }
            }
            return (all, distinct)
        }
        let labels = unique("label")
        if labels.all, labels.distinct { return .label }
        let names = unique("name")
        if names.all, names.distinct { return .name }
        if labels.all, !labels.distinct {
            context.note("node labels repeat: node ids are the GML ids, labels are kept as the label attribute")
        }
        return .gmlID
    }

    /// The attribute value of a key's values: one scalar, or a list of strings.
    private mutating func attribute(_ values: [GMLDocument.Value], key: String, line: Int) throws -> AttributeValue? {
        let scalars = values.filter { !$0.isList }
        if scalars.count < values.count { remarkNested(key) }
        if scalars.count == 1 {
            switch scalars[0] {
            case .integer(let number): return .integer(number)
            case .real(let number): return .double(number)
            case .string(let text): return .string(try decoded(String(text), line: line))
            case .list: return nil
            }
        }
        guard !scalars.isEmpty else { return nil }
        var items: [String] = []
        for value in scalars {
            guard let text = Self.scalarText(value) else { continue }
            if text == "_networkx_list_start" { continue }
            items.append(try decoded(text, line: line))
        }
        return .stringList(items)
    }

    private func scalar(_ value: GMLDocument.Value, _ pair: GMLDocument.Pair) throws -> AttributeValue {
        switch value {
        case .integer(let number): return .integer(number)
        case .real(let number): return .double(number)
        case .string(let text): return .string(try decoded(String(text), line: pair.line))
        case .list: return .string("")
        }
    }

    /// The text of a scalar as written (strings undecoded), `nil` for a list.
    static func scalarText(_ value: GMLDocument.Value) -> String? {
        switch value {
        case .integer(let number): String(number)
        case .real(let number): AttributeValue.format(number)
        case .string(let text): String(text)
        case .list: nil
        }
    }

    private func decoded(_ text: String, line: Int) throws -> String {
        do {
            return try GMLEntities.decode(text[...])
        } catch {
            throw ImportError.malformed("bad escape '\(error.reference)': no such character", file: file, line: line)
        }
    }

    private mutating func remarkNested(_ key: String) {
        if !nestedLists.contains(key) { nestedLists.append(key) }
    }

    private mutating func remarkConflict(_ name: String) {
        if !typeConflicts.contains(name) { typeConflicts.append(name) }
    }
}
