import CercleCore
import CerclePlugin

/// Reads a node table: a CSV whose first column is `id`, then `label` and any attributes.
///
/// Given beside an edge list, it names and describes that list's nodes; nodes it lists
/// that no edge mentions are isolated nodes of the graph. Node tables are read before
/// the other sources of a command, so the graph's node order is the table's. Column
/// types are inferred from all values (integer, double, boolean, else string); a column
/// named `label` or `name` gives the display label.
public struct CSVNodeTableImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "csv-nodes", name: "CSV node table (id,label,attributes…)",
        fileExtensions: ["nodes.csv", "csv", "tsv"], quality: 1)

    public var readsFirst: Bool { true }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        guard sample.hasExtension(["csv", "tsv", "txt"]) else { return .no }
        let header = CSVHeader.fields(of: sample)
        guard header.first?.trimmingCharacters(in: .whitespaces).lowercased() == "id" else { return .no }
        return sample.fileName.lowercased().hasSuffix(".nodes.csv") ? .certain : .likely
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var reader = CSVReader(data: try input.bytes(), file: input.displayName)
        if reader.encoding != .utf8 { context.note("read as \(reader.encoding.rawValue)") }
        guard let header = try CSVEdgeListImporter.nextNonEmpty(&reader) else {
            throw context.error("empty file: no header")
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard columns.first?.lowercased() == "id" else {
            throw context.error("a node table starts with an 'id' column", line: header.line, column: 1)
        }
        var seen: [String: Int] = [:]
        var nodes: [Int32] = []
        var texts = [[String?]](repeating: [], count: columns.count)
        while let row = try reader.next() {
            if row.isEmptyLine { continue }
            guard row.count == columns.count else {
                throw context.error("expected \(columns.count) fields, found \(row.count)", line: row.line)
            }
            let id = row[0].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { throw context.error("empty node id", line: row.line, column: 1) }
            if let previous = seen[id] {
                throw context.error("node '\(id)' is listed twice (first on line \(previous))", line: row.line, column: 1)
            }
            seen[id] = row.line
            nodes.append(context.node(id))
            for column in 1..<columns.count { texts[column].append(row[column]) }
            context.accept()
        }
        for column in 1..<max(1, columns.count) {
            var name = columns[column]
            if ["label", "name"].contains(name.lowercased()), !columns.contains(PersonField.label) || name == PersonField.label {
                name = PersonField.label
            }
            let values = AttributeColumn.inferring(name: name, texts: texts[column])
            let typed = name == PersonField.label ? values.converted(to: .string) ?? values : values
            for (index, node) in nodes.enumerated() {
                context.builder.setNodeAttribute(name, typed[index], node: node)
            }
            if typed.presentCount == 0 { context.builder.declareNodeAttribute(name, type: .string) }
        }
    }
}
