import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Plugin registry, sniffing and atomic output")
struct PluginRegistryTests {
    @Test("sniffing picks the importer by content, then by extension")
    func sniffing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let registry = PluginRegistry.builtIn
        let cases: [(String, String, String)] = [
            ("edges.csv", "source,target\na,b\n", "csv"),
            ("nodes.csv", "id,label\na,A\n", "csv-nodes"),
            ("people.txt", "{\"type\":\"header\",\"format\":\"cercle-jsonl\"}\n", "jsonl"),
            ("graph.json", "{\"directed\": false, \"nodes\": [], \"links\": []}", "node-link"),
            ("data.dat", "{\"type\":\"person\",\"id\":\"a\"}\n", "jsonl"),
        ]
        for (name, text, expected) in cases {
            let url = try folder.write(name, text)
            let importer = try registry.importer(for: ImportInput(url: url))
            #expect(importer.format.id == expected, "\(name)")
        }
        let unknown = try folder.write("notes.bin", "\u{1}\u{2}")
        #expect(throws: ImportError.self) { try registry.importer(for: ImportInput(url: unknown)) }
        #expect(throws: ImportError.self) {
            try registry.importer(for: ImportInput(url: unknown), format: "nonsense")
        }
    }

    @Test("exporters are chosen by the longest matching suffix")
    func exporterChoice() throws {
        let registry = PluginRegistry.builtIn
        #expect(try registry.exporter(for: URL(fileURLWithPath: "a.csv")).format.id == "csv")
        #expect(try registry.exporter(for: URL(fileURLWithPath: "a.nodes.csv")).format.id == "csv-nodes")
        #expect(try registry.exporter(for: URL(fileURLWithPath: "a.jsonl")).format.id == "jsonl")
        #expect(throws: ExportError.self) { try registry.exporter(for: URL(fileURLWithPath: "a.doc")) }
    }

    @Test("a failing exporter leaves neither the file nor a temporary behind")
    func atomicity() throws {
        struct Failing: Error {}
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.path("out.txt")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        #expect(throws: Failing.self) {
            try AtomicFile.write(to: target) { output in
                try output.write(String(repeating: "x", count: 3_000_000))
                throw Failing()
            }
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(folder.contents() == ["out.txt"])
        try AtomicFile.write(to: target) { try $0.write("new") }
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(folder.contents() == ["out.txt"])
    }

    @Test("every source row is accounted for")
    func reportBalance() throws {
        var report = SourceReport(file: "f", format: "x")
        report.accept()
        report.skip(line: 3, reason: "blank")
        #expect(report.rows == 2)
        #expect(report.isBalanced)
        #expect(report.summary == "f (x): 2 rows, 1 skipped (line 3: blank)")
    }
}

@Suite("Date parsing")
struct DateParsingTests {
    func iso(_ date: Date?) -> String? { date.map { AttributeValue.format($0) } }

    @Test("ISO 8601 forms")
    func iso8601() {
        #expect(iso(DateParsing.iso8601("2025-12-26")) == "2025-12-26")
        #expect(iso(DateParsing.iso8601("2025-12-26T09:30:00Z")) == "2025-12-26T09:30:00Z")
        #expect(iso(DateParsing.iso8601("2025-12-26 10:30:00+01:00")) == "2025-12-26T09:30:00Z")
        #expect(iso(DateParsing.iso8601("2025-12-26T09:30")) == "2025-12-26T09:30:00Z")
        #expect(DateParsing.iso8601("2025-13-01") == nil)
        #expect(DateParsing.iso8601("26 Dec 2025") == nil)
    }

    @Test("contact-export forms: LinkedIn, US short, iCalendar, e-mail")
    func exportForms() {
        #expect(iso(DateParsing.dayMonthNameYear("26 Dec 2025")) == "2025-12-26")
        #expect(iso(DateParsing.usShort("1/8/18, 6:14 PM")) == "2018-01-08T18:14:00Z")
        #expect(iso(DateParsing.usShort("12/31/2019")) == "2019-12-31")
        #expect(iso(DateParsing.iCalendar("20260112T090000Z")) == "2026-01-12T09:00:00Z")
        #expect(iso(DateParsing.iCalendar("20260112")) == "2026-01-12")
        #expect(iso(DateParsing.rfc5322("Tue, 1 Jul 2003 10:52:37 +0200")) == "2003-07-01T08:52:37Z")
        #expect(iso(DateParsing.rfc5322("Thu, 22 Aug 2002 18:26:25 -0700 (PDT)")) == "2002-08-23T01:26:25Z")
        #expect(iso(DateParsing.rfc5322("22 Aug 02 18:26 EDT")) == "2002-08-22T22:26:00Z")
        #expect(DateParsing.rfc5322("yesterday") == nil)
    }

    @Test("LinkedIn's day, month name, year: separators, case, long names, what is refused")
    func dayMonthNameYear() {
        #expect(iso(DateParsing.dayMonthNameYear("03 Nov 2025")) == "2025-11-03")
        #expect(iso(DateParsing.dayMonthNameYear("26-Dec-2025")) == "2025-12-26")
        #expect(iso(DateParsing.dayMonthNameYear("5 SEPTEMBER 2019")) == "2019-09-05")
        #expect(iso(DateParsing.dayMonthNameYear("1 jan 18")) == "2018-01-01")
        #expect(iso(DateParsing.dayMonthNameYear("  26  Dec  2025 ")) == "2025-12-26")
        #expect(DateParsing.dayMonthNameYear("Dec 26 2025") == nil)
        #expect(DateParsing.dayMonthNameYear("26 Dec") == nil)
        #expect(DateParsing.dayMonthNameYear("26 De 2025") == nil)
        #expect(DateParsing.dayMonthNameYear("26 Xyz 2025") == nil)
        #expect(DateParsing.dayMonthNameYear("26 Dec 2025 10:00") == nil)
        #expect(DateParsing.dayMonthNameYear("1/8/18, 6:14 PM") == nil)
        #expect(DateParsing.dayMonthNameYear("") == nil)
    }
}

@Suite("JSON parsing")
struct JSONValueTests {
    @Test("values, escapes and numbers")
    func values() throws {
        let value = try JSONValue.parse(#"{"a": [1, 2.5, -3e2, true, null], "b": "x\"\u00e9\ud83d\ude00\n"}"#)
        #expect(value["a"] == .array([.integer(1), .number(2.5), .number(-300), .bool(true), .null]))
        #expect(value["b"] == .string("x\"é😀\n"))
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test("errors carry the column", arguments: [
        ("{\"a\" 1}", 6), ("[1,]", 4), ("{\"a\":tru}", 6), ("\"abc", 5), ("01", 2), ("{} x", 4),
    ])
    func errors(text: String, column: Int) {
        #expect {
            _ = try JSONValue.parse(text)
        } throws: { error in
            (error as? JSONParseError)?.column == column
        }
    }
}
