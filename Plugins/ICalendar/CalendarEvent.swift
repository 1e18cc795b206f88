import CercleCore
import CerclePlugin
import Foundation

/// A `VEVENT` read for a contact graph: when, who, and whether it was a video call.
public struct CalendarEvent: Sendable {
    /// An organiser or attendee.
    public struct Participant: Sendable, Equatable {
        public var address: String
        /// The `CN` parameter, cleaned (``ContactFields/displayName(_:)``).
        public var name: String?
        /// `ROLE=OPT-PARTICIPANT`: copied rather than invited.
        public var isOptional: Bool
    }

    public var line: Int
    public var uid: String?
    public var start: CalendarTime?
    public var status: String?
    public var rule: RecurrenceRule?
    public var exceptions: [CalendarTime] = []
    public var extraDates: [CalendarTime] = []
    /// `RECURRENCE-ID`: this event replaces one occurrence of a recurring event.
    public var recurrenceID: CalendarTime?
    public var organizer: Participant?
    /// Attendees who take part: not declined, not a room or resource, not a
    /// non-participant, not the organiser again.
    public var attendees: [Participant] = []
    /// Attendees left out because they declined (`PARTSTAT=DECLINED`).
    public var declined = 0
    /// Whether `LOCATION`, `DESCRIPTION`, `URL` or a conference property holds a
    /// video-call link (see ``videoPatterns``).
    public var isVideo = false

    /// Substrings of video-call links, lower-cased: Zoom, Teams, Google Meet, Webex,
    /// Whereby, Jitsi, GoToMeeting, BlueJeans, Chime, Skype, and any `https://meet.` host.
    public static let videoPatterns = [
        "zoom.us/", "zoom.com/", "teams.microsoft.com", "teams.live.com", "meet.google.com", "webex.com",
        "whereby.com", "jitsi", "gotomeeting.com", "bluejeans.com", "chime.aws", "skype.com", "join.skype",
        "https://meet.", "http://meet.",
    ]

    static let conferenceProperties: Set<String> = [
        "LOCATION", "DESCRIPTION", "URL", "CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "X-MICROSOFT-ONLINEMEETINGCONFLINK", "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK",
    ]

    /// Reads a `VEVENT`.
    public init(_ component: CalendarComponent) {
        line = component.line
        uid = component.first("UID").map(\.text).flatMap(ContactFields.nonEmpty)
        if let property = component.first("DTSTART") {
            start = CalendarTime.parse(property.value, tzid: property.parameter("tzid"))
        }
        status = component.first("STATUS")?.text.uppercased()
        rule = component.first("RRULE").flatMap { RecurrenceRule.parse($0.value) }
        exceptions = component.all("EXDATE").flatMap { CalendarTime.list($0.value, tzid: $0.parameter("tzid")) }
        extraDates = component.all("RDATE").flatMap { CalendarTime.list($0.value, tzid: $0.parameter("tzid")) }
        recurrenceID = component.first("RECURRENCE-ID").flatMap { CalendarTime.parse($0.value, tzid: $0.parameter("tzid")) }
        organizer = component.first("ORGANIZER").flatMap { Self.participant($0) }
        for property in component.all("ATTENDEE") {
            guard let attendee = Self.participant(property) else { continue }
            let cutype = property.parameter("cutype")?.uppercased()
            if cutype == "RESOURCE" || cutype == "ROOM" { continue }
            if property.parameter("role")?.uppercased() == "NON-PARTICIPANT" { continue }
            if property.parameter("partstat")?.uppercased() == "DECLINED" {
                declined += 1
                continue
            }
            let key = IdentityKey.normalizedEmail(attendee.address)
            if key == organizer.flatMap({ IdentityKey.normalizedEmail($0.address) }) { continue }
            if attendees.contains(where: { IdentityKey.normalizedEmail($0.address) == key }) { continue }
            attendees.append(attendee)
        }
        isVideo = component.properties.contains { property in
            guard Self.conferenceProperties.contains(property.name) else { return false }
            let text = property.value.lowercased()
            return Self.videoPatterns.contains { text.contains($0) }
        }
    }

    static func participant(_ property: CalendarProperty) -> Participant? {
        var value = property.text.trimmingCharacters(in: .whitespaces)
        if value.lowercased().hasPrefix("mailto:") { value.removeFirst(7) }
        value = value.trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
        guard IdentityKey.normalizedEmail(value) != nil else { return nil }
        let name = property.parameter("cn").flatMap(ContactFields.displayName)
        return Participant(address: value, name: name, isOptional: property.parameter("role")?.uppercased() == "OPT-PARTICIPANT")
    }

    /// Whether the event repeats (`RRULE` or `RDATE`).
    public var isRecurring: Bool { rule != nil || !extraDates.isEmpty }

    /// The start instants (UTC seconds) of the event before `limit`: `DTSTART`, the rule's
    /// starts, `RDATE`s, less `EXDATE`s and the occurrences that `replaced` (the
    /// `RECURRENCE-ID`s of other events of the same UID) stand for.
    ///
    /// - Returns: the instants in order, and how the rule ended (`nil` without a rule).
    public func occurrences(before limit: Int64, zones: CalendarTimeZones, replaced: Set<Int64> = []) -> (starts: [Int64], end: RecurrenceRule.End?) {
        guard let start else { return ([], nil) }
        let zone = start.isDate ? CalendarTime.Zone.floating : start.zone
        var locals: [Int64]
        var end: RecurrenceRule.End?
        if let rule {
            (locals, end) = rule.starts(from: start.local, before: limit) { zones.utc(local: $0, zone: zone) }
        } else {
            locals = [start.local]
        }
        var instants = locals.map { zones.utc(local: $0, zone: zone) }
        instants += extraDates.map { zones.utc($0) }
        let excluded = Set(exceptions.map { zones.utc($0) }).union(replaced)
        let excludedDays = Set(exceptions.filter(\.isDate).map { $0.local / 86_400 })
        var seen = Set<Int64>()
        instants = instants.filter { instant in
            instant < limit && !excluded.contains(instant) && !excludedDays.contains(instant / 86_400) && seen.insert(instant).inserted
        }
        return (instants.sorted(), end)
    }
}
