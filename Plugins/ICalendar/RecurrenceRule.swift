/// An `RRULE` (RFC 5545 §3.3.10) and the start times it generates.
///
/// Expanded: `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY` with `INTERVAL`, `COUNT`, `UNTIL`,
/// `WKST`, `BYDAY` (weekdays for daily and weekly rules; with an ordinal such as `2TU` or
/// `-1FR` counted within the month for monthly rules and yearly rules with `BYMONTH`,
/// within the year otherwise), `BYMONTHDAY` (negative from the month's end) and
/// `BYMONTH`. Not expanded: `BYSETPOS`, `BYYEARDAY`, `BYWEEKNO`, `BYHOUR`, `BYMINUTE`,
/// `BYSECOND` and frequencies below a day; a rule using them is reported in
/// ``unsupported`` and its event counts once, at `DTSTART`.
///
/// Occurrences are generated in wall-clock time, so a weekly 09:00 meeting stays at 09:00
/// across a daylight-saving change; the caller places each in time.
public struct RecurrenceRule: Sendable, Equatable {
    public enum Frequency: String, Sendable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A `BYDAY` entry: a weekday (0 = Monday … 6 = Sunday) with an optional ordinal.
    public struct WeekdayNumber: Sendable, Equatable {
        public var ordinal: Int?
        public var weekday: Int
        public init(ordinal: Int?, weekday: Int) {
            self.ordinal = ordinal
            self.weekday = weekday
        }
    }

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: CalendarTime?
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var weekStart = 0
    /// Rule parts present but not expanded (`BYSETPOS`, `FREQ=HOURLY`…).
    public var unsupported: [String] = []

    public init(frequency: Frequency) {
        self.frequency = frequency
    }

    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Parses `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20261231T000000Z`; `nil` without a
    /// `FREQ`.
    public static func parse(_ text: String) -> RecurrenceRule? {
        var parts: [String: String] = [:]
        for piece in text.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { parts[pair[0].uppercased()] = pair[1] }
        }
        guard let frequencyText = parts["FREQ"]?.uppercased() else { return nil }
        var rule: RecurrenceRule
        if let frequency = Frequency(rawValue: frequencyText) {
            rule = RecurrenceRule(frequency: frequency)
        } else {
            rule = RecurrenceRule(frequency: .daily)
            rule.unsupported.append("FREQ=\(frequencyText)")
        }
        if let interval = parts["INTERVAL"].flatMap({ Int($0) }), interval > 0 { rule.interval = interval }
        rule.count = parts["COUNT"].flatMap { Int($0) }
        rule.until = parts["UNTIL"].flatMap { CalendarTime.parse($0, tzid: nil) }
        if let wkst = parts["WKST"]?.uppercased(), let index = weekdays.firstIndex(of: wkst) { rule.weekStart = index }
        for entry in (parts["BYDAY"] ?? "").split(separator: ",") {
            let text = entry.trimmingCharacters(in: .whitespaces).uppercased()
            guard text.count >= 2, let weekday = weekdays.firstIndex(of: String(text.suffix(2))) else { continue }
            let ordinalText = text.dropLast(2)
            rule.byDay.append(WeekdayNumber(ordinal: ordinalText.isEmpty ? nil : Int(ordinalText.replacingOccurrences(of: "+", with: "")), weekday: weekday))
        }
        rule.byMonthDay = (parts["BYMONTHDAY"] ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        rule.byMonth = (parts["BYMONTH"] ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .filter { (1...12).contains($0) }.sorted()
        for part in ["BYSETPOS", "BYYEARDAY", "BYWEEKNO", "BYHOUR", "BYMINUTE", "BYSECOND"] where parts[part] != nil {
            rule.unsupported.append(part)
        }
        return rule
    }

    /// Why the rule stopped generating.
    public enum End: Sendable, Equatable {
        /// `COUNT` or `UNTIL` reached.
        case ruleEnd
        /// The next start is at or after the limit.
        case limit
        /// ``maximumOccurrences`` generated, or a rule that generates nothing for
        /// ``maximumPeriods`` periods.
        case cap
    }

    /// At most this many starts are generated for one rule.
    public static let maximumOccurrences = 10_000
    /// At most this many periods (days, weeks, months, years) are scanned.
    public static let maximumPeriods = 200_000

    /// The wall-clock start times of the rule from `start` (which is always the first),
    /// in order, while their instant is before `limit`.
    ///
    /// - Parameters:
    ///   - start: `DTSTART` in civil seconds.
    ///   - limit: the first instant (UTC seconds) not to generate.
    ///   - utc: places a wall-clock time in time (the event's zone).
    /// - Returns: the civil start times and why generation stopped.
    /// - Complexity: O(*p* + *k*) for *p* periods scanned and *k* starts generated.
    public func starts(from start: Int64, before limit: Int64, utc: (Int64) -> Int64) -> (starts: [Int64], end: End) {
        var result: [Int64] = []
        let timeOfDay = ((start % 86_400) + 86_400) % 86_400
        let startDay = Int((start - timeOfDay) / 86_400)
        let (startYear, startMonth, startDayOfMonth) = Civil.date(days: startDay)
        var untilLocal: Int64?
        var untilUTC: Int64?
        if let until {
            if until.isDate {
                untilLocal = until.local + 86_399
            } else if until.zone == .utc {
                untilUTC = until.local
            } else {
                untilLocal = until.local
            }
        }
        // Why to stop, or nil to go on.
        func offer(_ local: Int64) -> End? {
            if let count, result.count >= count { return .ruleEnd }
            if let untilLocal, local > untilLocal { return .ruleEnd }
            let instant = utc(local)
            if let untilUTC, instant > untilUTC { return .ruleEnd }
            if instant >= limit { return .limit }
            if result.count >= Self.maximumOccurrences { return .cap }
            result.append(local)
            return nil
        }
        if let end = offer(start) { return (result, end) }
        guard unsupported.isEmpty else { return (result, .ruleEnd) }

        let weekdayFilter = byDay.map(\.weekday)
        var idle = 0
        for period in 0..<Self.maximumPeriods {
            var days: [Int] = []
            switch frequency {
            case .daily:
                let day = startDay + period * interval
                let (year, month, dayOfMonth) = Civil.date(days: day)
                if !byMonth.isEmpty, !byMonth.contains(month) { break }
                if !weekdayFilter.isEmpty, !weekdayFilter.contains(Civil.weekday(days: day)) { break }
                if !byMonthDay.isEmpty {
                    let length = Civil.daysInMonth(year: year, month: month)
                    if !byMonthDay.contains(dayOfMonth), !byMonthDay.contains(dayOfMonth - length - 1) { break }
                }
                days = [day]
            case .weekly:
                let weekFirst = startDay - (Civil.weekday(days: startDay) - weekStart + 7) % 7 + period * interval * 7
                let wanted = weekdayFilter.isEmpty ? [Civil.weekday(days: startDay)] : weekdayFilter
                days = wanted.map { weekFirst + ($0 - weekStart + 7) % 7 }.sorted()
                if !byMonth.isEmpty { days = days.filter { byMonth.contains(Civil.date(days: $0).month) } }
            case .monthly:
                let monthIndex = startYear * 12 + (startMonth - 1) + period * interval
                let year = monthIndex / 12, month = monthIndex % 12 + 1
                if !byMonth.isEmpty, !byMonth.contains(month) { break }
                if byDay.isEmpty, byMonthDay.isEmpty {
                    if startDayOfMonth <= Civil.daysInMonth(year: year, month: month) {
                        days = [Civil.days(year: year, month: month, day: startDayOfMonth)]
                    }
                } else {
                    days = Civil.matchingDays(year: year, month: month, monthDays: byMonthDay, weekdays: byDay)
                }
            case .yearly:
                let year = startYear + period * interval
                if byMonth.isEmpty, !byDay.isEmpty, byMonthDay.isEmpty {
                    let first = Civil.days(year: year, month: 1, day: 1)
                    days = Civil.matching(first: first, length: Civil.days(year: year + 1, month: 1, day: 1) - first,
                                          monthDays: [], weekdays: byDay)
                } else {
                    for month in byMonth.isEmpty ? [startMonth] : byMonth {
                        if byDay.isEmpty, byMonthDay.isEmpty {
                            if startDayOfMonth <= Civil.daysInMonth(year: year, month: month) {
                                days.append(Civil.days(year: year, month: month, day: startDayOfMonth))
                            }
                        } else {
                            days += Civil.matchingDays(year: year, month: month, monthDays: byMonthDay, weekdays: byDay)
                        }
                    }
                }
            }
            var offered = false
            for day in days {
                let local = Int64(day) * 86_400 + timeOfDay
                guard local > start else { continue }
                offered = true
                if let end = offer(local) { return (result, end) }
            }
            idle = offered ? 0 : idle + 1
            if idle > 2000 { return (result, .cap) }
        }
        return (result, .cap)
    }
}
