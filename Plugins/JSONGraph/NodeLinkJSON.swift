import CercleCore
import CerclePlugin

/// Reads NetworkX's node-link JSON (`networkx.node_link_data`, also D3's layout):
/// `{"directed", "multigraph", "graph", "nodes": [{"id", …}], "edges"|"links": [{"source", "target", …}]}`.
///
/// Node and edge members other than the ids become typed attributes (integer, double,
/// boolean, string, or list of strings; nested objects are kept as JSON text); an edge's
/// `weight` member is its weight. Parallel edges of a multigraph merge (weights summed).
public struct NodeLinkJSONImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "node-link", name: "Node-link JSON (NetworkX node_link_data, D3)",
        fileExtensions: ["json"], quality: 0)

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let text = sample.text.prefix(4096)
        guard text.drop(while: { $0.isWhitespace }).first == "{" else { return .no }
        if text.contains("\"nodes\""), text.contains("\"directed\"") || text.contains("\"links\"") || text.contains("\"edges\"") {
            return .likely
        }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let data = try input.bytes()
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch let error as JSONParseError {
            let (line, column) = Self.position(of: error.column - 1, in: data)
            throw context.error("invalid JSON: \(error.reason)", line: line, column: column)
        }
        guard case .object = root, let nodes = root["nodes"]?.arrayValue else {
            throw context.error("not node-link JSON: no \"nodes\" array")
        }
        let edges = root["edges"]?.arrayValue ?? root["links"]?.arrayValue ?? []
        let directed = root["directed"]?.boolValue ?? false
        if !context.builder.declareDirected(context.options.directed ?? directed) {
            throw context.error("the graph is \(directed ? "" : "un")directed but earlier sources were not")
        }
        if case .object(let graphMembers)? = root["graph"],
           let name = graphMembers.first(where: { $0.key == "name" })?.value.stringValue {
            context.builder.metadata["name"] = context.builder.metadata["name"] ?? name
        }
        for (index, node) in nodes.enumerated() {
            guard case .object(let members) = node, let idValue = node["id"], let id = Self.idText(idValue) else {
                throw context.error("node \(index + 1) has no \"id\"")
            }
            let handle = context.node(id)
            for (key, value) in members where key != "id" {
                if let attribute = Self.attribute(value) {
                    context.builder.setNodeAttribute(key, attribute, node: handle)
                }
            }
            context.accept()
        }
        for (index, edge) in edges.enumerated() {
            guard case .object(let members) = edge,
                  let source = edge["source"].flatMap(Self.idText), let target = edge["target"].flatMap(Self.idText) else {
                throw context.error("edge \(index + 1) needs \"source\" and \"target\"")
            }
            var weight = 1.0
            if let value = edge["weight"] {
                guard let number = value.doubleValue else { throw context.error("edge \(index + 1): weight is not a number") }
                weight = number
            }
            let raw = context.addEdge(context.node(source), context.node(target), weight: weight)
            for (key, value) in members where !["source", "target", "weight", "key"].contains(key) {
                if let attribute = Self.attribute(value) { context.builder.setEdgeAttribute(key, attribute, edge: raw) }
            }
            context.accept()
        }
    }

    static func idText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): AttributeValue.format(number)
        case .bool(let flag): flag ? "True" : "False"
        default: nil
        }
    }

    static func attribute(_ value: JSONValue) -> AttributeValue? {
        switch value {
        case .null: nil
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .number(let number): .double(number)
        case .bool(let flag): .bool(flag)
        case .array(let values) where values.allSatisfy({ $0.stringValue != nil }):
            .stringList(values.compactMap(\.stringValue))
        default: .string(value.serialized)
        }
    }

    /// Line and column of a byte offset.
    static func position(of offset: Int, in data: some Collection<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(max(0, offset)) {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

/// Writes NetworkX's node-link JSON, which `networkx.node_link_graph` reads back with
/// the same nodes, edges and attributes (ids as strings; `weight` unless all are 1).
public struct NodeLinkJSONExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "node-link", name: "Node-link JSON (NetworkX node_link_data, D3)",
        fileExtensions: ["json"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        var graphMembers: [(key: String, value: JSONValue)] = []
        if let name = options.graphName ?? graph.metadata["name"] { graphMembers.append(("name", .string(name))) }
        try output.write("{\"directed\": \(graph.isDirected), \"multigraph\": false, \"graph\": \(JSONValue.object(graphMembers).serialized), \"nodes\": [")
        for node in 0..<graph.nodeCount {
            var members: [(key: String, value: JSONValue)] = [("id", .string(graph.ids[node]))]
            for column in graph.nodeAttributes.columns {
                if let value = column[node] { members.append((column.name, value.json)) }
            }
            try output.write((node == 0 ? "\n" : ",\n") + JSONValue.object(members).serialized)
        }
        try output.write("\n], \"edges\": [")
        var first = true
        for edge in graph.edges {
            var members: [(key: String, value: JSONValue)] = [
                ("source", .string(graph.ids[Int(edge.source)])), ("target", .string(graph.ids[Int(edge.target)])),
            ]
            if !graph.isUnweighted { members.append(("weight", .number(edge.weight))) }
            for column in graph.edgeAttributes.columns where column.name != "weight" {
                if let value = column[edge.id] { members.append((column.name, value.json)) }
            }
            try output.write((first ? "\n" : ",\n") + JSONValue.object(members).serialized)
            first = false
        }
        try output.writeLine("\n]}")
    }

}
