import CercleCore
import CerclePlugin

/// Writes Graphviz DOT that `dot` lays out and Cercle reads back with the same ids,
/// edges, weights and attribute texts.
///
/// **Conventions.**
/// - `graph` or `digraph`, named after the graph when it has a name. Every id, attribute
///   name and value is a quoted string, so no id collides with a DOT keyword (`node`,
///   `edge`, `graph`, `strict`, `subgraph`) and any text survives. In quoted strings `"`
///   becomes `\"`, a backslash `\\` and a line break `\n` (the only escapes DOT and
///   Graphviz's labels share; a carriage return before a line feed is dropped, and NUL
///   characters, which C strings cannot hold, are removed).
/// - One line per node with its present attributes (`"a" ["label"="Ann", "age"="41"];`),
///   then one line per edge (`"a" -- "b" ["weight"="2.5"];`). The weight is written
///   unless every weight is 1.
/// - DOT values are text: numbers, booleans, dates (ISO 8601) and lists (joined by `;`)
///   are written as ``CercleCore/AttributeValue/text`` and read back as strings.
///
/// - Complexity: O(*n* · *a* + *m* · *b*) for *n* nodes with *a* attribute columns and
///   *m* edges with *b* columns.
public struct DOTExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(id: "dot", name: "Graphviz DOT", fileExtensions: ["dot", "gv"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        let keyword = graph.isDirected ? "digraph" : "graph"
        if let name = options.graphName ?? graph.metadata["name"] {
            try output.writeLine("\(keyword) \(Self.quoted(name)) {")
        } else {
            try output.writeLine("\(keyword) {")
        }
        let nodeColumns = graph.nodeAttributes.columns
        let nodeNames = nodeColumns.map { Self.quoted($0.name) }
        let edgeColumns = graph.edgeAttributes.columns.filter { $0.name != "weight" }
        let edgeNames = edgeColumns.map { Self.quoted($0.name) }
        let ids = graph.ids.map(Self.quoted)
        var line = ""
        for node in 0..<graph.nodeCount {
            line.removeAll(keepingCapacity: true)
            line += "  "
            line += ids[node]
            Self.appendAttributes(nodeColumns, names: nodeNames, row: node, weight: nil, to: &line)
            line += ";"
            try output.writeLine(line)
        }
        let arrow = graph.isDirected ? " -> " : " -- "
        let weighted = !graph.isUnweighted
        for edge in graph.edges {
            line.removeAll(keepingCapacity: true)
            line += "  "
            line += ids[Int(edge.source)]
            line += arrow
            line += ids[Int(edge.target)]
            Self.appendAttributes(edgeColumns, names: edgeNames, row: edge.id, weight: weighted ? edge.weight : nil, to: &line)
            line += ";"
            try output.writeLine(line)
        }
        try output.writeLine("}")
    }

    private static func appendAttributes(
        _ columns: [AttributeColumn], names: [String], row: Int, weight: Double?, to line: inout String
    ) {
        var first = true
        if let weight {
            line += " [\"weight\"=\""
            line += AttributeValue.format(weight)
            line += "\""
            first = false
        }
        for (index, column) in columns.enumerated() {
            guard let value = column[row] else { continue }
            line += first ? " [" : ", "
            line += names[index]
            line += "="
            line += quoted(value.text)
            first = false
        }
        if !first { line += "]" }
    }

    /// `text` as a DOT quoted string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r\n": result += "\\n"
            case "\r": result += "\\n"
            case "\u{0}": break
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
