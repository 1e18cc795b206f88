import Foundation

/// The type of an attribute column.
///
/// The six types cover what the interchange formats can express: GraphML's
/// `string`/`int`/`long`/`double`/`float`/`boolean`, GEXF's `liststring`, and the dates
/// of contact data.
public enum AttributeType: String, Sendable, CaseIterable, Codable {
    case string
    case integer
    case double
    case bool
    case date
    case stringList
}

/// One typed attribute value.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case date(Date)
    case stringList([String])

    /// The type of this value.
    public var type: AttributeType {
        switch self {
        case .string: .string
        case .integer: .integer
        case .double: .double
        case .bool: .bool
        case .date: .date
        case .stringList: .stringList
        }
    }

    /// The value as a number, when it is one (integers widen, booleans are 0 or 1).
    public var doubleValue: Double? {
        switch self {
        case .double(let value): value
        case .integer(let value): Double(value)
        case .bool(let value): value ? 1 : 0
        default: nil
        }
    }

    /// The value as text, the way the CSV and the GraphML writers print it.
    ///
    /// Doubles print in the shortest form that reads back to the same number, dates in
    /// ISO 8601 (a date without a time prints as `yyyy-MM-dd`), lists joined by `;`.
    public var text: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .double(let value): AttributeValue.format(value)
        case .bool(let value): value ? "true" : "false"
        case .date(let value): AttributeValue.format(value)
        case .stringList(let values): values.joined(separator: ";")
        }
    }

    /// Prints a double the way Python's `repr` does for finite values, so files written
    /// by Cercle compare textually with NetworkX's.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return "\(value)"  // Swift's shortest round-trip form, as Python's repr
    }

    /// Prints a date as `yyyy-MM-dd` when it falls on midnight UTC, otherwise as full
    /// ISO 8601 with seconds and `Z`.
    public static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendFormatted(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``format(_:)-(Date)`` of `date` as UTF-8, for writers that build their
    /// output as bytes.
    ///
    /// - Complexity: O(1); no allocation for whole seconds of years 1–9999.
    public static func appendFormatted(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = date.timeIntervalSince1970
        // Whole seconds of years 1–9999 are printed by arithmetic: Foundation's formatter
        // goes through ICU, and two dates per tie were most of a million-tie export.
        if seconds == seconds.rounded(.down), seconds >= -62_135_596_800, seconds < 253_402_300_800 {
            appendUTC(Int(seconds), to: &bytes)
            return
        }
        let text = seconds.truncatingRemainder(dividingBy: 86_400) == 0
            ? CalendarDate.dayFormatter.string(from: date) : CalendarDate.timestampFormatter.string(from: date)
        bytes.append(contentsOf: text.utf8)
    }

    /// `yyyy-MM-dd`, or `yyyy-MM-ddTHH:mm:ssZ` unless at midnight, for seconds since 1970
    /// in UTC; the day from Hinnant's `civil_from_days` (proleptic Gregorian calendar).
    static func appendUTC(_ seconds: Int, to bytes: inout [UInt8]) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) {
            bytes.append(UInt8(0x30 + value / 10))
            bytes.append(UInt8(0x30 + value % 10))
        }
        two(year / 100)
        two(year % 100)
        bytes.append(0x2D)
        two(month)
        bytes.append(0x2D)
        two(day)
        if second != 0 {
            bytes.append(0x54)
            two(second / 3600)
            bytes.append(0x3A)
            two(second / 60 % 60)
            bytes.append(0x3A)
            two(second % 60)
            bytes.append(0x5A)
        }
    }
}

/// Shared, thread-safe date formatters (ISO8601DateFormatter is documented thread-safe).
enum CalendarDate {
    nonisolated(unsafe) static let dayFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }()
    nonisolated(unsafe) static let timestampFormatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }()
}
