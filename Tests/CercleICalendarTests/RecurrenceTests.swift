import CercleBuiltins
import CercleCore
import CercleICalendar
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Recurrence rules and time zones")
struct RecurrenceTests {
    static let far = Int64(4_102_444_800)  // 2100-01-01

    func events(_ path: String) throws -> ([CalendarEvent], CalendarTimeZones) {
        let parsed = ICalendarParser.parse(try Data(contentsOf: Fixtures.shared("formats/ics/\(path)")))
        let zones = CalendarTimeZones(parsed.components)
        let events = parsed.components.flatMap(\.components).filter { $0.name == "VEVENT" }.map(CalendarEvent.init)
        return (events, zones)
    }

    func utc(_ text: String) -> Int64 {
        Int64(DateParsing.iso8601(text)?.timeIntervalSince1970 ?? -1)
    }

    @Test("daily COUNT with UTC EXDATEs; weekly UNTIL with zoned EXDATEs (python-icalendar's recurrence.ics)")
    func recurrenceFile() throws {
        let (events, zones) = try events("icalendar-4.0.3/recurrence.ics")
        let daily = events[0].occurrences(before: Self.far, zones: zones)
        #expect(daily.starts.count == 97)
        #expect(daily.end == .ruleEnd)
        let weekly = events[1].occurrences(before: Self.far, zones: zones).starts
        #expect(weekly.count == 10)
        #expect(weekly.last == utc("2012-07-03T08:00:00Z"))
    }

    @Test("weekly BYDAY=FR,SA with UNTIL and two EXDATEs in New York time")
    func weeklyByDay() throws {
        let (events, zones) = try events("icalendar-4.0.3/issue_112_missing_tzinfo_on_exdate.ics")
        let starts = events[0].occurrences(before: Self.far, zones: zones).starts
        #expect(starts.count == 11)
        #expect(starts.first == utc("2013-09-07T16:00:00Z"))
        #expect(starts.last == utc("2013-10-19T16:00:00Z"))
    }

    @Test("an unbounded weekday rule stops at the limit; a yearly all-day rule skips its EXDATE")
    func limits() throws {
        let (weekdays, zones) = try events("icalendar-4.0.3/x_location.ics")
        let cut = weekdays[0].occurrences(before: utc("2016-11-05T00:00:00Z"), zones: zones)
        #expect(cut.starts.count == 6)
        #expect(cut.end == .limit)
        let (yearly, yearlyZones) = try events("horde-icalendar/exdate.ics")
        let starts = yearly[0].occurrences(before: utc("2006-01-01T00:00:00Z"), zones: yearlyZones).starts
        #expect(starts == [utc("2002-04-28T00:00:00Z"), utc("2004-04-28T00:00:00Z"), utc("2005-04-28T00:00:00Z")])
    }

    @Test("Windows time-zone names are placed with the file's VTIMEZONE, IANA names with the system's", arguments: [
        ("horde-icalendar/exchange.ics", "2001-11-16T19:00:00Z"),
        ("icalendar-4.0.3/timezone_same_start.ics", "2017-02-24T20:00:00Z"),
        ("icalendar-4.0.3/timezone_same_start_and_offset.ics", "2017-02-24T03:00:00Z"),
        ("icalendar-4.0.3/timezone_rdate.ics", "2012-02-13T09:00:00Z"),
        ("icalendar-4.0.3/pacific_fiji.ics", "2014-08-28T20:00:00Z"),
    ])
    func timeZones(path: String, expected: String) throws {
        let (events, zones) = try events(path)
        let start = try #require(events.first?.start)
        #expect(zones.placement(of: start) == .exact)
        #expect(zones.utc(start) == utc(expected))
    }

    @Test("rule parsing: parts, ordinals, what is not expanded")
    func parsing() throws {
        let rule = try #require(RecurrenceRule.parse("FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU,-1FR;BYMONTHDAY=1,-1;WKST=SU;COUNT=6"))
        #expect(rule.frequency == .monthly)
        #expect(rule.interval == 3)
        #expect(rule.count == 6)
        #expect(rule.weekStart == 6)
        #expect(rule.byDay == [.init(ordinal: 2, weekday: 1), .init(ordinal: -1, weekday: 4)])
        #expect(rule.byMonthDay == [1, -1])
        #expect(RecurrenceRule.parse("INTERVAL=2") == nil)
        #expect(RecurrenceRule.parse("FREQ=HOURLY;COUNT=3")?.unsupported == ["FREQ=HOURLY"])
        #expect(RecurrenceRule.parse("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR")?.unsupported == ["BYSETPOS"])
    }

    @Test("monthly and yearly expansions", arguments: [
        ("FREQ=MONTHLY;INTERVAL=3;COUNT=6", "2025-01-31T10:00:00Z", ["2025-01-31", "2025-07-31", "2025-10-31", "2026-01-31", "2026-07-31", "2026-10-31"]),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "2026-01-30T10:00:00Z", ["2026-01-30", "2026-02-27", "2026-03-27"]),
        ("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", "2026-01-31T10:00:00Z", ["2026-01-31", "2026-02-28", "2026-03-31"]),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=2", "2026-03-29T01:00:00Z", ["2026-03-29", "2027-03-28"]),
        ("FREQ=YEARLY;COUNT=3", "2024-02-29T10:00:00Z", ["2024-02-29", "2028-02-29", "2032-02-29"]),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260120T235959Z", "2026-01-06T10:00:00Z", ["2026-01-06", "2026-01-08", "2026-01-20"]),
        ("FREQ=DAILY;BYDAY=SA,SU;COUNT=3", "2026-01-03T10:00:00Z", ["2026-01-03", "2026-01-04", "2026-01-10"]),
    ])
    func expansions(rule text: String, start: String, expected: [String]) throws {
        let rule = try #require(RecurrenceRule.parse(text))
        let (starts, _) = rule.starts(from: utc(start), before: Self.far) { $0 }
        #expect(starts.map { CalendarTime.format(utc: $0, isDate: true) } == expected.map { $0.replacingOccurrences(of: "-", with: "") })
    }
}
