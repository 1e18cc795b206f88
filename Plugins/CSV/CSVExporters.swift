import CercleCore
import CerclePlugin

/// Writes the edges as `source,target[,weight],<edge attributes>` with a header.
///
/// The weight column is written unless every weight is 1. Lists are joined by `;`,
/// dates are ISO 8601; a missing value is an empty field. Node attributes go to a node
/// table (``CSVNodeTableExporter``, `-o graph.nodes.csv`).
public struct CSVEdgeListExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "csv", name: "CSV edge list (source,target[,weight][,attributes])",
        fileExtensions: ["csv", "tsv"], quality: 0)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        let columns = graph.edgeAttributes.columns.filter { $0.name != "weight" }
        var header = ["source", "target"]
        if !graph.isUnweighted { header.append("weight") }
        header += columns.map(\.name)
        try output.writeLine(CSVWriter.record(header))
        for edge in graph.edges {
            var fields = [graph.ids[Int(edge.source)], graph.ids[Int(edge.target)]]
            if !graph.isUnweighted { fields.append(AttributeValue.format(edge.weight)) }
            for column in columns { fields.append(column.text(at: edge.id) ?? "") }
            try output.writeLine(CSVWriter.record(fields))
        }
    }
}

/// Writes the nodes as `id,label,<node attributes>` with a header.
public struct CSVNodeTableExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "csv-nodes", name: "CSV node table (id,label,attributes…)",
        fileExtensions: ["nodes.csv"], quality: 1)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        let columns = graph.nodeAttributes.columns.filter { $0.name != PersonField.label }
        try output.writeLine(CSVWriter.record(["id", PersonField.label] + columns.map(\.name)))
        for node in 0..<graph.nodeCount {
            var fields = [graph.ids[node], graph.nodeAttributes[PersonField.label]?.text(at: node) ?? ""]
            for column in columns { fields.append(column.text(at: node) ?? "") }
            try output.writeLine(CSVWriter.record(fields))
        }
    }
}
