import CercleCore
import CerclePlugin

/// The streaming walk over one GraphML document, feeding an ``ImportContext``
/// (the rules are documented on ``GraphMLImporter``).
struct GraphMLParser: ~Copyable {
    var reader: XMLReader

    private var keys: [String: Int] = [:]
    private var keyList: [GraphMLKey] = []
    private var nodeKeysWithDefault: [Int] = []
    private var edgeKeysWithDefault: [Int] = []
    /// Per key, the serial number of the last element that gave it a value (defaults
    /// apply to the others).
    private var lastSeen: [Int] = []
    private var serial = 0
    private var weightKey: Int?
    private var isDirected = false

    private var nodes = NodeDeclarations()
    private var pendingValues: [(key: Int, value: AttributeValue)] = []

    // What the notes report.
    private var graphCount = 0
    private var firstGraphID: String?
    private var nestedGraphs = 0
    private var hyperedges = 0
    private var ports = 0
    private var wrongDomain: [String] = []
    private var typeConflicts: [String] = []
    private var directedInUndirected = 0
    private var undirectedInDirected = 0
    private var graphicsKeys = 0
    private var markupInData = 0
    private var unknownTypes: [String] = []
    private var textWeightKey: String?

    init(reader: consuming XMLReader) {
        self.reader = reader
    }

    mutating func read(into context: inout ImportContext) throws {
        try reader.next()
        guard reader.isNamed("graphml") else {
            throw reader.error("not GraphML: the root element is <\(reader.name)>, not <graphml>")
        }
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth == 0 { break }
            guard event == .startElement else { continue }
            if reader.isNamed("key") {
                try readKey(&context)
            } else if reader.isNamed("graph") {
                graphCount += 1
                if graphCount == 1 {
                    try readGraph(&context, nested: false)
                } else {
                    try reader.skipElement()
                }
            } else {
                try reader.skipElement()
            }
        }
        try reader.next()  // checks that nothing but comments follows the root
        guard graphCount > 0 else { throw reader.error("no <graph> element in the file") }
        if let first = nodes.firstUndeclared {
            throw ImportError.malformed(
                "edge endpoint '\(TypedText.clip(first.id))' is not a node of the graph (no <node id=\"\(TypedText.clip(first.id))\">)",
                file: reader.file, line: first.line, column: first.column)
        }
        addNotes(&context)
    }

    // MARK: Keys

    private mutating func readKey(_ context: inout ImportContext) throws {
        guard let id = try reader.attribute("id") else { throw reader.error("a <key> without an id") }
        guard keys[id] == nil else { throw reader.error("key '\(id)' is declared twice") }
        var key = GraphMLKey(
            id: id, name: try reader.attribute("attr.name"), domain: GraphMLKey.Domain(try reader.attribute("for")),
            declaredType: try reader.attribute("attr.type"), yfilesType: try reader.attribute("yfiles.type"))
        let keyDepth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < keyDepth { break }
            guard event == .startElement else { continue }
            if reader.isNamed("default") {
                let (line, column) = (reader.line, reader.column)
                let text = try reader.readText()
                do {
                    key.defaultValue = try key.value(text)
                } catch {
                    throw ImportError.malformed("bad <default>: \(error.reason)", file: reader.file, line: line, column: column)
                }
            } else {
                try reader.skipElement()
            }
        }
        let index = keyList.count
        keys[id] = index
        keyList.append(key)
        lastSeen.append(-1)
        if key.isGraphics { graphicsKeys += 1; return }
        if key.isUnknownType { unknownTypes.append("'\(key.name)' (\(key.declaredType))") }
        if key.domain.includes(.node) {
            context.builder.declareNodeAttribute(key.name, type: key.type)
            if key.defaultValue != nil { nodeKeysWithDefault.append(index) }
        }
        if key.domain.includes(.edge) {
            if key.name == "weight", key.isNumeric, weightKey == nil {
                weightKey = index
            } else {
                if key.name == "weight" { textWeightKey = key.declaredType }
                context.builder.declareEdgeAttribute(key.name, type: key.type)
            }
            if key.defaultValue != nil { edgeKeysWithDefault.append(index) }
        }
    }

    // MARK: Graphs

    private mutating func readGraph(_ context: inout ImportContext, nested: Bool) throws {
        if nested {
            nestedGraphs += 1
        } else {
            firstGraphID = try reader.attribute("id")
            let declaredDirected = try reader.attribute("edgedefault") == "directed"
            isDirected = context.options.directed ?? declaredDirected
            guard context.builder.declareDirected(isDirected) else {
                throw reader.error("the graph is \(isDirected ? "" : "un")directed but earlier sources were not")
            }
        }
        let graphDepth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < graphDepth { return }
            guard event == .startElement else { continue }
            if reader.isNamed("node") {
                try readNode(&context)
            } else if reader.isNamed("edge") {
                try readEdge(&context)
            } else if reader.isNamed("hyperedge") {
                hyperedges += 1
                context.skip(line: reader.line, reason: "hyperedge: Cercle's edges join two nodes")
                try reader.skipElement()
            } else if reader.isNamed("data"), !nested {
                try readGraphData(&context)
            } else {
                try reader.skipElement()
            }
        }
    }

    private mutating func readGraphData(_ context: inout ImportContext) throws {
        guard let (index, value) = try readData(domain: .graph), let value else { return }
        let name = keyList[index].name
        if context.builder.metadata[name] == nil { context.builder.metadata[name] = value.text }
    }

    // MARK: Nodes and edges

    private mutating func readNode(_ context: inout ImportContext) throws {
        guard let id = try reader.attribute("id") else { throw reader.error("a <node> without an id") }
        let node = context.node(id)
        nodes.declare(node)
        serial += 1
        let nodeDepth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < nodeDepth { break }
            guard event == .startElement else { continue }
            if reader.isNamed("data") {
                if let (index, value) = try readData(domain: .node), let value {
                    setNodeAttribute(index, value, node: node, &context)
                }
            } else if reader.isNamed("graph") {
                try readGraph(&context, nested: true)
            } else {
                if reader.isNamed("port") { ports += 1 }
                try reader.skipElement()
            }
        }
        for index in nodeKeysWithDefault where lastSeen[index] != serial {
            if let value = keyList[index].defaultValue { setNodeAttribute(index, value, node: node, &context) }
        }
        context.accept()
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
        let direction = try reader.attribute("directed")
        if try reader.attribute("sourceport") != nil || reader.attribute("targetport") != nil { ports += 1 }
        serial += 1
        pendingValues.removeAll(keepingCapacity: true)
        var weight = 1.0
        let edgeDepth = reader.depth
        while true {
            let event = try reader.next()
            if event == .endElement, reader.depth < edgeDepth { break }
            guard event == .startElement else { continue }
            if reader.isNamed("data") {
                guard let (index, value) = try readData(domain: .edge), let value else { continue }
                if index == weightKey {
                    weight = value.doubleValue ?? 1
                } else {
                    pendingValues.append((index, value))
                }
            } else {
                try reader.skipElement()
            }
        }
        for index in edgeKeysWithDefault where lastSeen[index] != serial {
            guard let value = keyList[index].defaultValue else { continue }
            if index == weightKey { weight = value.doubleValue ?? 1 } else { pendingValues.append((index, value)) }
        }
        guard weight.isFinite else {
            throw ImportError.malformed("edge weight \(AttributeValue.format(weight)) is not a finite number",
                                        file: reader.file, line: line, column: column)
        }
        let raw = context.addEdge(u, v, weight: weight)
        for (index, value) in pendingValues { setEdgeAttribute(index, value, edge: raw, &context) }
        switch direction {
        case "false" where isDirected:
            // An undirected edge in a directed graph is the pair of arcs.
            let reverse = context.addEdge(v, u, weight: weight)
            for (index, value) in pendingValues { setEdgeAttribute(index, value, edge: reverse, &context) }
            undirectedInDirected += 1
        case "true" where !isDirected:
            directedInUndirected += 1
        default:
            break
        }
        context.accept()
    }

    /// Reads a `<data>` element: the key's index and the value (`nil` when empty), or
    /// `nil` for data Cercle ignores (yFiles graphics, a key of another domain).
    private mutating func readData(domain: GraphMLKey.Domain) throws -> (Int, AttributeValue?)? {
        guard let id = try reader.attribute("key") else { throw reader.error("a <data> element without a key") }
        guard let index = keyIndex(id) else {
            throw reader.error("undeclared key '\(TypedText.clip(id))' (no <key id=\"\(TypedText.clip(id))\"> before the graph)")
        }
        let key = keyList[index]
        if key.isGraphics {
            try reader.skipElement()
            return nil
        }
        guard key.domain.includes(domain) else {
            let remark = "'\(key.id)' (for \(key.domain.text)) on a \(domain.text)"
            if !wrongDomain.contains(remark) { wrongDomain.append(remark) }
            try reader.skipElement()
            return nil
        }
        let (line, column) = (reader.line, reader.column)
        let text = try reader.readText()
        if reader.skippedChildren { markupInData += 1 }
        let value: AttributeValue?
        do {
            value = try key.value(text)
        } catch {
            throw ImportError.malformed(error.reason, file: reader.file, line: line, column: column)
        }
        if value != nil { lastSeen[index] = serial }
        return (index, value)
    }

    /// The index of key `id`: a linear scan while there are few keys (cheaper than
    /// hashing the id of every `<data>`), the dictionary beyond.
    private func keyIndex(_ id: String) -> Int? {
        if keyList.count <= 16 {
            for index in keyList.indices where keyList[index].id == id { return index }
            return nil
        }
        return keys[id]
    }

    private mutating func setNodeAttribute(_ index: Int, _ value: AttributeValue, node: Int32, _ context: inout ImportContext) {
        let name = keyList[index].name
        if !context.builder.setNodeAttribute(name, value, node: node), !typeConflicts.contains(name) {
            typeConflicts.append(name)
        }
    }

    private mutating func setEdgeAttribute(_ index: Int, _ value: AttributeValue, edge: Int, _ context: inout ImportContext) {
        let name = keyList[index].name
        if !context.builder.setEdgeAttribute(name, value, edge: edge), !typeConflicts.contains(name) {
            typeConflicts.append(name)
        }
    }

    // MARK: Notes

    private func addNotes(_ context: inout ImportContext) {
        if graphCount > 1 {
            let name = firstGraphID.map { " ('\($0)')" } ?? ""
            context.note("the file holds \(graphCount) graphs; read the first\(name) and skipped the other \(graphCount - 1)")
        }
        if nestedGraphs > 0 {
            context.note("\(nestedGraphs) nested graph(s) flattened: their nodes and edges belong to the top-level graph (NetworkX and igraph skip them)")
        }
        if hyperedges > 0 {
            context.note("\(hyperedges) hyperedge(s) skipped: Cercle's edges join two nodes")
        }
        if ports > 0 {
            context.note("ports ignored (\(ports) element(s)): edges join the nodes themselves")
        }
        if !wrongDomain.isEmpty {
            context.note("data of a key declared for other elements ignored: \(wrongDomain.joined(separator: ", "))")
        }
        if !typeConflicts.isEmpty {
            context.note("values that do not fit the type an earlier source gave these attributes were skipped: \(typeConflicts.joined(separator: ", "))")
        }
        if directedInUndirected > 0 {
            context.note("\(directedInUndirected) edge(s) marked directed=\"true\" in an undirected graph read as undirected")
        }
        if undirectedInDirected > 0 {
            context.note("\(undirectedInDirected) edge(s) marked directed=\"false\" in a directed graph read as two opposite arcs")
        }
        if nodes.duplicates > 0 {
            context.note("\(nodes.duplicates) node id(s) declared more than once; their data merged")
        }
        if graphicsKeys > 0 {
            context.note("yFiles graphics (\(graphicsKeys) key(s)) ignored")
        }
        if markupInData > 0 {
            context.note("markup inside \(markupInData) <data> element(s) ignored; their text was read")
        }
        if !unknownTypes.isEmpty {
            context.note("keys of types GraphML does not define read as text: \(unknownTypes.joined(separator: ", "))")
        }
        if let textWeightKey {
            context.note("the edge key 'weight' is of type \(textWeightKey), not a number: kept as an attribute, edges unweighted")
        }
    }
}
