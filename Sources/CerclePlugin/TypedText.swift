import CercleCore

/// Typed values from the text of XML graph formats (GraphML `<data>`, GEXF `<attvalue>`),
/// shared so that both read numbers and booleans the same way.
///
/// XML white space (space, tab, line feed, carriage return) around a value is ignored; a
/// blank value is missing. Integers also accept an integral double (`3.0`); booleans
/// accept what ``CercleCore/AttributeColumn/parseBool(_:)`` accepts plus `1` and `0`.
public enum TypedText {
    /// The outcome of reading a number or a boolean.
    public enum Parsed: Sendable, Equatable {
        /// The value, or `nil` for a blank text.
        case value(AttributeValue?)
        /// The trimmed text was not `expected` ("an integer", "a number", "a boolean").
        case invalid(text: String, expected: String)
    }

    /// Reads `text` as an integer, a double or a boolean; other types are returned as text.
    public static func parse(_ text: String, as type: AttributeType) -> Parsed {
        let trimmed = Self.trimmed(text)
        switch type {
        case .string, .date, .stringList:
            return .value(.string(text))
        case .integer:
            if trimmed.isEmpty { return .value(nil) }
            if let number = Int(trimmed) { return .value(.integer(number)) }
            if let number = Double(trimmed), number.rounded() == number, abs(number) < 9.0e18 {
                return .value(.integer(Int(number)))
            }
            return .invalid(text: clip(trimmed), expected: "an integer")
        case .double:
            if trimmed.isEmpty { return .value(nil) }
            if let number = Double(trimmed) ?? AttributeColumn.parseDouble(String(trimmed)) { return .value(.double(number)) }
            return .invalid(text: clip(trimmed), expected: "a number")
        case .bool:
            if trimmed.isEmpty { return .value(nil) }
            if let flag = AttributeColumn.parseBool(String(trimmed)) { return .value(.bool(flag)) }
            if trimmed == "1" { return .value(.bool(true)) }
            if trimmed == "0" { return .value(.bool(false)) }
            return .invalid(text: clip(trimmed), expected: "a boolean")
        }
    }

    /// `text` without leading and trailing XML white space.
    public static func trimmed(_ text: String) -> Substring {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    /// At most 40 characters of `text`, for error messages.
    public static func clip(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }
}
