import CercleCore
import CerclePlugin

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
        switch TypedText.parse(text, as: type) {
        case .value(let value): return value
        case .invalid(let shown, let expected):
            let declared = type == .bool ? "boolean" : declaredType
            throw BadValue(reason: "'\(shown)' is not \(expected) (key '\(id)', \(name), is \(declared))")
        }
    }
}
