import CercleBuiltins
import CercleCore
import CercleICalendar
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Calendars from other projects")
struct ICalendarSharedDataTests {
    static var files: [URL] {
        let root = Fixtures.shared("formats/ics")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "ics" }.sorted { $0.path < $1.path }
    }

    @Test("every file imports and every event is accounted for")
    func everyFile() throws {
        #expect(Self.files.count == 26)
        var interactions = 0
        for file in Self.files {
            let (_, report) = try TestGraphs.load([file], registry: .builtIn)
            let source = try #require(report.sources.first)
            #expect(source.format == "ics", "\(file.lastPathComponent)")
            #expect(source.isBalanced, "\(file.lastPathComponent)")
            interactions += source.interactions
        }
        #expect(interactions == 3)
    }

    @Test("RFC 5545 §4 example: a group attendee and a zoned start; an Exchange export with a broken line")
    func attendees() throws {
        let (rfc, _) = try TestGraphs.load([Fixtures.shared("formats/ics/golang-ical/rfc5545sec4__input2.ics")], registry: .builtIn)
        #expect(Set(rfc.ids) == ["mrbig@example.com", "employee-a@example.com"])
        #expect(rfc.edgeValue(TieField.firstContact, between: "mrbig@example.com", and: "employee-a@example.com") == DateParsing.iso8601("1998-03-12T13:30:00Z").map(AttributeValue.date))
        let (exchange, report) = try TestGraphs.load([Fixtures.shared("formats/ics/horde-icalendar/exchange.ics")], registry: .builtIn)
        #expect(report.sources.first?.interactions == 1)
        #expect(exchange.value(PersonField.label, of: "acave@bitgroup.com") == .string("Ann Cave"))
        #expect(exchange.edgeID(between: "acave@bitgroup.com", and: "mhmn002@bitgroup.com") != nil)
    }

    @Test("a declined attendee is left out: Google's issue52 export")
    func declined() throws {
        let (graph, report) = try TestGraphs.load([Fixtures.shared("formats/ics/golang-ical/issue52__issue52_notworking.ics")], registry: .builtIn)
        #expect(report.sources.first?.notes.contains("1 declined attendee left out") == true)
        #expect(graph.nodeCount == 2)
    }

    @Test("old Mozilla files with an empty line inside folded properties, and a line without ':'")
    func oldQuirks() throws {
        let parsed = ICalendarParser.parse(try Data(contentsOf: Fixtures.shared("formats/ics/icalendar-4.0.3/multiple.ics")))
        let event = try #require(parsed.components.first?.components.first { $0.name == "VEVENT" })
        #expect(event.first("UID")?.text == "956630271")
        #expect(event.first("SUMMARY")?.text == "Christmas Day")
        let broken = ICalendarParser.parse(try Data(contentsOf: Fixtures.shared("formats/ics/icalendar-4.0.3/timezone_rdate.ics")))
        #expect(broken.ignoredLines.map(\.line) == [53])
    }
}
