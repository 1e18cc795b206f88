import CercleCore
import CerclePlugin

/// The streaming walk over one GEXF document (the rules are documented on
/// ``GEXFImporter``).
struct GEXFParser: ~Copyable {
    var reader: XMLReader

    private enum Class { case node, edge }

    private var nodeAttributes: [String: Int] = [:]
    private var edgeAttributes: [String: Int] = [:]
    private var attributes: [GEXFAttribute] = []
    private var lastSeen: [Int] = []
    private var serial = 0
    private var isDirected = false

    private var nodes = NodeDeclarations()
    private var pendingValues: [(attribute: Int, value: AttributeValue)] = []

    // What the notes report.
    private var dynamicValues = 0
    private var isDynamic = false
    private var nestedNodes = 0
    private var styledElements = 0
    private var undirectedInDirected = 0
    private var directedInUndirected = 0
    private var ignoredElements: [String] = []
    private var unknownTypes: [String] = []
    private var typeConflicts: [String] = []
    private var sawGraph = false

    init(reader: consuming XMLReader) {
        self.reader = reader
    }

    mutating func read(into context: inout ImportContext) throws {
        try reader.next()
        guard reader.isNamed("gexf") else {
            throw reader.error("not GEXF: the root element is <\(reader.name)>, not <gexf>")
        }
        var description: String?
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth == 0 { break }
            guard event == .startElement else { continue }
            if reader.isNamed("graph"), !sawGraph {
                sawGraph = true
                try readGraph(&context)
            } else if reader.isNamed("meta") {
                description = try readMeta()
            } else {
                try reader.skipElement()
            }
        }
        try reader.next()
        guard sawGraph else { throw reader.error("no <graph> element in the file") }
        if let first = nodes.firstUndeclared {
            throw ImportError.malformed(
                "edge endpoint '\(TypedText.clip(first.id))' is not a node of the graph (no <node id=\"\(TypedText.clip(first.id))\">)",
                file: reader.file, line: first.line, column: first.column)
        }
        if let description, context.builder.metadata["name"] == nil { context.builder.metadata["name"] = description }
        addNotes(&context)
    }

    /// The `<description>` of `<meta>`.
    private mutating func readMeta() throws -> String? {
        let depth = reader.depth
        var description: String?
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { return description }
            guard event == .startElement else { continue }
            if reader.isNamed("description") {
                let text = try reader.readText()
                if !text.isEmpty { description = text }
            } else {
                try reader.skipElement()
            }
        }
    }

    // MARK: Graph

    private mutating func readGraph(_ context: inout ImportContext) throws {
        let edgeType = try reader.attribute("defaultedgetype") ?? "undirected"
        guard ["directed", "undirected", "mutual"].contains(edgeType) else {
            throw reader.error("defaultedgetype '\(edgeType)' is none of directed, undirected, mutual")
        }
        isDirected = context.options.directed ?? (edgeType == "directed")
        guard context.builder.declareDirected(isDirected) else {
            throw reader.error("the graph is \(isDirected ? "" : "un")directed but earlier sources were not")
        }
        isDynamic = try reader.attribute("mode") == "dynamic"
        if let name = try reader.attribute("name"), !name.isEmpty, context.builder.metadata["name"] == nil {
            context.builder.metadata["name"] = name
        }
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { return }
            guard event == .startElement else { continue }
            if reader.isNamed("attributes") {
                try readAttributes(&context)
            } else if reader.isNamed("nodes") {
                try readNodes(&context)
            } else if reader.isNamed("edges") {
                try readEdges(&context)
            } else {
                try reader.skipElement()
            }
        }
    }

    private mutating func readAttributes(_ context: inout ImportContext) throws {
        let owner: Class
        switch try reader.attribute("class") {
        case "node": owner = .node
        case "edge": owner = .edge
        case let other:
            throw reader.error("<attributes class=\"\(other ?? "")\">: expected class \"node\" or \"edge\"")
        }
        if try reader.attribute("mode") == "dynamic" { isDynamic = true }
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { return }
            guard event == .startElement else { continue }
            guard reader.isNamed("attribute") else {
                try reader.skipElement()
                continue
            }
            guard let id = try reader.attribute("id") else { throw reader.error("an <attribute> without an id") }
            var attribute = GEXFAttribute(id: id, title: try reader.attribute("title"), declaredType: try reader.attribute("type"))
            let attributeDepth = reader.depth
            while true {
                let inner = try reader.next()
                if inner == .endElement, reader.depth < attributeDepth { break }
                guard inner == .startElement else { continue }
                if reader.isNamed("default") {
                    let (line, column) = (reader.line, reader.column)
                    do {
                        attribute.defaultValue = try attribute.value(try reader.readText())
                    } catch let error as GEXFAttribute.BadValue {
                        throw ImportError.malformed("bad <default>: \(error.reason)", file: reader.file, line: line, column: column)
                    }
                } else {
                    try reader.skipElement()
                }
            }
            if attribute.isUnknownType { unknownTypes.append("'\(attribute.title)' (\(attribute.declaredType))") }
            let index = attributes.count
            attributes.append(attribute)
            lastSeen.append(-1)
            switch owner {
            case .node:
                nodeAttributes[id] = index
                context.builder.declareNodeAttribute(attribute.title, type: attribute.type)
            case .edge:
                edgeAttributes[id] = index
                if !isWeight(attribute) { context.builder.declareEdgeAttribute(attribute.title, type: attribute.type) }
            }
        }
    }

    /// An edge attribute titled `weight` holding numbers is the weight when the edge has
    /// no `weight` XML attribute.
    private func isWeight(_ attribute: GEXFAttribute) -> Bool {
        attribute.title == "weight" && (attribute.type == .double || attribute.type == .integer)
    }

    // MARK: Nodes

    private mutating func readNodes(_ context: inout ImportContext) throws {
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { return }
            guard event == .startElement else { continue }
            if reader.isNamed("node") {
                try readNode(&context)
            } else {
                try reader.skipElement()
            }
        }
    }

    private mutating func readNode(_ context: inout ImportContext) throws {
        guard let id = try reader.attribute("id") else { throw reader.error("a <node> without an id") }
        let node = context.node(id)
        nodes.declare(node)
        if let label = try reader.attribute("label"), label != id {
            setAttribute("label", .string(label), node: node, &context)
        }
        serial += 1
        var position: (x: Double, y: Double)?
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { break }
            guard event == .startElement else { continue }
            if reader.isNamed("attvalues") {
                for (index, value) in try readValues(owner: .node) {
                    setAttribute(attributes[index].title, value, node: node, &context)
                }
            } else if reader.isNamed("position") {
                position = (try number("x") ?? 0, try number("y") ?? 0)
                try reader.skipElement()
            } else if reader.isNamed("color") || reader.isNamed("size") || reader.isNamed("shape") || reader.isNamed("thickness") {
                styledElements += 1
                try reader.skipElement()
            } else if reader.isNamed("nodes") {
                nestedNodes += 1
                try readNodes(&context)
            } else if reader.isNamed("edges") {
                try readEdges(&context)
            } else {
                remarkIgnored(reader.name)
                try reader.skipElement()
            }
        }
        for index in nodeAttributes.values where lastSeen[index] != serial {
            if let value = attributes[index].defaultValue { setAttribute(attributes[index].title, value, node: node, &context) }
        }
        if let position, !hasCoordinates() {
            setAttribute("x", .double(position.x), node: node, &context)
            setAttribute("y", .double(position.y), node: node, &context)
        }
        context.accept()
    }

    /// Whether the node being read gave `x` and `y` through attribute values.
    private func hasCoordinates() -> Bool {
        var found = 0
        for (_, index) in nodeAttributes where lastSeen[index] == serial {
            if attributes[index].title == "x" || attributes[index].title == "y" { found += 1 }
        }
        return found == 2
    }

    // MARK: Edges

    private mutating func readEdges(_ context: inout ImportContext) throws {
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { return }
            guard event == .startElement else { continue }
            if reader.isNamed("edge") {
                try readEdge(&context)
            } else {
                try reader.skipElement()
            }
        }
    }

    private mutating func readEdge(_ context: inout ImportContext) throws {
        let (line, column) = (reader.line, reader.column)
        guard let source = try reader.attribute("source"), let target = try reader.attribute("target") else {
            throw reader.error("an <edge> needs a source and a target")
        }
        let u = context.node(source)
        let v = context.node(target)
        nodes.use(u, id: source, line: line, column: column)
        nodes.use(v, id: target, line: line, column: column)
        let type = try reader.attribute("type")
        var weight: Double?
        if let text = try reader.attribute("weight") {
            guard let value = Double(TypedText.trimmed(text)) ?? AttributeColumn.parseDouble(text) else {
                throw reader.error("edge weight '\(TypedText.clip(text))' is not a number")
            }
            weight = value
        }
        serial += 1
        pendingValues.removeAll(keepingCapacity: true)
        if let label = try reader.attribute("label") {
            pendingValues.append((-1, .string(label)))
        }
        var attributeWeight: Double?
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { break }
            guard event == .startElement else { continue }
            if reader.isNamed("attvalues") {
                for (index, value) in try readValues(owner: .edge) {
                    if isWeight(attributes[index]) {
                        attributeWeight = value.doubleValue
                    } else {
                        pendingValues.append((index, value))
                    }
                }
            } else if reader.isNamed("color") || reader.isNamed("thickness") || reader.isNamed("shape") {
                styledElements += 1
                try reader.skipElement()
            } else {
                remarkIgnored(reader.name)
                try reader.skipElement()
            }
        }
        for (_, index) in edgeAttributes where lastSeen[index] != serial {
            guard let value = attributes[index].defaultValue else { continue }
            if isWeight(attributes[index]) { attributeWeight = attributeWeight ?? value.doubleValue } else { pendingValues.append((index, value)) }
        }
        let finalWeight = weight ?? attributeWeight ?? 1
        guard finalWeight.isFinite else {
            throw ImportError.malformed("edge weight \(AttributeValue.format(finalWeight)) is not a finite number",
                                        file: reader.file, line: line, column: column)
        }
        let raw = context.addEdge(u, v, weight: finalWeight)
        setEdgeValues(raw, &context)
        switch type {
        case "undirected" where isDirected, "mutual" where isDirected:
            setEdgeValues(context.addEdge(v, u, weight: finalWeight), &context)
            undirectedInDirected += 1
        case "directed" where !isDirected:
            directedInUndirected += 1
        case nil, "directed", "undirected", "mutual":
            break
        case let other?:
            throw ImportError.malformed("edge type '\(other)' is none of directed, undirected, mutual",
                                        file: reader.file, line: line, column: column)
        }
        context.accept()
    }

    private mutating func setEdgeValues(_ edge: Int, _ context: inout ImportContext) {
        for (index, value) in pendingValues {
            let name = index < 0 ? "label" : attributes[index].title
            if !context.builder.setEdgeAttribute(name, value, edge: edge), !typeConflicts.contains(name) {
                typeConflicts.append(name)
            }
        }
    }

    // MARK: Values

    /// Reads `<attvalues>`: each attribute index with its value, in document order (so
    /// the last of several dated values of a dynamic attribute wins).
    private mutating func readValues(owner: Class) throws -> [(Int, AttributeValue)] {
        var found: [(Int, AttributeValue)] = []
        let depth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < depth { break }
            guard event == .startElement else { continue }
            guard reader.isNamed("attvalue") else {
                try reader.skipElement()
                continue
            }
            guard let key = try reader.attribute("for") ?? reader.attribute("id") else {
                throw reader.error("an <attvalue> without 'for'")
            }
            let table = owner == .node ? nodeAttributes : edgeAttributes
            guard let index = table[key] else {
                throw reader.error("<attvalue for=\"\(TypedText.clip(key))\">: no \(owner == .node ? "node" : "edge") attribute has that id")
            }
            guard let text = try reader.attribute("value") else { throw reader.error("an <attvalue> without 'value'") }
            if try reader.attribute("start") != nil || reader.attribute("end") != nil { dynamicValues += 1 }
            let value: AttributeValue?
            do {
                value = try attributes[index].value(text)
            } catch {
                throw reader.error(error.reason)
            }
            try reader.skipElement()
            if let value {
                lastSeen[index] = serial
                found.append((index, value))
            }
        }
        return found
    }

    private mutating func number(_ name: StaticString) throws -> Double? {
        guard let text = try reader.attribute(name) else { return nil }
        guard let value = Double(TypedText.trimmed(text)) else {
            throw reader.error("viz \(name) '\(TypedText.clip(text))' is not a number")
        }
        return value
    }

    private mutating func setAttribute(_ name: String, _ value: AttributeValue, node: Int32, _ context: inout ImportContext) {
        if !context.builder.setNodeAttribute(name, value, node: node), !typeConflicts.contains(name) {
            typeConflicts.append(name)
        }
    }

    private mutating func remarkIgnored(_ name: String) {
        if !ignoredElements.contains(name) { ignoredElements.append(name) }
    }

    // MARK: Notes

    private func addNotes(_ context: inout ImportContext) {
        if isDynamic || dynamicValues > 0 {
            context.note("dynamic graph: time bounds ignored; an attribute with several dated values keeps the last one written")
        }
        if nestedNodes > 0 {
            context.note("hierarchy flattened: \(nestedNodes) node(s) with sub-nodes, all read as nodes of one graph")
        }
        if styledElements > 0 {
            context.note("viz colour, size, shape and thickness ignored (\(styledElements) element(s)); viz positions are read as x and y")
        }
        if undirectedInDirected > 0 {
            context.note("\(undirectedInDirected) undirected or mutual edge(s) in a directed graph read as two opposite arcs")
        }
        if directedInUndirected > 0 {
            context.note("\(directedInUndirected) directed edge(s) in an undirected graph read as undirected")
        }
        if nodes.duplicates > 0 {
            context.note("\(nodes.duplicates) node id(s) declared more than once; their values merged")
        }
        if !ignoredElements.isEmpty {
            context.note("elements ignored: \(ignoredElements.map { "<\($0)>" }.joined(separator: ", "))")
        }
        if !unknownTypes.isEmpty {
            context.note("attributes of types GEXF does not define read as text: \(unknownTypes.joined(separator: ", "))")
        }
        if !typeConflicts.isEmpty {
            context.note("values that do not fit the type an earlier source gave these attributes were skipped: \(typeConflicts.joined(separator: ", "))")
        }
    }
}
