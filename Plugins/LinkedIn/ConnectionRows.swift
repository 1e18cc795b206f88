import CercleCore
import CerclePlugin
import Foundation

/// The fields of a batch of rows, as byte ranges: one flat array for the whole batch.
struct RowBatch: Sendable {
    static let capacity = 16_384

    var ranges: [CSVReader.FieldRange] = []
    var starts: [Int] = [0]
    var lines: [Int] = []
    /// The ranges of the row being scanned.
    var scratchRanges: [CSVReader.FieldRange] = []

    var count: Int { lines.count }

    mutating func removeAll() {
        ranges.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        lines.removeAll(keepingCapacity: true)
    }

    /// Keeps the row just scanned into ``scratchRanges``.
    mutating func append(line: Int) {
        ranges.append(contentsOf: scratchRanges)
        starts.append(ranges.count)
        lines.append(line)
    }

    func fields(of row: Int) -> ArraySlice<CSVReader.FieldRange> {
        ranges[starts[row]..<starts[row + 1]]
    }
}

/// What one row of `Connections.csv` becomes, decided without touching the builder.
struct PreparedRow: Sendable {
    enum Outcome: Sendable {
        case empty
        case skipped(String)
        case person(PersonRecord, keys: [IdentityKey], since: Date?)
    }

    let line: Int
    let outcome: Outcome
}

/// Turns rows into person records and their identity keys; safe to run on several
/// threads (it only reads the file's bytes).
struct RowReader: Sendable {
    let reader: CSVReader
    let fieldCount: Int
    let first: Int
    let last: Int
    let url: Int?
    let email: Int?
    let company: Int?
    let position: Int?
    let date: Int
    let mergeOnName: Bool

    func prepare(_ batch: RowBatch, rows: Range<Int>) -> [PreparedRow] {
        var scratch: [UInt8] = []
        var result: [PreparedRow] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            result.append(PreparedRow(line: batch.lines[row], outcome: prepare(batch.fields(of: row), line: batch.lines[row], scratch: &scratch)))
        }
        return result
    }

    /// The rules of ``LinkedInConnectionsImporter``'s documentation, row by row.
    func prepare(_ fields: ArraySlice<CSVReader.FieldRange>, line: Int, scratch: inout [UInt8]) -> PreparedRow.Outcome {
        if fields.isEmpty { return .empty }
        if fields.allSatisfy({ reader.isBlank($0, scratch: &scratch) }) {
            return .skipped("blank row (a deleted or restricted account)")
        }
        if fields.count > fieldCount, fields.dropFirst(fieldCount).contains(where: { !reader.isEmpty($0, scratch: &scratch) }) {
            return .skipped("expected \(fieldCount) fields, found \(fields.count)")
        }
        func text(_ column: Int?) -> String? {
            guard let column, column < fields.count else { return nil }
            return reader.trimmedText(fields[fields.startIndex + column], scratch: &scratch)
        }
        let firstName = text(first)
        let lastName = text(last)
        let name = firstName.map { first in lastName.map { "\(first) \($0)" } ?? first } ?? lastName
        let url = text(url)
        let email = text(email)
        guard name != nil || url != nil || email != nil else { return .skipped("no name, profile URL or e-mail") }
        let since = text(date).flatMap(LinkedInConnectionsImporter.connectionDate)
        // No record refers to the row by this id; it names the person in merge
        // explanations, so it is the normalised key, as in the built graph.
        let id = url.flatMap(IdentityKey.normalizedURL) ?? email.flatMap(IdentityKey.normalizedEmail) ?? "row:\(line)"
        let person = PersonRecord(
            id: id, name: name, emails: email.map { [$0] } ?? [], profileURLs: url.map { [$0] } ?? [],
            organisation: text(company), title: text(position))
        return .person(person, keys: person.identityKeys(includeName: mergeOnName), since: since)
    }
}
