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
        let seconds = date.timeIntervalSince1970
        if seconds.truncatingRemainder(dividingBy: 86_400) == 0 {
            return CalendarDate.dayFormatter.string(from: date)
        }
        return CalendarDate.timestampFormatter.string(from: date)
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
