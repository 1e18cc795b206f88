import CercleCore
import CerclePlugin
import Foundation

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
