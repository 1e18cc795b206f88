import CercleCore
import CerclePlugin
import Foundation

/// Reads LinkedIn's `Connections.csv`: the first-degree connections of the member who
/// exported them.
///
/// Both layouts LinkedIn has used are read:
///
/// - **current** (since 2020): a `Notes:` line and a quoted notice, a blank line, then
///   `First Name,Last Name,URL,Email Address,Company,Position,Connected On`, with dates
///   like `26 Dec 2025`;
/// - **old**: no preamble, no `URL` column, dates like `1/8/18, 6:14 PM` (US order).
///
/// Columns are found by name, so their order does not matter. The exporting member is the
/// ego (see ``ContactOwner``: `--member`, else the folder, as in
/// `linkedin/anna-becker/Connections.csv`, else the file name); it is added as a member and
/// tied to every connection with channel `linkedin` and `since` = *Connected On*. With no
/// owner at all the connections are tied to an unnamed member, and the report says so.
///
/// Rows, decided once for all:
///
/// - a blank row (`,,,,,,`, a deleted or restricted account) is skipped with its line;
/// - a row with neither name, profile URL nor e-mail is skipped;
/// - a row without a name but with a URL or an e-mail is kept as a person without a
///   name: the URL or address identifies them and can meet a named record elsewhere;
/// - a row with more non-empty fields than the header is skipped (a broken export);
/// - an unreadable *Connected On* keeps the connection without a date, and the report
///   counts such rows.
///
/// Persons are keyed by profile URL, else e-mail; company and position become the
/// organisation and title. Identity keys (URL, e-mail, name with company) merge them
/// with the other sources.
public struct LinkedInConnectionsImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "linkedin", name: "LinkedIn Connections.csv (current and old layout)",
        fileExtensions: ["csv"], quality: 2)

    public var idScope: GraphBuilder.IDScope { .local }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let text = sample.text.prefix(8192)
        if text.contains("First Name,Last Name,"), text.contains("Connected On") { return .certain }
        return .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let data = try input.bytes()
        // A connection takes about a hundred bytes; reserving spares rehashing a million keys.
        context.builder.reservePersons(data.count / 100, in: context.source)
        var reader = CSVReader(data: data, file: input.displayName, delimiter: 0x2C)
        if reader.encoding != .utf8 { context.note("read as \(reader.encoding.rawValue)") }
        guard let header = try Self.findHeader(&reader, required: ["first name", "last name", "connected on"]) else {
            throw context.error("no LinkedIn header (First Name,Last Name,…,Connected On) in the first 20 lines")
        }
        let columns = Self.columnIndex(header)
        let firstColumn = columns["first name"] ?? 0
        let lastColumn = columns["last name"] ?? 1
        let urlColumn = columns["url"] ?? columns["profile url"]
        let emailColumn = columns["email address"] ?? columns["email"]
        let companyColumn = columns["company"]
        let positionColumn = columns["position"]
        let dateColumn = columns["connected on"] ?? 0

        let ego: Int32
        if let owner = ContactOwner.of(input, options: context.options) {
            ego = context.addPerson(owner.record)
        } else {
            ego = context.addPerson(PersonRecord(id: "member:owner", isMember: true))
            context.note("no member named: the connections are tied to an unnamed member (name it with --member, or keep the file in a folder named after the member)")
        }

        var undated = 0
        let rows = RowReader(
            reader: reader, fieldCount: header.count, first: firstColumn, last: lastColumn, url: urlColumn,
            email: emailColumn, company: companyColumn, position: positionColumn, date: dateColumn,
            mergeOnName: context.builder.mergeOnName)
        // Rows are read in batches: cut into fields, then turned into records with their
        // identity keys (``RowReader``, which only reads the bytes), then added in file
        // order. Preparing the batches on a second core was tried: on the shared 2-core
        // machine it cost 1.5–2.6 s more CPU for no wall time (Benchmarks/contacts.md).
        var batch = RowBatch()
        var atEnd = false
        while !atEnd {
            batch.removeAll()
            while batch.count < RowBatch.capacity {
                let line = reader.currentLine
                guard try reader.scan(into: &batch.scratchRanges) else {
                    atEnd = true
                    break
                }
                batch.append(line: line)
            }
            var prepared = rows.prepare(batch, rows: 0..<batch.count)
            // Rows are moved out of the batch, not copied: a copy retains every string of
            // the record once more, a million times.
            prepared.withUnsafeMutableBufferPointer { prepared in
                for index in prepared.indices {
                    let row = prepared.moveElement(from: index)
                    prepared.initializeElement(at: index, to: PreparedRow(line: row.line, outcome: .empty))
                    switch row.outcome {
                    case .empty:
                        continue
                    case .skipped(let reason):
                        context.skip(line: row.line, reason: reason)
                    case .person(let person, let keys, let since):
                        if since == nil { undated += 1 }
                        // Rows are tied by node: no later record names them by id, and a
                        // profile that appears twice still merges through its URL key.
                        let node = context.addPerson(person, line: row.line, referencedByID: false, identityKeys: keys)
                        context.addTie(TieRecord(source: "", target: "", channels: ChannelSet(.linkedin), since: since),
                                       from: ego, to: node)
                        context.accept()
                    }
                }
            }
        }
        if undated > 0 {
            context.note("\(undated) connection\(undated == 1 ? "" : "s") without a readable Connected On date, kept undated")
        }
    }

    /// `26 Dec 2025` (current layout), `1/8/18, 6:14 PM` (old layout), or ISO 8601.
    static func connectionDate(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        return DateParsing.dayMonthNameYear(trimmed) ?? DateParsing.usShort(trimmed) ?? DateParsing.iso8601(trimmed)
    }

    /// Reads rows until one holds every `required` column name (any case); the rows before
    /// it are the preamble.
    static func findHeader(_ reader: inout CSVReader, required: [String]) throws -> CSVRow? {
        var rows = 0
        while rows < 20, let row = try reader.next() {
            rows += 1
            let names = Set(row.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            if required.allSatisfy(names.contains) { return row }
        }
        return nil
    }

    /// Column positions by lower-cased, trimmed name (the first of duplicates).
    static func columnIndex(_ header: CSVRow) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, field) in header.fields.enumerated() {
            let key = field.trimmingCharacters(in: .whitespaces).lowercased()
            if index[key] == nil { index[key] = position }
        }
        return index
    }
}
