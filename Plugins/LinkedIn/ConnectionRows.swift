import CercleCore
import CerclePlugin
import Foundation

/// Reads the rows of `Connections.csv` into a ``PersonBatch``, straight from the file's
/// bytes: no `String` per field, none per row.
struct ConnectionRows {
    /// What one row became.
    enum Outcome {
        /// An empty line: not a row of the report.
        case empty
        case skipped(String)
        /// A connection, added to the batch; `since` is its *Connected On* date.
        case person(since: Date?)
    }

    let fieldCount: Int
    let first: Int
    let last: Int
    let url: Int?
    let email: Int?
    let company: Int?
    let position: Int?
    let date: Int

    /// The rules of ``LinkedInConnectionsImporter``'s documentation, for one row whose
    /// fields `scan(into:)` found.
    func read(
        _ fields: ArraySlice<CSVReader.FieldRange>, of file: CSVReader.Fields, line: Int, into batch: inout PersonBatch,
        scratch: inout [UInt8]
    ) -> Outcome {
        if fields.isEmpty { return .empty }
        if fields.allSatisfy({ file.isBlank($0, scratch: &scratch) }) {
            return .skipped("blank row (a deleted or restricted account)")
        }
        if fields.count > fieldCount, fields.dropFirst(fieldCount).contains(where: { !file.isEmpty($0, scratch: &scratch) }) {
            return .skipped("expected \(fieldCount) fields, found \(fields.count)")
        }
        let base = fields.startIndex
        func present(_ column: Int?) -> Bool {
            guard let column, column < fields.count else { return false }
            return file.withTrimmedField(fields[base + column], scratch: &scratch) { $0 != nil }
        }
        guard present(first) || present(last) || present(url) || present(email) else {
            return .skipped("no name, profile URL or e-mail")
        }
        batch.startPerson(line: line)
        func copy(_ column: Int?, _ store: (UnsafeBufferPointer<UInt8>, inout PersonBatch) -> Void) {
            guard let column, column < fields.count else { return }
            file.withTrimmedField(fields[base + column], scratch: &scratch) { utf8 in
                if let utf8 { store(utf8, &batch) }
            }
        }
        copy(first) { $1.set(.name, utf8: $0) }
        copy(last) { $1.extend(.name, separator: 0x20, utf8: $0) }
        copy(url) { $1.add(.profileURLs, utf8: $0) }
        copy(email) { $1.add(.emails, utf8: $0) }
        copy(company) { $1.set(.organisation, utf8: $0) }
        copy(position) { $1.set(.title, utf8: $0) }
        var since: Date?
        if date < fields.count {
            since = file.withTrimmedField(fields[base + date], scratch: &scratch) { utf8 in
                utf8.flatMap { LinkedInConnectionsImporter.connectionDate(String(decoding: $0, as: UTF8.self)) }
            }
        }
        return .person(since: since)
    }
}
