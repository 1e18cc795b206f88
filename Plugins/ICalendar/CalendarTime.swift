import Foundation

/// A `DATE` or `DATE-TIME` value of iCalendar, before it is placed in time.
///
/// ``local`` counts the seconds of the written wall-clock time as if it were UTC (civil
/// seconds since 1970-01-01); ``CalendarTimeZones/utc(_:)`` turns it into an instant.
public struct CalendarTime: Sendable, Hashable {
    /// How the wall-clock time relates to UTC.
    public enum Zone: Sendable, Hashable {
        /// `…Z`: already UTC.
        case utc
        /// No zone: the same wall-clock time everywhere.
        case floating
        /// `TZID=…`.
        case named(String)
    }

    /// Civil seconds of the written date and time.
    public var local: Int64
    public var zone: Zone
    /// Whether the value is a `DATE` (an all-day event), without a time.
    public var isDate: Bool

    public init(local: Int64, zone: Zone, isDate: Bool) {
        self.local = local
        self.zone = zone
        self.isDate = isDate
    }

    /// Parses `20251226`, `20251226T093000`, `20251226T093000Z` (dashes and colons
    /// tolerated) with the property's `TZID`.
    public static func parse(_ value: String, tzid: String?) -> CalendarTime? {
        let text = value.trimmingCharacters(in: .whitespaces).filter { $0 != "-" && $0 != ":" }
        let characters = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= characters.count else { return nil }
            var result = 0
            for byte in characters[from..<from + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                result = result * 10 + Int(byte - 0x30)
            }
            return result
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let isUTC = text.hasSuffix("Z")
        let length = characters.count - (isUTC ? 1 : 0)
        var hour = 0, minute = 0, second = 0
        var isDate = true
        if length == 13 || length == 15, characters[8] == 0x54 {  // T
            guard let h = number(9, 2), let m = number(11, 2) else { return nil }
            hour = h
            minute = m
            if length == 15 {
                guard let s = number(13, 2) else { return nil }
                second = s
            }
            isDate = false
        } else if length != 8 {
            return nil
        }
        guard hour <= 24, minute <= 59, second <= 60 else { return nil }
        let local = Int64(Civil.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let zone: Zone
        if isUTC, !isDate {
            zone = .utc
        } else if let tzid, !isDate {
            zone = .named(tzid)
        } else {
            zone = .floating
        }
        return CalendarTime(local: local, zone: zone, isDate: isDate)
    }

    /// Every value of a property that may list several (`EXDATE`, `RDATE`); periods
    /// (`start/end`) give their start.
    public static func list(_ value: String, tzid: String?) -> [CalendarTime] {
        value.split(separator: ",").compactMap { item in
            let start = item.split(separator: "/").first.map(String.init) ?? String(item)
            return parse(start, tzid: tzid)
        }
    }

    /// `20251226T093000Z` for an instant, `20251226` for a date.
    public static func format(utc seconds: Int64, isDate: Bool) -> String {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let (year, month, day) = Civil.date(days: days)
        let rest = Int(seconds - Int64(days) * 86_400)
        let date = String(format: "%04d%02d%02d", year, month, day)
        if isDate { return date }
        return date + String(format: "T%02d%02d%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }
}

/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
/// Howard Hinnant's `days_from_civil`.
enum Civil {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        let next = month == 12 ? days(year: year + 1, month: 1, day: 1) : days(year: year, month: month + 1, day: 1)
        return next - days(year: year, month: month, day: 1)
    }

    /// The days of a month (day numbers) that match `BYMONTHDAY` and `BYDAY` (with
    /// ordinals counted within the month); all days when both are empty.
    static func matchingDays(year: Int, month: Int, monthDays: [Int], weekdays: [RecurrenceRule.WeekdayNumber]) -> [Int] {
        let first = days(year: year, month: month, day: 1)
        let length = daysInMonth(year: year, month: month)
        return matching(first: first, length: length, monthDays: monthDays, weekdays: weekdays)
    }

    /// The days of the span `first ..< first + length` (a month or a year) that match.
    static func matching(first: Int, length: Int, monthDays: [Int], weekdays: [RecurrenceRule.WeekdayNumber]) -> [Int] {
        var result: [Int] = []
        for offset in 0..<length {
            let day = first + offset
            if !monthDays.isEmpty, !monthDays.contains(where: { $0 == offset + 1 || $0 == offset - length }) { continue }
            if !weekdays.isEmpty {
                let weekday = weekday(days: day)
                let fits = weekdays.contains { entry in
                    guard entry.weekday == weekday else { return false }
                    guard let ordinal = entry.ordinal else { return true }
                    return ordinal > 0 ? offset / 7 + 1 == ordinal : (length - 1 - offset) / 7 + 1 == -ordinal
                }
                if !fits { continue }
            }
            result.append(day)
        }
        return result
    }
}
