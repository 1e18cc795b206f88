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
        let rows = ConnectionRows(
            fieldCount: header.count, first: firstColumn, last: lastColumn, url: urlColumn, email: emailColumn,
            company: companyColumn, position: positionColumn, date: dateColumn)
        let includeName = context.builder.mergeOnName
        // Two stages on two cores: while the builder takes one batch of connections (keys
        // looked up, fields stored, ties to the ego), the next batches are read from the
        // file and their identity keys made. The builder takes the batches in file order,
        // so the result does not depend on the number of cores.
        try ParallelWork.pipeline(
            make: { ConnectionBatch() },
            fill: { batch in try batch.fill(from: &reader, rows: rows, includeName: includeName) },
            take: { batch in
                for skip in batch.skipped { context.skip(line: skip.line, reason: skip.reason) }
                let nodes = context.addPersons(batch.persons, referencedByID: false)
                for (node, date) in zip(nodes, batch.since) {
                    if date == nil { undated += 1 }
                    context.addTie(TieRecord(source: "", target: "", channels: ChannelSet(.linkedin), since: date), from: ego, to: node)
                    context.accept()
                }
            })
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
