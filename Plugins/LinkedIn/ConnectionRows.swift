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

/// A batch of connections read from the file, ready for the builder: the persons (their
/// identity keys prepared), each one's *Connected On* date, and the rows skipped.
struct ConnectionBatch {
    static let capacity = 16_384

    var persons = PersonBatch(idKinds: [.profileURL, .email])
    var since: [Date?] = []
    var skipped: [(line: Int, reason: String)] = []
    /// Field ranges of the rows scanned, and where each row's begin.
    private var ranges: [CSVReader.FieldRange] = []
    private var rowStarts: [Int] = []
    private var lines: [Int] = []
    private var row: [CSVReader.FieldRange] = []
    private var scratch: [UInt8] = []

    /// Reads up to ``capacity`` rows from `reader`.
    ///
    /// - Returns: `false` once the file is read to its end.
    mutating func fill(from reader: inout CSVReader, rows: ConnectionRows, includeName: Bool) throws -> Bool {
        persons.removeAll()
        since.removeAll(keepingCapacity: true)
        skipped.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        rowStarts.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        var more = true
        // Cut into fields first, then read every field under one access to the bytes.
        while lines.count < Self.capacity {
            let line = reader.currentLine
            guard try reader.scan(into: &row) else {
                more = false
                break
            }
            rowStarts.append(ranges.count)
            ranges.append(contentsOf: row)
            lines.append(line)
        }
        rowStarts.append(ranges.count)
        reader.withFields { file in
            for index in lines.indices {
                let fields = ranges[rowStarts[index]..<rowStarts[index + 1]]
                switch rows.read(fields, of: file, line: lines[index], into: &persons, scratch: &scratch) {
                case .empty: continue
                case .skipped(let reason): skipped.append((lines[index], reason))
                case .person(let date): since.append(date)
                }
            }
        }
        persons.prepareKeys(includeName: includeName)
        return more
    }
}
