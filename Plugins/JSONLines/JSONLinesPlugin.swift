import CercleCore
import CerclePlugin

/// Reads Cercle's JSON-lines interchange (see ``Interchange`` and PLUGINS.md), streamed
/// line by line.
public struct JSONLinesImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "jsonl", name: "Cercle JSON lines (person / tie / interaction records)",
        fileExtensions: ["jsonl", "ndjson"], quality: 1)

    /// Ids are local unless the header says `"ids": "global"`.
    public var idScope: GraphBuilder.IDScope { .local }

    public var rowUnit: String { "record" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let line = sample.firstLine
        if line.hasPrefix("{"), line.contains("\"\(Interchange.formatName)\"") { return .certain }
        if line.hasPrefix("{"), line.contains("\"type\""),
           Interchange.recordTypes.contains(where: { line.contains("\"\($0)\"") }) {
            return sample.hasExtension(format.fileExtensions) ? .certain : .likely
        }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var decoder = Interchange.Decoder()
        let reader = try LineReader(url: input.url, displayName: input.displayName)
        try reader.forEachLine { line, number in
            try decoder.decode(line: line, number: number, into: &context)
            return true
        }
    }
}

/// Writes Cercle's JSON-lines interchange: every person, tie and interaction event, so
/// that reading it back gives the same graph.
public struct JSONLinesExporter: GraphExporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "jsonl", name: "Cercle JSON lines (person / tie / interaction records)",
        fileExtensions: ["jsonl", "ndjson"], quality: 1)

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        try Interchange.write(graph, to: output, options: options)
    }
}
