import CercleAnalysis
import CercleCore

/// The fill colour of every node and the legend that explains it.
///
/// Communities take Tol's colour-blind-safe palette by size, largest first (ties broken
/// by the lowest member index), so the same partition always gets the same colours;
/// communities beyond the palette take ``CercleCore/Palette``'s fixed golden-angle hues.
/// Attribute values take the palette by frequency (ties by name); values beyond it are
/// grey ("other"), nodes without a value Tol's pale grey ("unknown").
struct NodeColoring {
    var fill: [String]
    var legend: [MapScene.LegendEntry]
    /// For communities: the palette rank of each community number.
    var communityRank: [Int] = []

    static let other = "#BBBBBB"
    static let unknown = "#DDDDDD"
    /// Legend lines at most; the rest are summed up in one line.
    static let legendLimit = 9

    static func communities(_ data: MapData) -> NodeColoring {
        let rank = communityRanks(data.partition)
        let sizes = data.partition.sizes
        let fill = data.graph.nodes.map { color(rank[data.partition[$0]]) }
        let order = sizes.indices.sorted { rank[$0] < rank[$1] }
        var legend = order.prefix(legendLimit).map { community in
            let label = community < data.profiles.count ? data.profiles[community].label : "community \(community)"
            return MapScene.LegendEntry(color: color(rank[community]), text: "\(label) (\(sizes[community]))")
        }
        if order.count > legendLimit {
            let rest = order.dropFirst(legendLimit).map { sizes[$0] }.reduce(0, +)
            legend.append(.init(color: nil, text: "\(order.count - legendLimit) smaller communities (\(rest))"))
        }
        return NodeColoring(fill: fill, legend: legend, communityRank: rank)
    }

    /// The colour of category `rank`: Tol's nine muted colours, then the palette's fixed
    /// fallback hues. Tol's pale grey (the palette's tenth) is kept for "unknown".
    static func color(_ rank: Int) -> String { Palette.color(rank < 9 ? rank : rank + 1) }

    /// Palette rank of each community: by size descending, then lowest member index.
    static func communityRanks(_ partition: Partition) -> [Int] {
        let sizes = partition.sizes
        var first = [Int](repeating: Int.max, count: sizes.count)
        for (node, community) in partition.membership.enumerated() where first[Int(community)] == Int.max {
            first[Int(community)] = node
        }
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : first[$0] < first[$1] }
        var rank = [Int](repeating: 0, count: sizes.count)
        for (position, community) in order.enumerated() { rank[community] = position }
        return rank
    }

    /// Colours by the text of `attribute`.
    ///
    /// - Throws: ``RenderError`` when the graph has no such attribute.
    static func attribute(_ attribute: String, of graph: ContactGraph) throws -> NodeColoring {
        guard let column = graph.nodeAttributes[attribute] else {
            let known = graph.nodeAttributes.names.joined(separator: ", ")
            throw RenderError("no node attribute '\(attribute)' to colour by; the graph has: \(known.isEmpty ? "none" : known)")
        }
        var counts: [String: Int] = [:]
        let values = (0..<graph.nodeCount).map { column.text(at: $0).flatMap { $0.isEmpty ? nil : $0 } }
        for value in values { if let value { counts[value, default: 0] += 1 } }
        let ranked = counts.keys.sorted { counts[$0] != counts[$1] ? counts[$0, default: 0] > counts[$1, default: 0] : $0 < $1 }
        let colored = ranked.prefix(Palette.categorical.count - 1)
        var color: [String: String] = [:]
        for (index, value) in colored.enumerated() { color[value] = Self.color(index) }
        let fill = values.map { value in value.map { color[$0] ?? other } ?? unknown }
        var legend = colored.map { MapScene.LegendEntry(color: color[$0], text: "\($0) (\(counts[$0, default: 0]))") }
        let otherCount = ranked.dropFirst(colored.count).map { counts[$0, default: 0] }.reduce(0, +)
        if otherCount > 0 { legend.append(.init(color: other, text: "other \(attribute) (\(otherCount))")) }
        let missing = values.filter { $0 == nil }.count
        if missing > 0 { legend.append(.init(color: unknown, text: "no \(attribute) (\(missing))")) }
        return NodeColoring(fill: fill, legend: legend)
    }
}
