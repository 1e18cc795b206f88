import CercleCore
import CerclePlugin

/// Writes GEXF 1.3 for Gephi, styled from analysis results, and readable by NetworkX's
/// `read_gexf` with the same nodes, edges and attribute values.
///
/// **Conventions.**
/// - Node ids are Cercle's ids; a node's `label` is its `label` attribute, else its id.
///   `defaultedgetype` is `directed` or `undirected`; an undirected edge is written once,
///   with ids `0`, `1`, … in Cercle's edge order.
/// - Edge weights are the edges' `weight`, omitted when every weight is 1.
/// - Attribute types: integer → `long`, double → `double` (`NaN`, `INF`, `-INF` as XML
///   Schema spells them), boolean → `boolean`, string → `string`, date → `string` in ISO
///   8601 (GEXF 1.3 has no date type for attributes), list of strings → `string` joined
///   by `;` (as in GraphML: NetworkX reads `liststring` as plain text, and Gephi versions
///   disagree on its syntax).
/// - The `viz` module carries the styling of ``GEXFStyle``: colour from the integer node
///   attribute `community`, size from `pagerank`, `betweenness` or `degree` (5 to 50),
///   position from `x` and `y`. Gephi opens the file coloured by community.
/// - The graph's name (``ExportOptions/graphName`` or the metadata `name`) is the `<meta>`
///   `<description>`; `<creator>` names Cercle and its version. No modification date is
///   written, so the same graph always gives the same bytes.
///
/// - Complexity: O(*n* · *a* + *m* · *b*) for *n* nodes with *a* attribute columns and
///   *m* edges with *b* columns.
public struct GEXFExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(id: "gexf", name: "GEXF (Gephi)", fileExtensions: ["gexf"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        try output.writeLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        try output.writeLine("""
            <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
            """)
        try output.writeLine("  <meta>")
        try output.writeLine("    <creator>Cercle \(CercleVersion.current)</creator>")
        if let name = options.graphName ?? graph.metadata["name"] {
            try output.writeLine("    <description>\(XMLEscaping.text(name))</description>")
        }
        try output.writeLine("  </meta>")
        try output.writeLine("  <graph defaultedgetype=\"\(graph.isDirected ? "directed" : "undirected")\" mode=\"static\">")
        let labels = graph.nodeAttributes[PersonField.label]
        let nodeColumns = graph.nodeAttributes.columns.filter { $0.name != PersonField.label }
        let edgeColumns = graph.edgeAttributes.columns.filter { $0.name != "weight" }
        try writeDeclarations(nodeColumns, owner: "node", to: output)
        try writeDeclarations(edgeColumns, owner: "edge", to: output)

        let style = GEXFStyle(graph)
        try output.writeLine("    <nodes count=\"\(graph.nodeCount)\">")
        let ids = graph.ids.map(XMLEscaping.attribute)
        var line = ""
        for node in 0..<graph.nodeCount {
            line.removeAll(keepingCapacity: true)
            line += "      <node id=\""
            line += ids[node]
            line += "\" label=\""
            line += labels?.text(at: node).map(XMLEscaping.attribute) ?? ids[node]
            line += "\""
            let values = Self.values(nodeColumns, row: node, indent: "        ")
            let viz = style.elements(of: node, indent: "        ")
            if values.isEmpty, viz.isEmpty {
                line += "/>"
            } else {
                line += ">" + values + viz + "\n      </node>"
            }
            try output.writeLine(line)
        }
        try output.writeLine("    </nodes>")
        try output.writeLine("    <edges count=\"\(graph.edgeCount)\">")
        let weighted = !graph.isUnweighted
        for edge in graph.edges {
            line.removeAll(keepingCapacity: true)
            line += "      <edge id=\""
            line += String(edge.id)
            line += "\" source=\""
            line += ids[Int(edge.source)]
            line += "\" target=\""
            line += ids[Int(edge.target)]
            if weighted {
                line += "\" weight=\""
                line += Self.number(edge.weight)
            }
            line += "\""
            let values = Self.values(edgeColumns, row: edge.id, indent: "        ")
            line += values.isEmpty ? "/>" : ">" + values + "\n      </edge>"
            try output.writeLine(line)
        }
        try output.writeLine("    </edges>")
        try output.writeLine("  </graph>")
        try output.writeLine("</gexf>")
    }

    private func writeDeclarations(_ columns: [AttributeColumn], owner: String, to output: OutputBuffer) throws {
        guard !columns.isEmpty else { return }
        try output.writeLine("    <attributes class=\"\(owner)\">")
        for (index, column) in columns.enumerated() {
            try output.writeLine("      <attribute id=\"\(index)\" title=\"\(XMLEscaping.attribute(column.name))\" type=\"\(Self.typeName(column.type))\"/>")
        }
        try output.writeLine("    </attributes>")
    }

    /// `<attvalues>` for the present values of `row`, or `""`.
    static func values(_ columns: [AttributeColumn], row: Int, indent: String) -> String {
        var text = ""
        for (index, column) in columns.enumerated() {
            guard let value = column[row] else { continue }
            if text.isEmpty { text = "\n\(indent)<attvalues>" }
            text += "\n\(indent)  <attvalue for=\"\(index)\" value=\"\(Self.text(value))\"/>"
        }
        return text.isEmpty ? "" : text + "\n\(indent)</attvalues>"
    }

    /// The GEXF type of a column.
    static func typeName(_ type: AttributeType) -> String {
        switch type {
        case .integer: "long"
        case .double: "double"
        case .bool: "boolean"
        case .string, .date, .stringList: "string"
        }
    }

    /// A value as GEXF attribute text.
    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .double(let x): Self.number(x)
        case .integer, .bool: value.text
        case .string, .date, .stringList: XMLEscaping.attribute(value.text)
        }
    }

    /// A double as XML Schema writes it (`NaN`, `INF`, `-INF` for the special values).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "INF" : "-INF" }
        return AttributeValue.format(value)
    }
}
