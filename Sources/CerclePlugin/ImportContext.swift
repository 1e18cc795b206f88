import CercleCore

/// What an importer writes into: the graph builder, the source it reads, its report and
/// the options of the command.
///
/// The contact-level methods (``addPerson(_:line:)``, ``addTie(_:)``,
/// ``addInteraction(_:)``) keep the report's counts; the graph-level ones (``node(_:)``,
/// ``addEdge(_:_:weight:)``) are the fast path for edge lists and graph files.
public struct ImportContext: Sendable {
    /// The builder shared by all sources of the command.
    public var builder: GraphBuilder
    /// This source, as registered in the builder.
    public let source: GraphBuilder.SourceHandle
    /// The report of this source.
    public var report: SourceReport
    /// The command's options.
    public let options: ImportOptions
    /// The file name for messages.
    public var file: String { report.file }

    public init(builder: GraphBuilder, source: GraphBuilder.SourceHandle, report: SourceReport, options: ImportOptions) {
        self.builder = builder
        self.source = source
        self.report = report
        self.options = options
    }

    /// Opens a source on `builder` for `importer` reading `input`.
    public static func open(
        _ builder: inout GraphBuilder, importer: some GraphImporter, input: ImportInput, options: ImportOptions
    ) -> ImportContext {
        let handle = builder.beginSource(name: input.displayName, format: importer.format.id, scope: importer.idScope)
        let report = SourceReport(file: input.displayName, format: importer.format.id, rowUnit: importer.rowUnit)
        var context = ImportContext(builder: GraphBuilder(), source: handle, report: report, options: options)
        swap(&context.builder, &builder)
        return context
    }

    // MARK: Rows

    /// Records a row that produced records.
    public mutating func accept() { report.accept() }

    /// Records a row that was skipped, with its line and the reason.
    public mutating func skip(line: Int, reason: String) { report.skip(line: line, reason: reason) }

    /// Adds a remark to the report.
    public mutating func note(_ text: String) { report.notes.append(text) }

    /// A malformed-file error at `line` of this source.
    public func error(_ reason: String, line: Int? = nil, column: Int? = nil) -> ImportError {
        .malformed(reason, file: file, line: line, column: column)
    }

    // MARK: Contact level

    /// Adds a person; counts it as created or merged.
    ///
    /// - Parameter referencedByID: `false` when nothing of this source names the person
    ///   by id later (ties are added by node with ``addTie(_:from:to:)``), which spares
    ///   indexing the id (see ``GraphBuilder/addPerson(_:source:line:referencedByID:)``).
    /// - Returns: the person's provisional node.
    @discardableResult
    public mutating func addPerson(_ record: PersonRecord, line: Int? = nil, referencedByID: Bool = true) -> Int32 {
        addPerson(record, line: line, referencedByID: referencedByID,
                  identityKeys: record.identityKeys(includeName: builder.mergeOnName))
    }

    /// Adds a person whose identity keys are computed already (see
    /// ``GraphBuilder/addPerson(_:source:line:referencedByID:identityKeys:)``).
    @discardableResult
    public mutating func addPerson(
        _ record: PersonRecord, line: Int? = nil, referencedByID: Bool = true, identityKeys: [IdentityKey]
    ) -> Int32 {
        let (node, outcome) = builder.addPerson(
            record, source: source, line: line, referencedByID: referencedByID, identityKeys: identityKeys)
        switch outcome {
        case .created: report.personsCreated += 1
        case .merged: report.personsMerged += 1
        }
        return node
    }

    /// Adds the persons of a batch (see ``GraphBuilder/addPersons(_:source:referencedByID:)``);
    /// counts them as created or merged.
    ///
    /// - Returns: the provisional node of each row, in order.
    @discardableResult
    public mutating func addPersons(_ batch: PersonBatch, referencedByID: Bool = true) -> [Int32] {
        let outcome = builder.addPersons(batch, source: source, referencedByID: referencedByID)
        report.personsCreated += outcome.created
        report.personsMerged += outcome.merged
        return outcome.nodes
    }

    /// Adds a tie between persons of this source.
    @discardableResult
    public mutating func addTie(_ record: TieRecord) -> Int? {
        let edge = builder.addTie(record, source: source)
        if edge != nil { report.ties += 1 }
        return edge
    }

    /// Adds a tie between two persons returned by ``addPerson(_:line:referencedByID:)``.
    @discardableResult
    public mutating func addTie(_ record: TieRecord, from: Int32, to: Int32) -> Int? {
        let edge = builder.addTie(record, from: from, to: to)
        if edge != nil { report.ties += 1 }
        return edge
    }

    /// Adds an interaction between persons of this source.
    @discardableResult
    public mutating func addInteraction(_ record: InteractionRecord) -> Bool {
        let added = builder.addInteraction(record, source: source)
        if added { report.interactions += 1 }
        return added
    }

    // MARK: Graph level

    /// The node with global id `id`, created when new (counted as a created person).
    public mutating func node(_ id: String) -> Int32 {
        // One dictionary look-up, not two: a new node shows in the provisional count.
        let before = builder.provisionalNodeCount
        let node = builder.node(id)
        if builder.provisionalNodeCount > before { report.personsCreated += 1 }
        return node
    }

    /// The node whose global id has these UTF-8 bytes, created when new (bulk importers).
    public mutating func node(utf8 id: UnsafeBufferPointer<UInt8>) -> Int32 {
        let before = builder.provisionalNodeCount
        let node = builder.node(utf8: id)
        if builder.provisionalNodeCount > before { report.personsCreated += 1 }
        return node
    }

    /// Adds an edge between two nodes of ``node(_:)``.
    @discardableResult
    public mutating func addEdge(_ source: Int32, _ target: Int32, weight: Double = 1) -> Int {
        report.ties += 1
        return builder.addEdge(source, target, weight: weight)
    }
}
