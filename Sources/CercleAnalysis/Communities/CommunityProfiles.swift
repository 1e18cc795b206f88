import CercleCore

/// What an analyst needs to know about each community: its size and cohesion, who stands
/// out in it, what its members have in common, and a suggested name built from that.
///
/// - **internal density** `e_c / (n_c (n_c − 1) / 2)` (directed: `/ (n_c (n_c − 1))`),
///   edges counted once, weights ignored;
/// - **conductance** `cut(c) / min(vol(c), vol(V − c))`, with volumes as sums of degrees
///   (0 for a community that is the whole graph or has no edge);
/// - **members** ranked by a chosen node score (highest first, ties by node index);
/// - **dominant values** of the descriptive attributes (`organisation`, `sector`,
///   `sources`…): the most common value and its share among members that have one;
/// - **label**: the dominant organisation and sector when they cover at least a third of
///   the members (`Acme · Retail`), else the top member's name, else `Community k`.
///
/// - Complexity: O(*n* + *m* + Σ attribute values).
public struct CommunityProfile: Sendable, Equatable {
    public var community: Int
    public var size: Int
    public var internalEdges: Int
    public var internalDensity: Double
    public var conductance: Double
    /// Members, highest-ranked first.
    public var members: [NodeIndex]
    /// For each descriptive attribute: the most common value, how many members have it,
    /// and how many members have any value.
    public var dominantValues: [DominantValue]
    public var label: String

    public struct DominantValue: Sendable, Equatable {
        public var attribute: String
        public var value: String
        public var count: Int
        public var outOf: Int
        public var share: Double { outOf > 0 ? Double(count) / Double(outOf) : 0 }
    }
}

public enum CommunityProfiles {
    /// The attributes whose dominant values describe a community.
    public static let descriptiveAttributes = [
        PersonField.organisation, PersonField.sector, PersonField.location, PersonField.title, PersonField.sources,
    ]

    /// The profile of every community of `partition`, in community order.
    ///
    /// - Parameter ranking: the score to rank members by (e.g. PageRank); degree when `nil`.
    public static func compute(
        _ partition: Partition, on graph: ContactGraph, ranking: NodeScores? = nil,
        attributes: [String] = descriptiveAttributes
    ) -> [CommunityProfile] {
        let count = partition.count
        let degrees = DegreeCentrality.degrees(graph)
        let score = ranking?.values ?? degrees.map(Double.init)
        var internalEdges = [Int](repeating: 0, count: count)
        var cut = [Int](repeating: 0, count: count)
        var volume = [Int](repeating: 0, count: count)
        for edge in graph.edges where edge.source != edge.target {
            let a = partition[edge.source], b = partition[edge.target]
            if a == b { internalEdges[a] += 1 } else { cut[a] += 1; cut[b] += 1 }
        }
        for node in graph.nodes { volume[partition[node]] += degrees[Int(node)] }
        let totalVolume = volume.reduce(0, +)
        return partition.communities.enumerated().map { community, nodes in
            let size = nodes.count
            let pairs = Double(size) * Double(size - 1) / (graph.isDirected ? 1 : 2)
            let smaller = min(volume[community], totalVolume - volume[community])
            let members = nodes.sorted { score[Int($0)] != score[Int($1)] ? score[Int($0)] > score[Int($1)] : $0 < $1 }
            let dominant = attributes.compactMap { dominantValue($0, among: nodes, in: graph) }
            return CommunityProfile(
                community: community, size: size, internalEdges: internalEdges[community],
                internalDensity: pairs > 0 ? Double(internalEdges[community]) / pairs : 0,
                conductance: smaller > 0 ? Double(cut[community]) / Double(smaller) : 0,
                members: members, dominantValues: dominant,
                label: label(community: community, dominant: dominant, size: size, top: members.first, graph: graph))
        }
    }

    static func dominantValue(_ attribute: String, among nodes: [NodeIndex], in graph: ContactGraph) -> CommunityProfile.DominantValue? {
        guard let column = graph.nodeAttributes[attribute] else { return nil }
        var counts: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        var withValue = 0
        for (position, node) in nodes.enumerated() {
            let values: [String]
            switch column[Int(node)] {
            case .stringList(let list)?: values = list
            case let value?: values = [value.text]
            case nil: values = []
            }
            guard !values.isEmpty else { continue }
            withValue += 1
            for value in Set(values) where !value.isEmpty {
                counts[value, default: 0] += 1
                if firstSeen[value] == nil { firstSeen[value] = position }
            }
        }
        guard let best = counts.max(by: { a, b in
            a.value != b.value ? a.value < b.value : (firstSeen[a.key] ?? 0) > (firstSeen[b.key] ?? 0)
        }) else { return nil }
        return CommunityProfile.DominantValue(attribute: attribute, value: best.key, count: best.value, outOf: withValue)
    }

    static func label(
        community: Int, dominant: [CommunityProfile.DominantValue], size: Int, top: NodeIndex?, graph: ContactGraph
    ) -> String {
        func strong(_ attribute: String) -> String? {
            guard let value = dominant.first(where: { $0.attribute == attribute }),
                  Double(value.count) >= Double(size) / 3 else { return nil }
            return value.value
        }
        let parts = [strong(PersonField.organisation), strong(PersonField.sector)].compactMap { $0 }
        if !parts.isEmpty { return parts.joined(separator: " · ") }
        if let location = strong(PersonField.location) { return location }
        if let top, graph.nodeAttributes[PersonField.label] != nil { return "around \(graph.label(of: top))" }
        return "Community \(community + 1)"
    }
}
