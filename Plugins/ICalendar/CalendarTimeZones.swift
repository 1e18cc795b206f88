import Foundation

/// Places the wall-clock times of one iCalendar file in time.
///
/// - `…Z` times are UTC.
/// - `TZID=Europe/Berlin` and other IANA names (also Mozilla's `/mozilla.org/…/Europe/Berlin`)
///   use the system's time-zone database, daylight-saving rules included.
/// - Other `TZID`s (Outlook's `Eastern Time (US & Canada)`, `W. Europe Standard Time`)
///   use the file's `VTIMEZONE` of that id: its `STANDARD` and `DAYLIGHT` observances with
///   their `TZOFFSETFROM`/`TZOFFSETTO`, `DTSTART`, yearly `RRULE` (`BYMONTH` with `BYDAY`
///   or `BYMONTHDAY`) and `RDATE`s.
/// - Floating times, dates, and `TZID`s defined nowhere are read as UTC: the day is
///   right, the hour may be off by the calendar owner's offset. ``approximations`` counts
///   them, so the report can say so.
public struct CalendarTimeZones: Sendable {
    struct Observance: Sendable {
        var start: Int64
        var offsetFrom: Int64
        var offsetTo: Int64
        var isStandard: Bool
        var rule: RecurrenceRule?
        var dates: [Int64]
    }

    var custom: [String: [Observance]] = [:]

    /// The zones defined by the `VTIMEZONE`s among `components` (searched recursively).
    public init(_ components: [CalendarComponent]) {
        func visit(_ component: CalendarComponent) {
            if component.name == "VTIMEZONE", let id = component.first("TZID")?.text {
                custom[Self.clean(id)] = component.components.compactMap(Self.observance)
            }
            component.components.forEach(visit)
        }
        components.forEach(visit)
    }

    static func observance(_ component: CalendarComponent) -> Observance? {
        guard component.name == "STANDARD" || component.name == "DAYLIGHT",
              let start = component.first("DTSTART").flatMap({ CalendarTime.parse($0.value, tzid: nil) }),
              let from = component.first("TZOFFSETFROM").flatMap({ offset($0.value) }),
              let to = component.first("TZOFFSETTO").flatMap({ offset($0.value) }) else { return nil }
        let rule = component.first("RRULE").flatMap { RecurrenceRule.parse($0.value) }
        let dates = component.all("RDATE").flatMap { CalendarTime.list($0.value, tzid: nil) }.map(\.local)
        return Observance(start: start.local, offsetFrom: from, offsetTo: to, isStandard: component.name == "STANDARD",
                          rule: rule, dates: dates)
    }

    /// `+0100`, `-0430`, `+013000` → seconds.
    static func offset(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let sign = trimmed.first, sign == "+" || sign == "-" else { return nil }
        let digits = trimmed.dropFirst()
        guard digits.count == 4 || digits.count == 6, digits.allSatisfy(\.isNumber),
              let hours = Int64(digits.prefix(2)), let minutes = Int64(digits.dropFirst(2).prefix(2)) else { return nil }
        let seconds = digits.count == 6 ? Int64(digits.suffix(2)) ?? 0 : 0
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }

    static func clean(_ id: String) -> String {
        id.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
    }

    /// How a time is placed.
    public enum Placement: Sendable, Equatable {
        case exact
        /// Floating, a date, or an unknown `TZID`: read as UTC.
        case approximate
    }

    /// The system time zone of an IANA id, also inside Mozilla-style paths.
    static func systemZone(_ id: String) -> TimeZone? {
        if let zone = TimeZone(identifier: id) { return zone }
        let parts = id.split(separator: "/")
        for count in [3, 2] where parts.count > count {
            if let zone = TimeZone(identifier: parts.suffix(count).joined(separator: "/")) { return zone }
        }
        return nil
    }

    /// How `zone` is placed in time.
    public func placement(of time: CalendarTime) -> Placement {
        if time.isDate { return .approximate }
        switch time.zone {
        case .utc: return .exact
        case .floating: return .approximate
        case .named(let id):
            let clean = Self.clean(id)
            return Self.systemZone(clean) != nil || custom[clean] != nil ? .exact : .approximate
        }
    }

    /// The instant (UTC seconds) of `time`.
    public func utc(_ time: CalendarTime) -> Int64 {
        utc(local: time.local, zone: time.isDate ? .floating : time.zone)
    }

    /// The instant of civil seconds `local` in `zone`.
    public func utc(local: Int64, zone: CalendarTime.Zone) -> Int64 {
        switch zone {
        case .utc, .floating:
            return local
        case .named(let id):
            let clean = Self.clean(id)
            if let system = Self.systemZone(clean) {
                let guess = local - Int64(system.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local))))
                return local - Int64(system.secondsFromGMT(for: Date(timeIntervalSince1970: Double(guess))))
            }
            if let observances = custom[clean], !observances.isEmpty {
                let first = offset(of: observances, at: local - observances[0].offsetTo)
                return local - offset(of: observances, at: local - first)
            }
            return local
        }
    }

    /// The offset in force at instant `instant` by the observances of a `VTIMEZONE`.
    func offset(of observances: [Observance], at instant: Int64) -> Int64 {
        var best: (onset: Int64, offset: Int64)?
        let year = Civil.date(days: Int(instant / 86_400)).year
        for observance in observances {
            var onsets = [observance.start] + observance.dates
            if let rule = observance.rule, rule.frequency == .yearly, !rule.byMonth.isEmpty {
                let timeOfDay = ((observance.start % 86_400) + 86_400) % 86_400
                for candidateYear in [year - 1, year] {
                    for month in rule.byMonth {
                        let days = Civil.matchingDays(year: candidateYear, month: month, monthDays: rule.byMonthDay, weekdays: rule.byDay)
                        guard let day = days.first else { continue }
                        let onset = Int64(day) * 86_400 + timeOfDay
                        if onset < observance.start { continue }
                        if let until = rule.until, onset - (until.zone == .utc ? observance.offsetFrom : 0) > until.local { continue }
                        onsets.append(onset)
                    }
                }
            }
            for onsetLocal in onsets {
                let onset = onsetLocal - observance.offsetFrom
                if onset <= instant, best.map({ onset > $0.onset }) ?? true { best = (onset, observance.offsetTo) }
            }
        }
        if let best { return best.offset }
        return (observances.first { $0.isStandard } ?? observances[0]).offsetFrom
    }
}
