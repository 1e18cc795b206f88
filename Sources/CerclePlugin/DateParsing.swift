import Foundation

/// Parsers for the date formats of contact exports, written by hand: `DateFormatter` is
/// locale-dependent and slow, and these formats are few and fixed. All results are UTC
/// unless the text carries an offset.
public enum DateParsing {
    /// ISO 8601: `2025-12-26`, `2025-12-26T09:30`, `2025-12-26T09:30:00Z`,
    /// `2025-12-26 09:30:00+01:00`, fractional seconds allowed.
    public static func iso8601(_ text: String) -> Date? {
        var scanner = Scanner(text.trimmingCharacters(in: .whitespaces))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if scanner.skip("T") || scanner.skip(" ") {
            guard let h = scanner.number(digits: 2), scanner.skip(":"), let m = scanner.number(digits: 2) else { return nil }
            hour = h
            minute = m
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = Double(s)
                if scanner.skip(".") || scanner.skip(",") {
                    let fraction = scanner.digits()
                    guard !fraction.isEmpty else { return nil }
                    second += Double("0." + fraction) ?? 0
                }
            }
            guard let zone = scanner.zoneOffset() else { return nil }
            offset = zone
        }
        guard scanner.isAtEnd else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    /// iCalendar `DATE` or `DATE-TIME`: `20251226`, `20251226T093000`, `20251226T093000Z`.
    /// Floating and `TZID` times are read as UTC (a documented approximation: meeting days
    /// matter here, not hours).
    public static func iCalendar(_ text: String) -> Date? {
        var scanner = Scanner(text.trimmingCharacters(in: .whitespaces))
        guard let year = scanner.number(digits: 4), let month = scanner.number(digits: 2),
              let day = scanner.number(digits: 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        if scanner.skip("T") {
            guard let h = scanner.number(digits: 2), let m = scanner.number(digits: 2),
                  let s = scanner.number(digits: 2) else { return nil }
            hour = h
            minute = m
            second = s
            _ = scanner.skip("Z")
        }
        guard scanner.isAtEnd else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second), offsetSeconds: 0)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// RFC 5322 (e-mail `Date:`): `Tue, 1 Jul 2003 10:52:37 +0200`, with the obsolete
    /// forms found in old mailboxes (two-digit years, zone names like `EST`, `GMT`,
    /// missing seconds, comments in parentheses).
    public static func rfc5322(_ text: String) -> Date? {
        var cleaned = text
        while let open = cleaned.firstIndex(of: "("), let close = cleaned[open...].firstIndex(of: ")") {
            cleaned.removeSubrange(open...close)
        }
        var tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let first = tokens.first, Int(first) == nil, first.count >= 3,
           !monthNames.contains(String(first.prefix(3)).lowercased()) {
            tokens.removeFirst()  // day name
        }
        guard tokens.count >= 4 else { return nil }
        var day: Int?, month: Int?
        if let d = Int(tokens[0]), let m = monthIndex(tokens[1]) {
            day = d; month = m
        } else if let m = monthIndex(tokens[0]), let d = Int(tokens[1]) {
            day = d; month = m  // asctime-like "Jul 1 2003"
        }
        guard let day, let month else { return nil }
        var rest = Array(tokens.dropFirst(2))
        var year: Int?
        var timeToken: String?
        if let y = Int(rest[0]) {
            year = y
            rest.removeFirst()
            timeToken = rest.first
            if !rest.isEmpty { rest.removeFirst() }
        } else {
            timeToken = rest[0]
            rest.removeFirst()
            if let y = rest.first.flatMap({ Int($0) }) { year = y; rest.removeFirst() }
        }
        guard var fullYear = year, let timeToken else { return nil }
        if fullYear < 50 { fullYear += 2000 } else if fullYear < 1000 { fullYear += 1900 }
        let parts = timeToken.split(separator: ":").map { Int($0) }
        guard parts.count >= 2, let hour = parts[0], let minute = parts[1] else { return nil }
        let second = parts.count > 2 ? (parts[2] ?? 0) : 0
        var offset = 0
        if let zone = rest.first {
            offset = zoneOffset(zone) ?? 0
        }
        return make(year: fullYear, month: month, day: day, hour: hour, minute: minute,
                    second: Double(second), offsetSeconds: offset)
    }

    /// LinkedIn's current export: `26 Dec 2025`; also `26-Dec-2025`.
    public static func dayMonthNameYear(_ text: String) -> Date? {
        // Byte by byte: a million connections are read, and splitting into Strings was a
        // tenth of the import.
        var day = 0, year = 0
        var dayLength = 0, monthLength = 0, yearLength = 0
        var monthName: UInt32 = 0  // the first three letters, lower-cased
        var field = -1
        var inToken = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x2D {
                inToken = false
                continue
            }
            if !inToken {
                inToken = true
                field += 1
                if field > 2 { return nil }
            }
            switch field {
            case 1:
                monthLength += 1
                if monthLength <= 3 { monthName = monthName << 8 | UInt32(byte | 0x20) }
            default:
                let length = field == 0 ? dayLength : yearLength
                if field == 0 { dayLength += 1 } else { yearLength += 1 }
                if byte == 0x2B, length == 0 { continue }  // `Int` reads a leading sign too
                guard (0x30...0x39).contains(byte), length < 9 else { return nil }
                if field == 0 { day = day * 10 + Int(byte - 0x30) } else { year = year * 10 + Int(byte - 0x30) }
            }
        }
        guard field == 2, monthLength >= 3, dayLength > 0, yearLength > 0,
              let month = monthNameCodes.firstIndex(of: monthName).map({ $0 + 1 }) else { return nil }
        if year < 100 { year += 2000 }
        return make(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offsetSeconds: 0)
    }

    static let monthNameCodes: [UInt32] = monthNames.map { name in
        name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// US short dates, as older LinkedIn and Outlook exports write them:
    /// `1/8/18`, `1/8/2018`, `1/8/18, 6:14 PM`, `01/08/2018 18:14`.
    public static func usShort(_ text: String) -> Date? {
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let datePart = pieces.first else { return nil }
        let numbers = datePart.split(separator: "/").map { Int($0) }
        guard numbers.count == 3, let month = numbers[0], let day = numbers[1], var year = numbers[2] else { return nil }
        if year < 100 { year += 2000 }
        var hour = 0, minute = 0
        if pieces.count >= 2 {
            let time = pieces[1].split(separator: ":").map { Int($0) }
            guard time.count >= 2, let h = time[0], let m = time[1] else { return nil }
            hour = h
            minute = m
            if pieces.count >= 3 {
                let meridiem = pieces[2].uppercased()
                if meridiem == "PM", hour < 12 { hour += 12 }
                if meridiem == "AM", hour == 12 { hour = 0 }
            }
        }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: 0, offsetSeconds: 0)
    }

    /// European numeric dates, as German CRM reports write them: `28.10.2026`,
    /// `28.10.26`, `28.10.2026 14:03`, `28.10.2026, 14:03:05`.
    public static func dayMonthYearDotted(_ text: String) -> Date? {
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard let datePart = pieces.first, pieces.count <= 2 else { return nil }
        let numbers = datePart.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count == 3, let day = numbers[0], let month = numbers[1], var year = numbers[2] else { return nil }
        if year < 100 { year += 2000 }
        var hour = 0, minute = 0, second = 0
        if pieces.count == 2 {
            let time = pieces[1].split(separator: ":").map { Int($0) }
            guard time.count >= 2, time.count <= 3, let h = time[0], let m = time[1] else { return nil }
            hour = h
            minute = m
            if time.count == 3 {
                guard let s = time[2] else { return nil }
                second = s
            }
        }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second), offsetSeconds: 0)
    }

    /// Any of the formats above, tried in turn.
    public static func any(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return iso8601(trimmed) ?? dayMonthNameYear(trimmed) ?? usShort(trimmed) ?? dayMonthYearDotted(trimmed)
            ?? iCalendar(trimmed) ?? rfc5322(trimmed)
    }

    static func monthIndex(_ token: String) -> Int? {
        let prefix = String(token.prefix(3)).lowercased()
        return monthNames.firstIndex(of: prefix).map { $0 + 1 }
    }

    static func zoneOffset(_ zone: String) -> Int? {
        if zone.first == "+" || zone.first == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            let sign = zone.first == "-" ? -1 : 1
            return sign * ((value / 100) * 3600 + (value % 100) * 60)
        }
        let named: [String: Int] = [
            "UT": 0, "GMT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
            "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "BST": 1,
        ]
        return named[zone.uppercased()].map { $0 * 3600 }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offsetSeconds: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), second >= 0, second < 61 else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offsetSeconds) + second
        return Date(timeIntervalSince1970: seconds)
    }

    struct Scanner {
        let characters: [Character]
        var index = 0

        init(_ text: String) { characters = Array(text) }

        var isAtEnd: Bool { index >= characters.count }

        mutating func skip(_ character: Character) -> Bool {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
            return true
        }

        mutating func number(digits count: Int) -> Int? {
            guard index + count <= characters.count else { return nil }
            var value = 0
            for offset in 0..<count {
                guard let digit = characters[index + offset].wholeNumberValue, characters[index + offset].isASCII else { return nil }
                value = value * 10 + digit
            }
            index += count
            return value
        }

        mutating func digits() -> String {
            var text = ""
            while index < characters.count, characters[index].isASCII, characters[index].isNumber {
                text.append(characters[index])
                index += 1
            }
            return text
        }

        /// `Z`, `+01:00`, `+0100`, `-05` or nothing (UTC).
        mutating func zoneOffset() -> Int? {
            if isAtEnd { return 0 }
            if skip("Z") { return 0 }
            guard index < characters.count, characters[index] == "+" || characters[index] == "-" else { return nil }
            let sign = characters[index] == "-" ? -1 : 1
            index += 1
            guard let hours = number(digits: 2) else { return nil }
            _ = skip(":")
            let minutes = isAtEnd ? 0 : (number(digits: 2) ?? 0)
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}
