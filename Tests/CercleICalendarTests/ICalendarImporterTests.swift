import CercleBuiltins
import CercleCore
import CercleICalendar
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("iCalendar meetings")
struct ICalendarImporterTests {
    static let jonas = Fixtures.url("contacts/ics/jonas-weber.ics")
    static let anna = Fixtures.url("contacts/ics/anna-becker.ics")

    static var asOf: ImportOptions {
        var options = ImportOptions()
        options.asOf = DateParsing.iso8601("2026-10-31")
        return options
    }

    static func date(_ text: String) -> AttributeValue? { DateParsing.iso8601(text).map(AttributeValue.date) }

    @Test("events: recurrence across a DST change, overrides, EXDATE, video links, declined and cancelled")
    func events() throws {
        let (graph, report) = try TestGraphs.load([Self.jonas], registry: .builtIn, options: Self.asOf)
        let source = try #require(report.sources.first)
        #expect(source.format == "ics")
        #expect(source.rowUnit == "event")
        #expect(source.rows == 13)
        #expect(source.accepted == 7)
        #expect(source.interactions == 13)
        #expect(source.isBalanced)
        #expect(source.skipped == [
            .init(line: 54, reason: "cancelled (STATUS:CANCELLED)"),
            .init(line: 61, reason: "no attendees besides the organizer"),
            .init(line: 67, reason: "every attendee declined"),
            .init(line: 91, reason: "cancelled (STATUS:CANCELLED)"),
            .init(line: 118, reason: "starts after the as-of date (20261031)"),
            .init(line: 131, reason: "VEVENT not closed: the file ends before END:VEVENT"),
        ])
        #expect(source.notes == [
            "2 events with a floating time, a date or an unknown TZID, read as UTC",
            "2 declined attendees left out",
        ])
        #expect(Set(graph.ids) == ["jonas.weber@nordlicht.example", "anna.becker@nordlicht.example", "zmueller@acme-retail.example",
                                   "mdubois@acme-retail.example", "sbauer@acme-retail.example", "g.taylor@wren-assurance.example"])
        #expect(graph.edgeCount == 6)
        let jonas = "jonas.weber@nordlicht.example", anna = "anna.becker@nordlicht.example"
        #expect(graph.value(PersonField.label, of: jonas) == .string("Jonas Weber"))
        #expect(graph.value(PersonField.label, of: "zmueller@acme-retail.example") == .string("Zoë Müller"))
        // Weekly at 09:00 Berlin: 07:00Z in summer time, 08:00Z after 25 October; and a daily series.
        #expect(graph.edgeValue(TieField.interactions, between: jonas, and: anna) == .integer(6))
        #expect(graph.edgeValue(TieField.lastContact, between: jonas, and: anna) == Self.date("2026-10-26T08:00:00Z"))
        #expect(graph.edgeValue(TieField.channels, between: jonas, and: anna) == .stringList(["meeting"]))
        // The Zoom call: video, the optional attendee copied, the declined one and the room left out.
        #expect(graph.edgeValue(TieField.channels, between: "zmueller@acme-retail.example", and: "mdubois@acme-retail.example") == .stringList(["video"]))
        #expect(graph.node(withID: "paul.keller@kessler-voss.example") == nil)
        #expect(graph.node(withID: "raum412@nordlicht.example") == nil)
        // Monthly on the 15th at 17:00: January, March and June (February excluded, April moved, May cancelled).
        #expect(graph.edgeValue(TieField.interactions, between: jonas, and: "sbauer@acme-retail.example") == .integer(4))
        #expect(graph.edgeValue(TieField.channels, between: jonas, and: "sbauer@acme-retail.example") == .stringList(["video", "meeting"]))
        #expect(graph.edgeValue(TieField.firstContact, between: jonas, and: "sbauer@acme-retail.example") == Self.date("2026-01-15T16:00:00Z"))
        #expect(graph.edgeValue(TieField.lastContact, between: jonas, and: "sbauer@acme-retail.example") == Self.date("2026-06-15T15:00:00Z"))
        // A floating time and an all-day event, read as UTC; the alarm's attendee is nobody.
        #expect(graph.edgeValue(TieField.firstContact, between: jonas, and: "g.taylor@wren-assurance.example") == Self.date("2026-03-10T14:00:00Z"))
        #expect(graph.edgeValue(TieField.lastContact, between: jonas, and: "g.taylor@wren-assurance.example") == Self.date("2026-03-20T00:00:00Z"))
        #expect(graph.node(withID: "reminders@nordlicht.example") == nil)
    }

    @Test("the same series in two calendars counts once; RDATE adds occurrences")
    func twoCalendars() throws {
        let (graph, report) = try TestGraphs.load([Self.jonas, Self.anna], registry: .builtIn, options: Self.asOf)
        #expect(report.sources[1].rows == 2)
        #expect(report.sources[1].accepted == 2)
        #expect(report.sources[1].interactions == 3)
        #expect(report.duplicateInteractions == 3)
        #expect(graph.interactions.interactionCount == 16)
        #expect(graph.edgeValue(TieField.interactions, between: "anna.becker@nordlicht.example", and: "sofia.ramirez@nordlicht.example") == .integer(3))
    }

    @Test("without --as-of the file's latest DTSTART is the as-of date, and the report says so")
    func defaultAsOf() throws {
        let (graph, report) = try TestGraphs.load([Self.jonas], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.notes.first == "as of 20261123, the day of the latest DTSTART in the file (give --as-of to choose)")
        #expect(source.interactions == 17)  // the weekly series runs to its sixth meeting, the planned event counts
        #expect(graph.edgeValue(TieField.interactions, between: "jonas.weber@nordlicht.example", and: "anna.becker@nordlicht.example") == .integer(10))
    }

    @Test("occurrence identifiers are UID/<start in UTC>, single events keep their UID")
    func identifiers() throws {
        let parsed = ICalendarParser.parse(try Data(contentsOf: Self.jonas))
        let zones = CalendarTimeZones(parsed.components)
        let events = parsed.components.flatMap(\.components).filter { $0.name == "VEVENT" }.map(CalendarEvent.init)
        let weekly = try #require(events.first)
        #expect(weekly.uid == "weekly-standup@nordlicht.example")
        let limit = Int64(try #require(DateParsing.iso8601("2027-01-01")).timeIntervalSince1970)
        let starts = weekly.occurrences(before: limit, zones: zones).starts
        #expect(starts.map { CalendarTime.format(utc: $0, isDate: false) } == [
            "20261012T070000Z", "20261019T070000Z", "20261026T080000Z", "20261102T080000Z", "20261109T080000Z", "20261116T080000Z",
        ])
        #expect(events[1].isVideo)
        #expect(events[1].attendees.map(\.isOptional) == [false, true])
        #expect(events[1].organizer?.name == "Jonas Weber")
        #expect(events[5].isVideo)
        #expect(!events[6].isVideo)
    }

    @Test("a file that is not a calendar is an error")
    func notACalendar() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("empty.ics", "hello\n")
        #expect {
            _ = try TestGraphs.load([url], registry: .builtIn)
        } throws: { error in
            (error as? ImportError)?.reason == "no BEGIN:VCALENDAR: not an iCalendar file"
        }
    }
}
