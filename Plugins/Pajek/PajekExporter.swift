import CercleCore
import CerclePlugin

/// Writes a Pajek network (`.net`) that Pajek, NetworkX's `read_pajek` and igraph's
/// `Read_Pajek` read with Cercle's node ids and weights.
///
/// **Conventions.**
/// - `*Network NAME` when the graph has a name; `*Vertices n`; one line per vertex,
///   `number "id"` with the node id always quoted (`"` and `\` escaped with a backslash,
///   which NetworkX's reader undoes; line breaks become spaces, the format being
///   line-based), followed by `x y` when the node has numeric `x` and `y` attributes.
/// - `*Edges` (undirected) or `*Arcs` (directed), one line per edge, `u v` and the weight
///   unless every weight is 1.
/// - Pajek has no general attributes: other node and edge attributes are not written
///   (use GraphML, GEXF or GML to keep them).
///
/// - Complexity: O(*n* + *m*).
public struct PajekExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(id: "pajek", name: "Pajek network (.net)", fileExtensions: ["net"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        if let name = options.graphName ?? graph.metadata["name"] {
            try output.writeLine("*Network \(name.replacingNewlines())")
        }
        try output.writeLine("*Vertices \(graph.nodeCount)")
        let x = graph.nodeAttributes["x"]
        let y = graph.nodeAttributes["y"]
        var line = ""
        for node in 0..<graph.nodeCount {
            line.removeAll(keepingCapacity: true)
            line += String(node + 1)
            line += " "
            line += PajekLine.quoted(graph.ids[node])
            if let px = x?.double(at: node), let py = y?.double(at: node), px.isFinite, py.isFinite,
               x?.type != .bool, y?.type != .bool {
                line += " \(AttributeValue.format(px)) \(AttributeValue.format(py))"
            }
            try output.writeLine(line)
        }
        try output.writeLine(graph.isDirected ? "*Arcs" : "*Edges")
        let weighted = !graph.isUnweighted
        for edge in graph.edges {
            line.removeAll(keepingCapacity: true)
            line += String(edge.source + 1)
            line += " "
            line += String(edge.target + 1)
            if weighted {
                line += " "
                line += AttributeValue.format(edge.weight)
            }
            try output.writeLine(line)
        }
    }
}

extension String {
    /// The text on one line: line breaks as spaces.
    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
