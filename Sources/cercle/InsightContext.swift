import CercleAnalysis
import CercleCore
import CerclePlugin
import Foundation

/// What every insight command (`circles`, `path`, `coverage`, `dormant`, `diversity`,
/// `explain`) starts from: the graph as read, the same graph redacted for output, the
/// tie-strength model and the reference date.
struct InsightContext {
    /// The graph as read: persons are looked up here, by what the user knows of them.
    let graph: ContactGraph
    /// The graph with `--redact` applied: every id and label printed or written comes from here.
    let shown: ContactGraph
    let model: TieStrengthModel
    /// "Now" for tie strength: `--as-of`, else the latest date in the data.
    let asOf: Date?
    let asOfOrigin: String

    static func load(_ input: SourceOptions, _ output: OutputOptions) throws -> InsightContext {
        let (graph, _, builder) = try input.load()
        let asOf = input.referenceDate ?? graph.metadata["as_of"].flatMap(DateParsing.iso8601)
        return InsightContext(
            graph: graph, shown: graph.redacted(output.redaction), model: builder.tieStrength, asOf: asOf,
            asOfOrigin: input.referenceDate != nil ? "--as-of" : "the latest date in the data")
    }

    /// The person named on the command line by `flag`.
    func person(_ query: String, flag: String) throws -> NodeIndex {
        try PersonResolver.resolve(query, in: graph, shown: shown, flag: flag)
    }

    /// The members (egos whose exports were read).
    var members: [NodeIndex] { AccountCoverage.members(of: graph) }

    /// `--ego` if given, else every member; an error when there is neither.
    func egos(_ ego: String?) throws -> [NodeIndex] {
        if let ego { return [try person(ego, flag: "--ego")] }
        let members = members
        guard !members.isEmpty else {
            throw InputError("the sources name no member (no export owner): give --ego ID")
        }
        return members
    }

    /// Communities by Leiden (modularity on strengths, seed 42), as `analyze` finds them.
    func communities() throws -> Partition {
        do {
            return try Leiden().run(on: graph)
        } catch let error as AnalysisError {
            throw InputError(error.description)
        }
    }

    /// `Label (id)` as shown, or the id alone when the label is the id.
    func name(_ node: NodeIndex) -> String {
        let label = shown.label(of: node)
        let id = shown.ids[Int(node)]
        return label == id ? id : "\(label) (\(id))"
    }

    func label(_ node: NodeIndex) -> String { shown.label(of: node) }
    func id(_ node: NodeIndex) -> String { shown.ids[Int(node)] }

    func organisation(_ node: NodeIndex) -> String? {
        shown.nodeAttributes.value(PersonField.organisation, at: Int(node))?.text
    }

    /// The as-of date or an error saying why it is needed.
    func requireAsOf(_ purpose: String) throws -> Date {
        guard let asOf else {
            throw InputError("the sources carry no dates, so \(purpose) cannot be judged; give --as-of YYYY-MM-DD")
        }
        return asOf
    }

    /// Writes `rows` as CSV to `path`, atomically.
    static func writeCSV(_ path: String, header: [String], rows: [[String]]) throws {
        try AtomicFile.write(to: URL(fileURLWithPath: path), displayName: path) { buffer in
            try buffer.writeLine(CSVWriter.record(header))
            for row in rows { try buffer.writeLine(CSVWriter.record(row)) }
        }
    }

    static func day(_ date: Date?) -> String {
        date.map { String(AttributeValue.format($0).prefix(10)) } ?? "–"
    }

    /// A setting as written by a person: `180`, `0.5`.
    static func number(_ value: Double) -> String { String(format: "%g", value) }

    static func decimal(_ value: Double, _ digits: Int = 3) -> String {
        value.isNaN ? "–" : String(format: "%.\(digits)f", value)
    }
}
