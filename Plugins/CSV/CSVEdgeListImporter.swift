import CercleCore
import CerclePlugin
import Foundation

/// Reads an edge list: `source,target[,weight][,edge attributes…]`.
///
/// - The header is optional. It is recognised when its first two fields name the
///   endpoints (`source`/`target`, `from`/`to`, `node1`/`node2`, `src`/`dst`, `u`/`v`,
///   any case) or when `--option header=yes` says so. With a header, a `weight` column
///   holds the weight and every other column becomes a typed edge attribute (integer,
///   double, boolean or string, inferred from all values). Without one, a third column
///   is the weight.
/// - Comma, semicolon and tab are detected; RFC 4180 quoting, a UTF-8 BOM and CRLF line
///   ends are read; empty lines are ignored.
/// - A row with too few or too many fields, or a weight that is not a number, stops the
///   import with the file, the line and the reason: an edge list with a broken row is a
///   broken graph.
///
/// Edges are undirected unless `--directed` is given; parallel rows merge into one edge
/// whose weight is the sum (so an event log of one row per contact gives contact counts).
public struct CSVEdgeListImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "csv", name: "CSV edge list (source,target[,weight][,attributes])",
        fileExtensions: ["csv", "tsv", "txt", "edges", "edgelist"], quality: 0)

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        guard sample.hasExtension(format.fileExtensions) else { return .no }
        if sample.fileName.lowercased().hasSuffix(".nodes.csv") { return .no }
        let header = CSVHeader.fields(of: sample)
        if let first = header.first?.lowercased(), first == "id" { return .no }
        if header.count >= 2, CSVHeader.isEndpointHeader(header[0], header[1]) { return .likely }
        return .possible
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var reader = CSVReader(data: try input.bytes(), file: input.displayName)
        if reader.encoding != .utf8 { context.note("read as \(reader.encoding.rawValue)") }
        if let directed = context.options.directed, !context.builder.declareDirected(directed) {
            throw context.error("this edge list is \(directed ? "" : "un")directed but earlier sources were not")
        }
        guard var first = try Self.nextNonEmpty(&reader) else {
            throw context.error("empty file: no edge")
        }
        let forced = context.options.extra["header"].map { ["yes", "true", "1"].contains($0.lowercased()) }
        let hasHeader = forced ?? (first.count >= 2 && CSVHeader.isEndpointHeader(first[0], first[1]))
        var columns: [String] = []
        var weightColumn: Int?
        var width = first.count
        if hasHeader {
            columns = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 2 else {
                throw context.error("the header needs at least two columns (source,target)", line: first.line)
            }
            weightColumn = columns.firstIndex { $0.lowercased() == "weight" }
            guard let next = try Self.nextNonEmpty(&reader) else { return }
            first = next
        } else {
            guard first.count >= 2 else {
                throw context.error("expected at least two fields (source,target), found \(first.count)", line: first.line)
            }
            weightColumn = first.count >= 3 ? 2 : nil
            width = first.count
            columns = ["source", "target"] + (width >= 3 ? ["weight"] : []) + (width > 3 ? (3..<width).map { "column\($0 + 1)" } : [])
        }
        width = columns.count
        let attributeColumns = (2..<width).filter { $0 != weightColumn }
        var attributeTexts = [[String?]](repeating: [], count: width)
        let firstEdge = context.builder.rawEdgeCount
        var row: CSVRow? = first
        while let current = row {
            if current.isEmptyLine {
                row = try reader.next()
                continue
            }
            guard current.count == width else {
                throw context.error("expected \(width) fields, found \(current.count)", line: current.line)
            }
            let source = current[0].trimmingCharacters(in: .whitespaces)
            let target = current[1].trimmingCharacters(in: .whitespaces)
            guard !source.isEmpty, !target.isEmpty else {
                throw context.error("empty \(source.isEmpty ? "source" : "target") node id", line: current.line)
            }
            var weight = 1.0
            if let weightColumn {
                let text = current[weightColumn].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    guard let value = AttributeColumn.parseDouble(text), value.isFinite else {
                        throw context.error("weight '\(text)' is not a number", line: current.line,
                                            column: weightColumn + 1)
                    }
                    weight = value
                }
            }
            let u = context.node(source)
            let v = context.node(target)
            context.addEdge(u, v, weight: weight)
            for column in attributeColumns { attributeTexts[column].append(current[column]) }
            context.accept()
            row = try reader.next()
        }
        // Attribute types are inferred once all values are known.
        for column in attributeColumns {
            let inferred = AttributeColumn.inferring(name: columns[column], texts: attributeTexts[column])
            for index in 0..<inferred.count {
                context.builder.setEdgeAttribute(columns[column], inferred[index], edge: firstEdge + index)
            }
        }
    }

    static func nextNonEmpty(_ reader: inout CSVReader) throws -> CSVRow? {
        while let row = try reader.next() {
            if !row.isEmptyLine { return row }
        }
        return nil
    }
}

/// Reading the first line of a CSV sample.
enum CSVHeader {
    static let sourceNames: Set<String> = ["source", "from", "node1", "src", "u", "source_id", "sourceid", "start"]
    static let targetNames: Set<String> = ["target", "to", "node2", "dst", "v", "target_id", "targetid", "end"]

    static func isEndpointHeader(_ first: String, _ second: String) -> Bool {
        sourceNames.contains(first.trimmingCharacters(in: .whitespaces).lowercased())
            && targetNames.contains(second.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The fields of the first non-empty line of the sample.
    static func fields(of sample: SniffSample) -> [String] {
        var reader = CSVReader(data: sample.bytes.prefix(8_192), file: sample.fileName)
        while let row = try? reader.next() {
            if !row.isEmptyLine { return row.fields }
        }
        return []
    }
}
