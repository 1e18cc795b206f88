/// What an import did with every row of every file.
///
/// For each source, `rows == accepted + skipped.count`: a row (a CSV line, a vCard, a
/// message, a calendar event) is either turned into records or skipped with its line
/// and reason. Nothing is dropped silently.
public struct ImportReport: Sendable, Equatable {
    /// One report per source, in the order read.
    public var sources: [SourceReport] = []
    /// Persons merged by identity resolution across all sources.
    public var personMerges = 0
    /// Parallel edges folded into one.
    public var mergedParallelEdges = 0
    /// Self-loops dropped.
    public var droppedSelfLoops = 0
    /// Interactions seen twice (same identifier) and counted once.
    public var duplicateInteractions = 0
    /// Remarks about the sources together (a member name that fits several persons).
    public var notes: [String] = []

    public init() {}

    /// Rows read across all sources.
    public var rows: Int { sources.reduce(0) { $0 + $1.rows } }
    /// Rows skipped across all sources.
    public var skipped: Int { sources.reduce(0) { $0 + $1.skipped.count } }

    /// A few lines for stderr: one per source, then the merges.
    public var summary: String {
        var lines = sources.map(\.summary)
        var totals: [String] = []
        if personMerges > 0 { totals.append("\(personMerges) person merge(s)") }
        if mergedParallelEdges > 0 { totals.append("\(mergedParallelEdges) parallel edge(s) merged") }
        if droppedSelfLoops > 0 { totals.append("\(droppedSelfLoops) self-loop(s) dropped") }
        if duplicateInteractions > 0 { totals.append("\(duplicateInteractions) duplicate interaction(s) counted once") }
        if !totals.isEmpty { lines.append("merged: " + totals.joined(separator: ", ")) }
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// What an import did with one file.
public struct SourceReport: Sendable, Equatable {
    /// A row that was not imported, and why.
    public struct SkippedRow: Sendable, Equatable {
        public var line: Int
        public var reason: String
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// The file, as given.
    public var file: String
    /// The format id that read it.
    public var format: String
    /// What one row is in this format: `row`, `card`, `message`, `event`, `line`.
    public var rowUnit: String
    /// Rows read (data rows; headers and preambles aside).
    public var rows = 0
    /// Rows turned into records.
    public var accepted = 0
    /// Persons (or nodes) created.
    public var personsCreated = 0
    /// Persons merged into one already known.
    public var personsMerged = 0
    /// Ties (or edges) added, before parallel edges merge.
    public var ties = 0
    /// Interactions added.
    public var interactions = 0
    /// Rows skipped, with line and reason.
    public var skipped: [SkippedRow] = []
    /// Remarks that are not errors ("3 graphs in the file, read the first").
    public var notes: [String] = []

    public init(file: String, format: String, rowUnit: String = "row") {
        self.file = file
        self.format = format
        self.rowUnit = rowUnit
    }

    /// Records a row that was read and turned into records.
    public mutating func accept() {
        rows += 1
        accepted += 1
    }

    /// Records a row that was read and skipped.
    public mutating func skip(line: Int, reason: String) {
        rows += 1
        skipped.append(SkippedRow(line: line, reason: reason))
    }

    /// Whether every row is accounted for.
    public var isBalanced: Bool { rows == accepted + skipped.count }

    /// One line: `contacts.vcf (vcard): 120 cards, 118 persons (3 merged), 2 skipped`.
    public var summary: String {
        var parts = ["\(rows) \(rowUnit)\(rows == 1 ? "" : "s")"]
        if personsCreated + personsMerged > 0 {
            parts.append("\(personsCreated) person\(personsCreated == 1 ? "" : "s") created, \(personsMerged) merged")
        }
        if ties > 0 { parts.append("\(ties) tie\(ties == 1 ? "" : "s")") }
        if interactions > 0 { parts.append("\(interactions) interaction\(interactions == 1 ? "" : "s")") }
        if !skipped.isEmpty {
            let first = skipped.prefix(3).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
            parts.append("\(skipped.count) skipped (\(first)\(skipped.count > 3 ? "; …" : ""))")
        }
        var line = "\(file) (\(format)): " + parts.joined(separator: ", ")
        for note in notes { line += "\n  note: \(note)" }
        return line
    }
}
