import CercleCore
import CerclePlugin

/// Writes GraphML that NetworkX's `read_graphml`, igraph's `Graph.Read_GraphML`, yEd,
/// Gephi and Cytoscape read with the same nodes, edges and attribute values.
///
/// **Conventions.**
/// - Node ids are Cercle's ids. `edgedefault` is `directed` or `undirected`; an
///   undirected edge is written once.
/// - Edge weights are written as the edge key `weight` (`double`) unless every weight
///   is 1 (an unweighted graph has no weight key, and reads back with weight 1).
/// - Attribute types: integer → `long`, double → `double` (`inf`, `-inf`, `nan` as
///   Python prints them), boolean → `boolean` (`true`/`false`), string → `string`,
///   date → `string` in ISO 8601 (`2024-03-01` for a date at midnight UTC, else
///   `2024-03-01T09:30:00Z`), list of strings → `string` joined by `;` (so an item that
///   itself holds `;` does not survive the round trip). Missing values are omitted.
/// - The graph's name (``ExportOptions/graphName`` or the metadata `name`) is the graph
///   key `name`.
/// - Text is escaped for XML 1.0 and characters XML 1.0 forbids are removed
///   (see ``XMLEscaping``).
///
/// **Known peer quirk.** igraph 0.10 (through libxml2, entity substitution off) reads an
/// `&` in an *attribute value* as the six characters `&#38;`, however it is escaped; so a
/// node id holding `&` reaches igraph altered (text in `<data>` is not affected).
/// NetworkX, yEd and Gephi read it correctly.
///
/// - Complexity: O(*n* · *a* + *m* · *b*) for *n* nodes with *a* attribute columns and
///   *m* edges with *b* columns.
public struct GraphMLExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "graphml", name: "GraphML", fileExtensions: ["graphml"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        try output.writeLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        try output.writeLine("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
            """)
        let nodeColumns = graph.nodeAttributes.columns
        let edgeColumns = graph.edgeAttributes.columns.filter { $0.name != "weight" }
        let graphName = options.graphName ?? graph.metadata["name"]
        if graphName != nil {
            try output.writeLine("  <key id=\"g0\" for=\"graph\" attr.name=\"name\" attr.type=\"string\"/>")
        }
        for (index, column) in nodeColumns.enumerated() {
            try output.writeLine("  <key id=\"n\(index)\" for=\"node\" attr.name=\"\(XMLEscaping.attribute(column.name))\" attr.type=\"\(Self.typeName(column.type))\"/>")
        }
        let weighted = !graph.isUnweighted
        if weighted {
            try output.writeLine("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>")
        }
        for (index, column) in edgeColumns.enumerated() {
            try output.writeLine("  <key id=\"e\(index)\" for=\"edge\" attr.name=\"\(XMLEscaping.attribute(column.name))\" attr.type=\"\(Self.typeName(column.type))\"/>")
        }
        try output.writeLine("  <graph id=\"G\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">")
        if let graphName {
            try output.writeLine("    <data key=\"g0\">\(XMLEscaping.text(graphName))</data>")
        }
        let ids = graph.ids.map(XMLEscaping.attribute)
        var line = ""
        for node in 0..<graph.nodeCount {
            line.removeAll(keepingCapacity: true)
            line += "    <node id=\""
            line += ids[node]
            var hasData = false
            for (index, column) in nodeColumns.enumerated() {
                guard let value = column[node] else { continue }
                line += hasData ? "\n      <data key=\"n" : "\">\n      <data key=\"n"
                line += String(index)
                line += "\">"
                line += Self.text(value)
                line += "</data>"
                hasData = true
            }
            line += hasData ? "\n    </node>" : "\"/>"
            try output.writeLine(line)
        }
        for edge in graph.edges {
            line.removeAll(keepingCapacity: true)
            line += "    <edge source=\""
            line += ids[Int(edge.source)]
            line += "\" target=\""
            line += ids[Int(edge.target)]
            var hasData = false
            if weighted {
                line += "\">\n      <data key=\"weight\">"
                line += AttributeValue.format(edge.weight)
                line += "</data>"
                hasData = true
            }
            for (index, column) in edgeColumns.enumerated() {
                guard let value = column[edge.id] else { continue }
                line += hasData ? "\n      <data key=\"e" : "\">\n      <data key=\"e"
                line += String(index)
                line += "\">"
                line += Self.text(value)
                line += "</data>"
                hasData = true
            }
            line += hasData ? "\n    </edge>" : "\"/>"
            try output.writeLine(line)
        }
        try output.writeLine("  </graph>")
        try output.writeLine("</graphml>")
    }

    /// The GraphML `attr.type` of a column.
    static func typeName(_ type: AttributeType) -> String {
        switch type {
        case .integer: "long"
        case .double: "double"
        case .bool: "boolean"
        case .string, .date, .stringList: "string"
        }
    }

    /// A value as GraphML element text.
    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .integer, .double, .bool: value.text
        case .string, .date, .stringList: XMLEscaping.text(value.text)
        }
    }
}
