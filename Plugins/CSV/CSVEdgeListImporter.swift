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
        // The first data row was read as strings already; the rest stream as bytes.
        try addEdge(first, width: width, weightColumn: weightColumn, attributeColumns: attributeColumns,
                    texts: &attributeTexts, context: &context)
        var ranges: [CSVReader.FieldRange] = []
        var scratch: [UInt8] = []
        while true {
            let line = reader.currentLine
            guard try reader.scan(into: &ranges) else { break }
            if ranges.isEmpty { continue }
            guard ranges.count == width else {
                throw context.error("expected \(width) fields, found \(ranges.count)", line: line)
            }
            let u = try reader.withFieldBytes(ranges[0], scratch: &scratch) { bytes in
                try Self.node(bytes, role: "source", line: line, context: &context)
            }
            let v = try reader.withFieldBytes(ranges[1], scratch: &scratch) { bytes in
                try Self.node(bytes, role: "target", line: line, context: &context)
            }
            var weight = 1.0
            if let weightColumn {
                weight = try reader.withFieldBytes(ranges[weightColumn], scratch: &scratch) { bytes in
                    try Self.weight(bytes, line: line, column: weightColumn + 1, context: context)
                }
            }
            context.addEdge(u, v, weight: weight)
            for column in attributeColumns {
                attributeTexts[column].append(reader.withFieldBytes(ranges[column], scratch: &scratch) {
                    String(decoding: $0, as: UTF8.self)
                })
            }
            context.accept()
        }
        // Attribute types are inferred once all values are known.
        for column in attributeColumns {
            let inferred = AttributeColumn.inferring(name: columns[column], texts: attributeTexts[column])
            for index in 0..<inferred.count {
                context.builder.setEdgeAttribute(columns[column], inferred[index], edge: firstEdge + index)
            }
        }
    }

    /// Adds the edge of a row already read as strings (the first data row).
    func addEdge(
        _ row: CSVRow, width: Int, weightColumn: Int?, attributeColumns: [Int], texts: inout [[String?]],
        context: inout ImportContext
    ) throws {
        guard row.count == width else {
            throw context.error("expected \(width) fields, found \(row.count)", line: row.line)
        }
        var weight = 1.0
        if let weightColumn {
            var text = row[weightColumn]
            weight = try text.withUTF8 { try Self.weight($0, line: row.line, column: weightColumn + 1, context: context) }
        }
        var source = row[0], target = row[1]
        let u = try source.withUTF8 { try Self.node($0, role: "source", line: row.line, context: &context) }
        let v = try target.withUTF8 { try Self.node($0, role: "target", line: row.line, context: &context) }
        context.addEdge(u, v, weight: weight)
        for column in attributeColumns { texts[column].append(row[column]) }
        context.accept()
    }

    /// The node of an id field, spaces around it ignored.
    static func node(
        _ bytes: UnsafeBufferPointer<UInt8>, role: String, line: Int, context: inout ImportContext
    ) throws -> Int32 {
        let id = bytes.trimmingSpaces
        guard !id.isEmpty else { throw context.error("empty \(role) node id", line: line) }
        return context.node(utf8: id)
    }

    /// The weight of a weight field: empty means 1; anything else must be a finite number.
    static func weight(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int, context: ImportContext) throws -> Double {
        let text = bytes.trimmingSpaces
        if text.isEmpty { return 1 }
        guard let value = NumberParsing.double(text), value.isFinite else {
            throw context.error("weight '\(String(decoding: text, as: UTF8.self))' is not a number", line: line, column: column)
        }
        return value
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
