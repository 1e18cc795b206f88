import CercleCore
import CerclePlugin

/// Writes GML that NetworkX's `read_gml(path, label="label")` reads back with Cercle's
/// node ids, and igraph's `Graph.Read_GML` reads too.
///
/// **Conventions.**
/// - Nodes are numbered `id 0, 1, …` in Cercle's order; `label` holds the node's id (so
///   NetworkX names nodes by it); a graph's display names (the `label` attribute) go under
///   `display_label`, which Cercle's importer maps back.
/// - `directed 0|1` is always written; the graph's name is `name`.
/// - Edge weights are `weight`, omitted when every weight is 1.
/// - Values: integers as GML integers when they fit 32 bits (GML's range), else as strings
///   (as NetworkX writes them); doubles as reals with a decimal point (`1.0E-05`; `+INF`,
///   `-INF`, `NAN`); booleans as `1`/`0` (GML has no booleans, NetworkX does the same);
///   dates as ISO 8601 strings; lists of strings joined by `;`.
/// - Strings are ASCII, as NetworkX requires: `"` and `&` become `&quot;` and `&amp;`
///   (igraph reads these too), other characters beyond printable ASCII numeric references
///   (`&#233;`), which NetworkX decodes. igraph 0.10 decodes only the five XML entities,
///   so non-ASCII text reaches igraph as `&#233;` references.
/// - Keys must match `[A-Za-z][A-Za-z0-9_]*`: other characters of an attribute name
///   become `_`, a name not starting with a letter is prefixed `a_`, and names the format
///   reserves (`id`, `label`, `source`, `target`, `weight` where they are structure) get a
///   trailing `_`.
///
/// - Complexity: O(*n* · *a* + *m* · *b*) for *n* nodes with *a* attribute columns and
///   *m* edges with *b* columns.
public struct GMLExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(id: "gml", name: "GML (Graph Modelling Language)", fileExtensions: ["gml"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        try output.writeLine("graph [")
        try output.writeLine("  directed \(graph.isDirected ? 1 : 0)")
        if let name = options.graphName ?? graph.metadata["name"] {
            try output.writeLine("  name \"\(GMLEntities.encode(name))\"")
        }
        let nodeKeys = Self.keys(for: graph.nodeAttributes.columns.map(\.name), reserved: ["id", "label"], renaming: [PersonField.label: "display_label"])
        let weighted = !graph.isUnweighted
        let edgeColumns = graph.edgeAttributes.columns.filter { $0.name != "weight" }
        let edgeKeys = Self.keys(for: edgeColumns.map(\.name), reserved: Set(["source", "target", "key"] + (weighted ? ["weight"] : [])), renaming: [:])
        var block = ""
        for node in 0..<graph.nodeCount {
            block.removeAll(keepingCapacity: true)
            block += "  node [\n    id \(node)\n    label \""
            block += GMLEntities.encode(graph.ids[node])
            block += "\"\n"
            for (index, column) in graph.nodeAttributes.columns.enumerated() {
                guard let value = column[node] else { continue }
                block += "    \(nodeKeys[index]) \(Self.text(value))\n"
            }
            block += "  ]"
            try output.writeLine(block)
        }
        for edge in graph.edges {
            block.removeAll(keepingCapacity: true)
            block += "  edge [\n    source \(edge.source)\n    target \(edge.target)\n"
            if weighted { block += "    weight \(Self.real(edge.weight))\n" }
            for (index, column) in edgeColumns.enumerated() {
                guard let value = column[edge.id] else { continue }
                block += "    \(edgeKeys[index]) \(Self.text(value))\n"
            }
            block += "  ]"
            try output.writeLine(block)
        }
        try output.writeLine("]")
    }

    /// GML keys for attribute names (see the type's documentation).
    static func keys(for names: [String], reserved: Set<String>, renaming: [String: String]) -> [String] {
        names.map { name in
            if let renamed = renaming[name] { return renamed }
            var key = String(name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? Character(scalar) : "_"
            })
            if let first = key.unicodeScalars.first, !(first.isASCII && first.properties.isAlphabetic) { key = "a_" + key }
            if key.isEmpty { key = "a_" }
            if reserved.contains(key) || renaming.values.contains(key) { key += "_" }
            return key
        }
    }

    /// A value as GML.
    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .integer(let number):
            (Int(Int32.min)...Int(Int32.max)).contains(number) ? String(number) : "\"\(number)\""
        case .double(let number): real(number)
        case .bool(let flag): flag ? "1" : "0"
        case .string, .date, .stringList: "\"\(GMLEntities.encode(value.text))\""
        }
    }

    /// A real as NetworkX writes it: always with a decimal point, upper-case exponent.
    static func real(_ value: Double) -> String {
        if value.isNaN { return "NAN" }
        if value.isInfinite { return value > 0 ? "+INF" : "-INF" }
        let text = AttributeValue.format(value).uppercased()
        guard let exponent = text.firstIndex(of: "E") else { return text.contains(".") ? text : text + ".0" }
        let mantissa = text[..<exponent]
        return (mantissa.contains(".") ? String(mantissa) : mantissa + ".0") + text[exponent...]
    }
}
