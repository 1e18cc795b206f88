import CercleCore

/// A GEXF `<attribute>` declaration: its id, title (the attribute's name), type and
/// `<default>`.
struct GEXFAttribute {
    /// Why a value does not read as the attribute's type.
    struct BadValue: Error {
        var reason: String
    }

    let id: String
    let title: String
    /// `type` as written.
    let declaredType: String
    let type: AttributeType
    /// Whether the type was none of GEXF's (read as text, with a note).
    let isUnknownType: Bool
    var defaultValue: AttributeValue?

    init(id: String, title: String?, declaredType: String?) {
        self.id = id
        self.title = title ?? id
        self.declaredType = declaredType ?? "string"
        var unknown = false
        switch self.declaredType {
        case "integer", "long", "short", "byte", "biginteger": type = .integer
        case "float", "double", "bigdecimal": type = .double
        case "boolean": type = .bool
        case "string", "anyURI", "char": type = .string
        case let list where list.hasPrefix("list"): type = .stringList
        default:
            type = .string
            unknown = true
        }
        isUnknownType = unknown
    }

    /// Reads `text` as a value of this attribute (`nil` for an empty number or boolean).
    ///
    /// Lists are read in both spellings found in the wild: `[a, b, c]` (Gephi 0.9+) and
    /// `a|b|c` (the GEXF 1.2 primer).
    func value(_ text: String) throws(BadValue) -> AttributeValue? {
        switch type {
        case .string, .date:
            return .string(text)
        case .stringList:
            return .stringList(Self.listItems(text))
        case .integer:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let number = Int(trimmed) { return .integer(number) }
            if let number = Double(trimmed), number.rounded() == number, abs(number) < 9.0e18 { return .integer(Int(number)) }
            throw BadValue(reason: "'\(Self.clip(trimmed))' is not an integer (attribute '\(title)' is \(declaredType))")
        case .double:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let number = Double(trimmed) ?? AttributeColumn.parseDouble(String(trimmed)) { return .double(number) }
            throw BadValue(reason: "'\(Self.clip(trimmed))' is not a number (attribute '\(title)' is \(declaredType))")
        case .bool:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let flag = AttributeColumn.parseBool(String(trimmed)) { return .bool(flag) }
            if trimmed == "1" { return .bool(true) }
            if trimmed == "0" { return .bool(false) }
            throw BadValue(reason: "'\(Self.clip(trimmed))' is not a boolean (attribute '\(title)' is boolean)")
        }
    }

    static func listItems(_ text: String) -> [String] {
        let trimmed = String(Self.trimmed(text))
        if trimmed.isEmpty { return [] }
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
            return trimmed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
                .map { String(Self.trimmed(String($0))) }.filter { !$0.isEmpty }
        }
        return trimmed.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }

    /// `text` without leading and trailing XML whitespace.
    static func trimmed(_ text: String) -> Substring {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }

    static func clip(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }
}
