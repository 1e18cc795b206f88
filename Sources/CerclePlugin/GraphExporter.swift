import CercleCore
import Foundation

/// Writes a ``ContactGraph`` (with the analysis results attached as attributes) in one
/// file format.
///
/// Exporters write into an ``OutputBuffer``; the host creates it on a temporary file
/// beside the destination and renames it only when the exporter returns, so a failed
/// export never leaves a half-written file.
public protocol GraphExporter: Sendable {
    /// The format written; its id is shared with the importer of the same format.
    var format: FormatDescriptor { get }

    /// Writes `graph`.
    ///
    /// - Throws: ``ExportError`` when the graph cannot be expressed in the format.
    func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws
}

/// Options shared by exporters.
public struct ExportOptions: Sendable {
    /// A name for the graph (GraphML `id`, GEXF description, map title).
    public var graphName: String?
    /// Whether to write the interaction events of ties (JSON lines).
    public var includeInteractions = true
    /// Seconds an external exporter may run before it is killed (`--plugin-timeout`).
    public var pluginTimeout: Double = 300

    public init(graphName: String? = nil) {
        self.graphName = graphName
    }
}
