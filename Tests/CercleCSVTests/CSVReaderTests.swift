import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("CSVReader")
struct CSVReaderTests {
    func rows(_ text: String, delimiter: UInt8? = nil) throws -> [[String]] {
        var reader = CSVReader(data: Array(text.utf8), file: "t.csv", delimiter: delimiter)
        var result: [[String]] = []
        while let row = try reader.next() { result.append(row.fields) }
        return result
    }

    @Test("RFC 4180 corner cases")
    func corners() throws {
        #expect(try rows("a,b\n") == [["a", "b"]])
        #expect(try rows("a,b") == [["a", "b"]])
        #expect(try rows("a,\n") == [["a", ""]])
        #expect(try rows("a,") == [["a", ""]])
        #expect(try rows(",\n") == [["", ""]])
        #expect(try rows("\"\"\n") == [[""]])
        #expect(try rows("\"a\"\"b\",c\n") == [["a\"b", "c"]])
        #expect(try rows("\"a\nb\",c\r\nd,e") == [["a\nb", "c"], ["d", "e"]])
        #expect(try rows("a,b\n\nc,d\n") == [["a", "b"], [], ["c", "d"]])
        #expect(try rows("\"a\"x,b\n") == [["ax", "b"]])
        #expect(try rows("a\"b,c\n") == [["a\"b", "c"]])
        #expect(try rows("a,b\r") == [["a", "b"]])
    }

    @Test("line numbers count line breaks inside quoted fields")
    func lineNumbers() throws {
        var reader = CSVReader(data: Array("a\n\"x\ny\"\nb\n".utf8), file: "t.csv")
        var lines: [Int] = []
        while let row = try reader.next() { lines.append(row.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test("trimmed fields drop Unicode white space at both ends, as String.trimmingWhitespace does", arguments: [
        "  Ann ", "\u{A0}Zoë\u{A0}", "\u{2003}\u{3000}", "\tx\u{85}", "日本\u{2009}", "a\u{A0}b", "", " ", " x \"q\" ",
        "\u{200B}zero width\u{200B}", "é\u{301}",
    ])
    func trimmedFields(field: String) throws {
        let quoted = "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        for text in [field, quoted] {
            var reader = CSVReader(data: Array((text + ",end\n").utf8), file: "t.csv", delimiter: 0x2C)
            var ranges: [CSVReader.FieldRange] = []
            var scratch: [UInt8] = []
            #expect(try reader.scan(into: &ranges))
            let expected = field.trimmingWhitespace
            let trimmed = reader.trimmedText(ranges[0], scratch: &scratch)
            #expect(trimmed == (expected.isEmpty ? nil : expected), "\(text.debugDescription)")
            let bytes = reader.withTrimmedField(ranges[0], scratch: &scratch) { $0.map(Array.init) }
            #expect(bytes == (expected.isEmpty ? nil : Array(expected.utf8)))
        }
    }

    @Test("a reader over a memory-mapped file skips the byte-order mark and reads Windows-1252")
    func mappedData() throws {
        let utf8 = Data([0xEF, 0xBB, 0xBF] + Array("a,b\nZoë,c\n".utf8))
        var reader = CSVReader(data: utf8, file: "t.csv")
        #expect(reader.encoding == .utf8)
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(try reader.next()?.fields == ["Zoë", "c"])
        var latin = CSVReader(data: Data([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B, 0x80]), file: "t.csv")
        #expect(latin.encoding == .windows1252)
        #expect(latin.delimiter == UInt8(ascii: ";"))
        #expect(try latin.next()?.fields == ["Müller", "€"])
    }

    @Test("random records of long fields read back field for field, whatever their length")
    func randomRecords() throws {
        var generator = SeededGenerator(seed: 17)
        let pieces = ["a", "bcdefgh", "Zoë", ",", "\"", "\n", "\r\n", " ", "\r", "12345678", "x;y"]
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<400 {
            var record: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                var field = ""
                for _ in 0..<Int.random(in: 0...12, using: &generator) { field += pieces.randomElement(using: &generator) ?? "" }
                record.append(field)
            }
            if record == [""] { record = ["-"] }  // a lone empty field is an empty line
            expected.append(record)
            text += record.map { field in
                // By bytes: "\r\n" is one Character, equal to neither "\r" nor "\n".
                field.utf8.contains(where: { [0x2C, 0x22, 0x0A, 0x0D].contains($0) })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + "\n"
        }
        #expect(try rows(text, delimiter: 0x2C) == expected)
    }

    @Test("delimiter detection ignores delimiters inside quotes")
    func detection() {
        #expect(CSVReader.detectDelimiter(Array("a;b;c\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVReader.detectDelimiter(Array("\"a;b;c\",d\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVReader.detectDelimiter(Array("a\tb\n".utf8)) == 0x09)
        #expect(CSVReader.detectDelimiter(Array("\n\nab\n".utf8)) == UInt8(ascii: ","))
    }

    @Test("UTF-8 validation agrees with the standard library's", arguments: [
        [], Array("plain ASCII, longer than eight bytes".utf8), Array("Zo\u{EB} M\u{FC}ller \u{1F600}".utf8),
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xE2, 0x82], Array("12345678901".utf8) + [0xFC], [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], [0xC3, 0x28],
    ] as [[UInt8]])
    func utf8Validation(_ bytes: [UInt8]) {
        let expected = String(validating: bytes, as: UTF8.self) != nil
        #expect(bytes.withUnsafeBufferPointer(CSVReader.isValidUTF8) == expected)
    }

    @Test("blank rows: spaces, tabs and no-break spaces only")
    func blankRows() {
        #expect(CSVRow(fields: ["", " ", "\t"], line: 1).isBlank)
        #expect(CSVRow(fields: ["\u{A0}", " \u{2003} "], line: 1).isBlank)
        #expect(!CSVRow(fields: [" ", "x"], line: 1).isBlank)
        #expect(!CSVRow(fields: ["\u{A0}\u{E9}"], line: 1).isBlank)
        #expect(!CSVRow(fields: ["\n"], line: 1).isBlank)
    }
}
