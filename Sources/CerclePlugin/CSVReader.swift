import Foundation

/// A fast RFC 4180 reader over the bytes of a file.
///
/// - Fields are separated by a delimiter (`,`, `;` or tab, detected from the first line
///   unless given); records end with LF or CRLF.
/// - A field that starts with `"` runs to the matching `"`; `""` inside stands for one
///   quote, and line breaks inside are part of the field. Text after a closing quote is
///   appended (as Python's `csv` does); an unterminated quote is an error naming the
///   line where the field began.
/// - A UTF-8 byte-order mark is skipped. Bytes that are not UTF-8 are read as
///   Windows-1252 (the encoding of Outlook and older Excel exports) and ``encoding`` says so.
///
/// Written by hand rather than with a CSV package because the packages mirrored here
/// parse at about 22 MB/s, five times too slow for the import targets (see README).
public struct CSVReader: Sendable {
    /// How the bytes were decoded.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case windows1252 = "Windows-1252"
    }

    /// The field separator.
    public let delimiter: UInt8
    /// The encoding the bytes were read in.
    public let encoding: Encoding
    /// The file name for messages.
    public let file: String

    /// The file's bytes (memory-mapped as ``ImportInput/bytes()`` maps them, not copied),
    /// read from `offset` on (past a byte-order mark).
    @usableFromInline let storage: Data
    @usableFromInline let offset: Int
    /// The number of bytes read from.
    private let count: Int
    private var position: Int
    private var line = 1

    /// A reader over `data`.
    ///
    /// - Parameters:
    ///   - delimiter: the separator; detected from the first line when `nil`.
    ///   - file: the name used in errors.
    public init(data: some Collection<UInt8>, file: String, delimiter: UInt8? = nil) {
        var storage = (data as? Data) ?? Data(data)
        var offset = storage.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if Self.withBytes(of: storage, from: offset, Self.isValidUTF8) {
            encoding = .utf8
        } else {
            storage = Data(Self.decodeWindows1252(storage.dropFirst(offset)).utf8)
            offset = 0
            encoding = .windows1252
        }
        self.storage = storage
        self.offset = offset
        count = storage.count - offset
        position = 0
        self.file = file
        self.delimiter = delimiter ?? Self.withBytes(of: storage, from: offset, Self.detectDelimiter)
    }

    /// Calls `body` with the bytes read from.
    @inlinable
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try Self.withBytes(of: storage, from: offset, body)
    }

    /// Calls `body` with the bytes of `data` from `offset` on.
    @inlinable
    static func withBytes<R>(of data: Data, from offset: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try data.withUnsafeBytes { raw in
            try body(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[offset...]))
        }
    }

    /// The 1-based line the next record starts on.
    public var currentLine: Int { line }

    /// Whether all bytes were read.
    public var isAtEnd: Bool { position >= count }

    /// Reads the next physical line as raw text (no quote handling), for preambles such
    /// as LinkedIn's notes before the header.
    public mutating func nextRawLine() -> String? {
        guard position < count else { return nil }
        let (text, next) = withBytes { bytes -> (String, Int) in
            var end = position
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > position, bytes[stop - 1] == 0x0D { stop -= 1 }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<stop]), as: UTF8.self), min(bytes.count, end + 1))
        }
        position = next
        line += 1
        return text
    }

    /// Where a field lies in the bytes: `start..<end`, inside the quotes for a quoted
    /// field. `quoted` marks fields whose bytes still hold `""` pairs or a closing quote
    /// followed by more text, which ``withFieldBytes(_:scratch:_:)`` resolves.
    public struct FieldRange: Sendable {
        public var start: Int
        public var end: Int
        public var quoted: Bool
    }

    /// Reads the next record.
    ///
    /// - Returns: `nil` at the end of the data; a row with no field for an empty line.
    /// - Throws: ``ImportError`` for an unterminated quoted field.
    public mutating func next() throws -> CSVRow? {
        let startLine = line
        var ranges: [FieldRange] = []
        guard try scan(into: &ranges) else { return nil }
        var fields: [String] = []
        fields.reserveCapacity(ranges.count)
        var scratch: [UInt8] = []
        for range in ranges {
            fields.append(withFieldBytes(range, scratch: &scratch) { String(decoding: $0, as: UTF8.self) })
        }
        return CSVRow(fields: fields, line: startLine)
    }

    /// Reads the next record as byte ranges, without making strings (for bulk importers).
    ///
    /// - Parameter ranges: filled with the record's fields (emptied first; empty for an
    ///   empty line).
    /// - Returns: `false` at the end of the data.
    /// - Throws: ``ImportError`` for an unterminated quoted field.
    public mutating func scan(into ranges: inout [FieldRange]) throws -> Bool {
        ranges.removeAll(keepingCapacity: true)
        guard position < count else { return false }
        let delimiter = self.delimiter
        var position = self.position
        var line = self.line
        let count = self.count
        let result: Result<Void, ImportError> = withBytes { buffer in
            guard let base = buffer.baseAddress else { return .success(()) }  // never: position < count
            // An empty line is a record without fields.
            if buffer[position] == 0x0A || (buffer[position] == 0x0D && position + 1 < count && buffer[position + 1] == 0x0A) {
                position += buffer[position] == 0x0D ? 2 : 1
                line += 1
                return .success(())
            }
            while true {
                if position < count, buffer[position] == 0x22 {
                    let fieldLine = line
                    position += 1
                    let start = position
                    var closed = false
                    var escapes = false
                    while position < count {
                        // Eight bytes at a time past text with neither a quote nor a line feed.
                        if position + 8 <= count {
                            let word = WordBytes.load(base, at: position)
                            if !WordBytes.has(0x22, in: word), !WordBytes.has(0x0A, in: word) {
                                position += 8
                                continue
                            }
                        }
                        let byte = buffer[position]
                        if byte == 0x22 {
                            if position + 1 < count, buffer[position + 1] == 0x22 {
                                escapes = true
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if byte == 0x0A { line += 1 }
                        position += 1
                    }
                    guard closed else {
                        return .failure(.malformed("unterminated quoted field", file: file, line: fieldLine))
                    }
                    // Text after the closing quote is kept, as Python's csv does.
                    let closingQuote = position - 1
                    while position < count, buffer[position] != delimiter, buffer[position] != 0x0A,
                          !(buffer[position] == 0x0D && (position + 1 == count || buffer[position + 1] == 0x0A)) {
                        position += 1
                    }
                    if position == closingQuote + 1 {
                        // The common case: the bytes between the quotes, unescaped only if needed.
                        ranges.append(FieldRange(start: start, end: closingQuote, quoted: escapes))
                    } else {
                        ranges.append(FieldRange(start: start, end: position, quoted: true))
                    }
                } else {
                    let start = position
                    // Eight bytes at a time past text with no delimiter and no line end.
                    while position + 8 <= count {
                        let word = WordBytes.load(base, at: position)
                        if WordBytes.has(delimiter, in: word) || WordBytes.has(0x0A, in: word) || WordBytes.has(0x0D, in: word) {
                            break
                        }
                        position += 8
                    }
                    while position < count {
                        let byte = buffer[position]
                        if byte == delimiter || byte == 0x0A { break }
                        if byte == 0x0D, position + 1 == count || buffer[position + 1] == 0x0A { break }
                        position += 1
                    }
                    ranges.append(FieldRange(start: start, end: position, quoted: false))
                }
                if position >= count { break }
                let byte = buffer[position]
                if byte == delimiter {
                    position += 1
                    if position >= count {
                        ranges.append(FieldRange(start: position, end: position, quoted: false))
                        break
                    }
                    continue
                }
                // End of record: LF or CRLF (or a lone CR at the end of the data).
                position += byte == 0x0D ? (position + 1 < count ? 2 : 1) : 1
                line += 1
                break
            }
            return .success(())
        }
        self.position = position
        self.line = line
        try result.get()
        return true
    }

    /// Calls `body` with the bytes of a field found by ``scan(into:)``: unquoted, with
    /// `""` turned into `"` (using `scratch` only when a quoted field needs it).
    @inlinable
    public func withFieldBytes<R>(
        _ range: FieldRange, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try withBytes { try Fields(bytes: $0).withField(range, scratch: &scratch, body) }
    }

    /// The text of a field found by ``scan(into:)`` without leading and trailing white
    /// space (as ``Swift/String/trimmingWhitespace``), or `nil` when nothing is left: one
    /// string per field a bulk importer keeps, none for the white space it drops.
    ///
    /// - Complexity: O(*k*) for *k* bytes of the field.
    public func trimmedText(_ range: FieldRange, scratch: inout [UInt8]) -> String? {
        withTrimmedField(range, scratch: &scratch) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the bytes of a field found by ``scan(into:)`` without leading and
    /// trailing white space (Unicode's, as ``Swift/String/trimmingWhitespace`` trims), or
    /// with `nil` when nothing is left. The bytes are valid during the call only.
    ///
    /// - Complexity: O(*k*) for *k* bytes of the field.
    @inlinable
    public func withTrimmedField<R>(
        _ range: FieldRange, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>?) throws -> R
    ) rethrows -> R {
        try withBytes { try Fields(bytes: $0).withTrimmedField(range, scratch: &scratch, body) }
    }

    /// Whether a field found by ``scan(into:)`` is empty once unquoted.
    public func isEmpty(_ range: FieldRange, scratch: inout [UInt8]) -> Bool {
        withBytes { Fields(bytes: $0).isEmpty(range, scratch: &scratch) }
    }

    /// Whether a field found by ``scan(into:)`` is blank, as ``CSVRow/isBlank`` judges
    /// each field.
    public func isBlank(_ range: FieldRange, scratch: inout [UInt8]) -> Bool {
        withBytes { Fields(bytes: $0).isBlank(range, scratch: &scratch) }
    }

    /// Calls `body` with the fields of the file, for a bulk importer that reads the many
    /// fields ``scan(into:)`` found in one go: one access to the bytes, not one per field.
    @inlinable
    public func withFields<R>(_ body: (Fields) throws -> R) rethrows -> R {
        try withBytes { try body(Fields(bytes: $0)) }
    }

    /// The fields of a file, by the ranges ``scan(into:)`` found, while
    /// ``withFields(_:)`` runs.
    public struct Fields {
        /// The file's bytes (past a byte-order mark; UTF-8).
        public let bytes: UnsafeBufferPointer<UInt8>

        @inlinable
        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// Calls `body` with the bytes of a field: unquoted, with `""` turned into `"`
        /// (using `scratch` only when a quoted field needs it).
        @inlinable
        public func withField<R>(
            _ range: FieldRange, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> R
        ) rethrows -> R {
            let slice = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
            guard range.quoted else { return try body(slice) }
            // Inside: "" → ", the closing quote dropped, trailing text kept.
            scratch.removeAll(keepingCapacity: true)
            var index = 0
            var inside = true
            while index < slice.count {
                let byte = slice[index]
                if inside, byte == 0x22 {
                    if index + 1 < slice.count, slice[index + 1] == 0x22 {
                        scratch.append(0x22)
                        index += 2
                        continue
                    }
                    inside = false
                    index += 1
                    continue
                }
                scratch.append(byte)
                index += 1
            }
            return try scratch.withUnsafeBufferPointer(body)
        }

        /// Calls `body` with the bytes of a field without leading and trailing white space
        /// (Unicode's, as ``Swift/String/trimmingWhitespace`` trims), or with `nil` when
        /// nothing is left.
        @inlinable
        public func withTrimmedField<R>(
            _ range: FieldRange, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>?) throws -> R
        ) rethrows -> R {
            try withField(range, scratch: &scratch) { bytes in
                var start = 0
                var end = bytes.count
                while start < end {
                    let (white, length) = CSVReader.whiteSpace(at: start, in: bytes)
                    guard white else { break }
                    start += length
                }
                while end > start {
                    var lead = end - 1
                    while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                    guard CSVReader.whiteSpace(at: lead, in: bytes).white else { break }
                    end = lead
                }
                return try body(start < end ? UnsafeBufferPointer(rebasing: bytes[start..<end]) : nil)
            }
        }

        /// Whether a field is empty once unquoted.
        @inlinable
        public func isEmpty(_ range: FieldRange, scratch: inout [UInt8]) -> Bool {
            if !range.quoted { return range.start == range.end }
            return withField(range, scratch: &scratch) { $0.isEmpty }
        }

        /// Whether a field is blank, as ``CSVRow/isBlank`` judges each field.
        @inlinable
        public func isBlank(_ range: FieldRange, scratch: inout [UInt8]) -> Bool {
            withField(range, scratch: &scratch) { bytes -> Bool in
                var sawOther = false
                for byte in bytes where byte != 0x20 && byte != 0x09 {
                    if byte < 0x80 { return false }
                    sawOther = true
                }
                return !sawOther || CSVRow(fields: [String(decoding: bytes, as: UTF8.self)], line: 0).isBlank
            }
        }
    }

    /// Whether the scalar whose UTF-8 encoding starts at `index` (valid UTF-8) is white
    /// space, and its length; ASCII without asking Unicode's tables.
    @inlinable
    static func whiteSpace(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (white: Bool, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (lead == 0x20 || (0x09...0x0D).contains(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value)?.properties.isWhitespace ?? false, length)
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong form, surrogate or value past
    /// U+10FFFF), as `String(validating:)` judges, without building a string: runs of
    /// ASCII are skipped eight bytes at a time.
    ///
    /// - Complexity: O(*k*) for *k* bytes.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, WordBytes.isASCII(WordBytes.load(base, at: index)) {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = base[index + 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<length where !(0x80...0xBF).contains(base[index + offset]) { return false }
            index += length
        }
        return true
    }

    /// The most frequent of `,`, `;` and tab outside quotes on the first non-empty line;
    /// `,` when none occurs.
    public static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        bytes.withUnsafeBufferPointer(detectDelimiter)
    }

    /// ``detectDelimiter(_:)-([UInt8])`` over bytes in memory.
    public static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        var sawText = false
        for byte in UnsafeBufferPointer(rebasing: bytes.prefix(65_536)) {
            if byte == 0x22 { inQuotes.toggle() }
            if !inQuotes {
                if byte == 0x0A {
                    if sawText { break } else { continue }
                }
                if counts[byte] != nil { counts[byte, default: 0] += 1 }
            }
            if byte != 0x0A, byte != 0x0D { sawText = true }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        guard let best, best.value > 0 else { return 0x2C }
        return best.key
    }

    /// Decodes Windows-1252 bytes (a superset of Latin-1's printable range).
    public static func decodeWindows1252(_ bytes: some Sequence<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(Unicode.Scalar(windows1252[Int(byte)]) ?? "\u{FFFD}") }
        return String(text)
    }

    /// Windows-1252 to Unicode scalar values (0x80–0x9F hold typographic characters;
    /// undefined positions map to the C1 control of the same number, as browsers do).
    static let windows1252: [UInt32] = {
        var table = (0..<256).map { UInt32($0) }
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        for (offset, scalar) in high.enumerated() { table[0x80 + offset] = scalar }
        return table
    }()
}

/// One CSV record.
public struct CSVRow: Sendable, Equatable {
    /// The fields, unquoted.
    public var fields: [String]
    /// The 1-based line the record starts on.
    public let line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// Number of fields.
    public var count: Int { fields.count }

    /// The field at `index`, or `""` past the end.
    public subscript(index: Int) -> String { index < fields.count ? fields[index] : "" }

    /// Whether the line was empty.
    public var isEmptyLine: Bool { fields.isEmpty }

    /// Whether every field is empty or blank (`,,,`).
    public var isBlank: Bool {
        fields.allSatisfy { field in
            var sawOther = false
            for byte in field.utf8 where byte != 0x20 && byte != 0x09 {
                if byte < 0x80 { return false }  // a visible ASCII character: not blank
                sawOther = true
            }
            // Only non-ASCII text left to judge (a no-break space?): ask Foundation.
            return !sawOther || field.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }
}
