import CercleCore
import CerclePlugin
import Foundation

/// Reads an iCalendar file (`.ics`): meetings as co-attendance interactions.
///
/// Every `VEVENT` is a row. An event with an organiser and at least one attendee (or two
/// attendees) gives one interaction per occurrence, on channel `video` when `LOCATION`,
/// `DESCRIPTION`, `URL` or a conference property holds a video-call link (Zoom, Teams,
/// Meet, Webex, Whereby, Jitsi, `https://meet.`… see ``CalendarEvent/videoPatterns``),
/// else `meeting`:
///
/// - `ORGANIZER` is the sender; `ATTENDEE`s with `ROLE=OPT-PARTICIPANT` are copied (`cc`),
///   the others invited (`to`); attendees who declined (`PARTSTAT=DECLINED`), rooms and
///   resources (`CUTYPE=ROOM|RESOURCE`), non-participants and the organiser listed again
///   are left out. Every pair of participants gets a co-attendance tie (see
///   ``InteractionRecord``). Persons are keyed by their `mailto:` address, named by `CN`.
/// - `DTSTART` in UTC, with an IANA `TZID` or a `TZID` the file's `VTIMEZONE` defines is
///   exact; floating times, all-day dates and unknown zones are read as UTC (see
///   ``CalendarTimeZones``), and the report counts them.
/// - Recurring events (``RecurrenceRule``: `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY` with
///   `INTERVAL`, `COUNT`, `UNTIL`, `BYDAY`, `BYMONTHDAY`, `BYMONTH`; `RDATE`; `EXDATE`;
///   occurrences moved or cancelled by a `RECURRENCE-ID` event) give one interaction per
///   occurrence up to the as-of date, identified `UID/<start in UTC>` (`UID/20261019T070000Z`)
///   so that the same series in two calendars counts once. A single event is identified by
///   its `UID`.
/// - **As-of date**: `--as-of D` counts occurrences starting on day D or before. Without it,
///   the as-of date is the day of the latest `DTSTART` in the file: nothing is invented
///   past what the file itself names, and series without an end stop there (the report
///   says so; give `--as-of` to choose).
///
/// Skipped with their line: cancelled events (`STATUS:CANCELLED`), events without
/// `DTSTART`, events without anyone besides the organiser (focus time) or whose every
/// attendee declined, events starting after the as-of date, and components not closed or
/// holding a line without `:`. A file without `BEGIN:VCALENDAR` or `BEGIN:VEVENT` is an error.
public struct ICalendarImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "ics", name: "iCalendar (.ics) meetings", fileExtensions: ["ics", "ical", "ifb", "icalendar"], quality: 1)

    public var idScope: GraphBuilder.IDScope { .local }

    public var rowUnit: String { "event" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let head = sample.text.prefix(4096).uppercased()
        if head.contains("BEGIN:VCALENDAR") { return .certain }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let parsed = ICalendarParser.parse(try input.bytes())
        let roots = parsed.components
        guard !roots.isEmpty else { throw context.error("no BEGIN:VCALENDAR: not an iCalendar file") }
        for (line, text) in parsed.ignoredLines.prefix(5) {
            context.note("line \(line): no ':' in '\(text)', line ignored")
        }
        if parsed.ignoredLines.count > 5 { context.note("\(parsed.ignoredLines.count - 5) more lines without ':' ignored") }
        let zones = CalendarTimeZones(roots)
        var components: [CalendarComponent] = []
        func collect(_ component: CalendarComponent) {
            if component.name == "VEVENT" {
                components.append(component)
            } else if component.name != "VTIMEZONE" {
                component.components.forEach(collect)
            }
        }
        roots.forEach(collect)
        let events = components.map(CalendarEvent.init)

        // Occurrences replaced by RECURRENCE-ID events, per UID.
        var replaced: [String: Set<Int64>] = [:]
        for event in events {
            if let uid = event.uid, let id = event.recurrenceID { replaced[uid, default: []].insert(zones.utc(id)) }
        }
        let limit: Int64
        if let asOf = context.options.asOf {
            limit = Self.endOfDay(Int64(asOf.timeIntervalSince1970.rounded(.down)))
        } else if let latest = events.compactMap({ $0.start.map { zones.utc($0) } }).max() {
            limit = Self.endOfDay(latest)
            let day = CalendarTime.format(utc: limit - 1, isDate: true)
            context.note("as of \(day), the day of the latest DTSTART in the file (give --as-of to choose)")
        } else {
            limit = 0
            if events.isEmpty { context.note("no VEVENT in the file") }
        }

        let member = context.options.member.map(ContactOwner.init(member:))
        var named: [String: Bool] = [:]
        func person(_ participant: CalendarEvent.Participant, _ context: inout ImportContext, line: Int) -> String {
            let id = IdentityKey.normalizedEmail(participant.address) ?? participant.address
            let hasName = participant.name != nil
            if let known = named[id], known || !hasName { return id }
            named[id] = hasName
            let isMember = member?.matches(name: participant.name, emails: [participant.address]) ?? false
            context.addPerson(PersonRecord(id: id, name: participant.name, emails: [participant.address], isMember: isMember), line: line)
            return id
        }

        var approximate = 0, declined = 0, capped = 0, unbounded = 0
        var unsupported = Set<String>()
        for (component, event) in zip(components, events) {
            if let problem = component.problem {
                context.skip(line: event.line, reason: problem)
                continue
            }
            if event.status == "CANCELLED" {
                context.skip(line: event.line, reason: "cancelled (STATUS:CANCELLED)")
                continue
            }
            guard let start = event.start else {
                context.skip(line: event.line, reason: "no DTSTART")
                continue
            }
            declined += event.declined
            let participants = (event.organizer.map { [$0] } ?? []) + event.attendees
            guard participants.count >= 2 else {
                let everyoneDeclined = event.declined > 0 && event.attendees.isEmpty
                context.skip(line: event.line, reason: everyoneDeclined ? "every attendee declined" : "no attendees besides the organizer")
                continue
            }
            let replacedHere = event.recurrenceID == nil ? event.uid.flatMap { replaced[$0] } ?? [] : []
            let (starts, end) = event.occurrences(before: limit, zones: zones, replaced: replacedHere)
            if let rule = event.rule {
                unsupported.formUnion(rule.unsupported)
                if end == .cap { capped += 1 }
                if end == .limit, rule.count == nil, rule.until == nil, context.options.asOf == nil { unbounded += 1 }
            }
            guard !starts.isEmpty else {
                let day = CalendarTime.format(utc: limit - 1, isDate: true)
                context.skip(line: event.line, reason: "starts after the as-of date (\(day))")
                continue
            }
            if zones.placement(of: start) == .approximate { approximate += 1 }
            let from = event.organizer.map { person($0, &context, line: event.line) }
            let to = event.attendees.filter { !$0.isOptional }.map { person($0, &context, line: event.line) }
            let cc = event.attendees.filter(\.isOptional).map { person($0, &context, line: event.line) }
            let channel: Channel = event.isVideo ? .video : .meeting
            let uid = event.uid ?? "no-uid:\(from ?? "")/\(CalendarTime.format(utc: zones.utc(start), isDate: start.isDate))"
            for instant in starts {
                let identifier: String
                if let recurrenceID = event.recurrenceID {
                    identifier = "\(uid)/\(CalendarTime.format(utc: zones.utc(recurrenceID), isDate: recurrenceID.isDate))"
                } else if event.isRecurring {
                    identifier = "\(uid)/\(CalendarTime.format(utc: instant, isDate: start.isDate))"
                } else {
                    identifier = uid
                }
                context.addInteraction(InteractionRecord(
                    channel: channel, date: Date(timeIntervalSince1970: Double(instant)), from: from, to: to, cc: cc,
                    identifier: identifier))
            }
            context.accept()
        }
        if approximate > 0 {
            context.note("\(approximate) event\(approximate == 1 ? "" : "s") with a floating time, a date or an unknown TZID, read as UTC")
        }
        if declined > 0 { context.note("\(declined) declined attendee\(declined == 1 ? "" : "s") left out") }
        if unbounded > 0 { context.note("\(unbounded) series without an end cut at the as-of date") }
        if capped > 0 { context.note("\(capped) series cut after \(RecurrenceRule.maximumOccurrences) occurrences") }
        if !unsupported.isEmpty {
            context.note("RRULE parts not expanded (counted once): \(unsupported.sorted().joined(separator: ", "))")
        }
    }

    /// The first second after the day of `instant` (UTC).
    static func endOfDay(_ instant: Int64) -> Int64 {
        let day = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
        return (day + 1) * 86_400
    }
}
