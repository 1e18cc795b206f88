import CercleCore
import Foundation

extension TestGraphs {
    /// Node ids that test quoting and escaping: spaces, quotes, `&`, angle brackets,
    /// backslashes, non-ASCII letters, separators used by the formats.
    public static let awkwardIDs = [
        "a", "node 1", "O'Brien", "say \"hi\"", "a&b", "<tag>", "Zoë", "日本", "back\\slash", "x;y", "#7", "50%",
        "graph", "-1.5", "[x]", "tab\there",
    ]

    /// A random graph with typed node and edge attributes of every kind, for round-trip
    /// properties: node attributes `label` (string), `age` (integer), `score` (double),
    /// `member` (boolean), `note` (string with XML and quote characters), `since` (date),
    /// `tags` (list of strings); edge attributes `kind`, `count`, `strength`. Values are
    /// missing at random (about one in four).
    ///
    /// - Parameters:
    ///   - ids: the node ids to draw from (default ``awkwardIDs``, numbered past its end).
    ///   - weighted: fractional weights when `true`, all 1 otherwise.
    public static func attributed(
        seed: UInt64, nodes n: Int = 14, edges m: Int = 24, directed: Bool = false, weighted: Bool = true,
        ids: [String] = awkwardIDs
    ) -> ContactGraph {
        var random = SeededGenerator(seed: seed)
        var builder = GraphBuilder(directed: directed)
        let names = (0..<n).map { $0 < ids.count ? ids[$0] : "n\($0)" }
        let labels = ["Ann Smith", "Bob & Co", "Zoë <CEO>", "\"Quoted\"", "Jean-Luc", "李小龙"]
        let notes = ["plain", "a < b & c > d", "it's \"fine\"", "line one\nline two", "semi;colon", "ünïcödé"]
        let kinds = ["work", "family", "friend & colleague", "<none>"]
        let weights: [Double] = [1, 2, 0.5, 3.25, 0.001, 12_345.678, 7]
        for name in names {
            let node = builder.node(name)
            func maybe(_ value: @autoclosure () -> AttributeValue) -> AttributeValue? {
                Int.random(in: 0..<4, using: &random) == 0 ? nil : value()
            }
            let label = labels[Int.random(in: 0..<labels.count, using: &random)]
            let age = Int.random(in: -5...90, using: &random)
            let score = Double(Int.random(in: -10_000...10_000, using: &random)) / 64
            let member = Bool.random(using: &random)
            let note = notes[Int.random(in: 0..<notes.count, using: &random)]
            let day = Double(Int.random(in: 0...20_000, using: &random)) * 86_400
            let tags = Array(["north", "south", "key account", "VIP"].shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            let values: [(String, AttributeValue?)] = [
                ("label", maybe(.string(label))), ("age", maybe(.integer(age))), ("score", maybe(.double(score))),
                ("member", maybe(.bool(member))), ("note", maybe(.string(note))),
                ("since", maybe(.date(Date(timeIntervalSince1970: day)))), ("tags", maybe(.stringList(tags))),
            ]
            for (attribute, value) in values {
                builder.declareNodeAttribute(attribute, type: Self.type(of: attribute))
                if let value { builder.setNodeAttribute(attribute, value, node: node) }
            }
        }
        for _ in 0..<m {
            let u = Int32.random(in: 0..<Int32(n), using: &random)
            var v = Int32.random(in: 0..<Int32(n), using: &random)
            if u == v { v = (v + 1) % Int32(n) }
            let weight = weighted ? weights[Int.random(in: 0..<weights.count, using: &random)] : 1
            let edge = builder.addEdge(u, v, weight: weight)
            builder.declareEdgeAttribute("kind", type: .string)
            builder.declareEdgeAttribute("count", type: .integer)
            builder.declareEdgeAttribute("strength", type: .double)
            if Bool.random(using: &random) {
                builder.setEdgeAttribute("kind", .string(kinds[Int.random(in: 0..<kinds.count, using: &random)]), edge: edge)
            }
            if Bool.random(using: &random) { builder.setEdgeAttribute("count", .integer(Int.random(in: 0...99, using: &random)), edge: edge) }
            if Bool.random(using: &random) {
                builder.setEdgeAttribute("strength", .double(Double(Int.random(in: 0...1_000, using: &random)) / 1_000), edge: edge)
            }
        }
        return builder.build()
    }

    static func type(of attribute: String) -> AttributeType {
        switch attribute {
        case "age": .integer
        case "score": .double
        case "member": .bool
        case "since": .date
        case "tags": .stringList
        default: .string
        }
    }
}
