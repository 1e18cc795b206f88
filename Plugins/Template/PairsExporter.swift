import CercleCore
import CerclePlugin

/// Writes the "Cercle pairs" format: the signature, then `A -- B weight` per edge.
///
/// The format is undirected and has no place for isolated nodes or attributes: those
/// are left out. A name containing ` -- ` or a line break cannot be written: the export
/// then fails with ``ExportError`` and the host leaves no file behind.
///
/// - Complexity: O(n + m).
public struct PairsExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(id: "pairs", name: "Cercle pairs (template plugin)", fileExtensions: ["pairs"])

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        try output.writeLine(PairsFormat.signature)
        for edge in graph.edges {
            let source = graph.ids[Int(edge.source)]
            let target = graph.ids[Int(edge.target)]
            for name in [source, target] where name.contains(PairsFormat.separator) || name.contains(where: \.isNewline) {
                throw ExportError(file: output.name, reason: "node '\(name)' cannot be written in the pairs format")
            }
            try output.writeLine("\(source)\(PairsFormat.separator)\(target) \(AttributeValue.format(edge.weight))")
        }
    }
}
