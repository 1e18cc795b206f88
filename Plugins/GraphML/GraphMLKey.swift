import CercleCore

/// A GraphML `<key>`: which elements its `<data>` may describe, the attribute's name and
/// type, and its `<default>`.
struct GraphMLKey {
    /// The elements a key applies to (`for="…"`).
    enum Domain: Equatable {
        case node, edge, graph, all
        /// `graphml`, `port`, `hyperedge`, `endpoint`: data Cercle has no place for.
        case other(String)

        init(_ text: String?) {
            switch text ?? "all" {
            case "node": self = .node
            case "edge": self = .edge
            case "graph": self = .graph
            case "all": self = .all
            case let other: self = .other(other)
            }
        }

        func includes(_ domain: Domain) -> Bool { self == domain || self == .all }

        var text: String {
            switch self {
            case .node: "node"
            case .edge: "edge"
            case .graph: "graph"
            case .all: "all"
            case .other(let name): name
            }
        }
    }

    /// Why a value does not read as the key's type.
    struct BadValue: Error {
        var reason: String
    }

    let id: String
    let name: String
    let domain: Domain
    /// `attr.type` as written (`long`, `double`, …; `string` when absent).
    let declaredType: String
    /// The column type values are read into.
    let type: AttributeType
    /// Whether the type was not one of GraphML's six (read as text).
    let isUnknownType: Bool
    /// yFiles graphics and other keys with no `attr.name` but a `yfiles.type`: their data
    /// is markup, not a value.
    let isGraphics: Bool
    var defaultValue: AttributeValue?

    init(id: String, name: String?, domain: Domain, declaredType: String?, yfilesType: String?) {
        self.id = id
        self.name = name ?? id
        self.domain = domain
        self.declaredType = declaredType ?? "string"
        isGraphics = name == nil && yfilesType != nil
        switch self.declaredType {
        case "int", "long": type = .integer; isUnknownType = false
        case "float", "double": type = .double; isUnknownType = false
        case "boolean": type = .bool; isUnknownType = false
        case "string": type = .string; isUnknownType = false
        default: type = .string; isUnknownType = true
        }
    }

    /// Whether the key's values are numbers.
    var isNumeric: Bool { type == .integer || type == .double }

    /// Reads `text` as a value of this key: `nil` for an empty number or boolean (a
    /// missing value), the text itself for strings.
    ///
    /// Numbers and booleans are trimmed of whitespace; integers accept an integral
    /// decimal (`3.0`, as igraph writes numbers); booleans are `true`/`false` in any case
    /// or `1`/`0`; doubles also read `inf`, `-inf` and `nan` (any case).
    func value(_ text: String) throws(BadValue) -> AttributeValue? {
        switch type {
        case .string, .date, .stringList:
            return .string(text)
        case .integer:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let number = Int(trimmed) { return .integer(number) }
            if let number = Double(trimmed), number.rounded() == number, abs(number) < 9.0e18 { return .integer(Int(number)) }
            throw BadValue(reason: "'\(Self.clip(trimmed))' is not an integer (key '\(id)', \(name), is \(declaredType))")
        case .double:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let number = Double(trimmed) ?? AttributeColumn.parseDouble(String(trimmed)) { return .double(number) }
            throw BadValue(reason: "'\(Self.clip(trimmed))' is not a number (key '\(id)', \(name), is \(declaredType))")
        case .bool:
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let flag = AttributeColumn.parseBool(String(trimmed)) { return .bool(flag) }
            if trimmed == "1" { return .bool(true) }
            if trimmed == "0" { return .bool(false) }
            throw BadValue(reason: "'\(Self.clip(trimmed))' is not a boolean (key '\(id)', \(name), is boolean)")
        }
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF); much
    /// cheaper than Foundation's `trimmingCharacters` on the hot path of every value.
    static func trimmed(_ text: String) -> Substring {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        guard let last = utf8.lastIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return text[first...last]
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func clip(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }
}
