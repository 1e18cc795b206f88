import CercleCore
import CerclePlugin

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
        if type == .stringList { return .stringList(Self.listItems(text)) }
        switch TypedText.parse(text, as: type) {
        case .value(let value): return value
        case .invalid(let shown, let expected):
            let declared = type == .bool ? "boolean" : declaredType
            throw BadValue(reason: "'\(shown)' is not \(expected) (attribute '\(title)' is \(declared))")
        }
    }

    static func listItems(_ text: String) -> [String] {
        let trimmed = String(TypedText.trimmed(text))
        if trimmed.isEmpty { return [] }
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
            return trimmed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
                .map { String(TypedText.trimmed(String($0))) }.filter { !$0.isEmpty }
        }
        return trimmed.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }

    /// `text` without leading and trailing XML whitespace.
}
