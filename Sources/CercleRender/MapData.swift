import CercleAnalysis
import CercleCore

/// A graph with what its map shows: communities and their profiles, the sizing measure,
/// and which ties are weak, bridges or local bridges.
///
/// Compute it with ``compute(_:options:)``, or fill it with results computed elsewhere
/// (the CLI reuses `analyze`'s) so a map and a table always agree.
public struct MapData: Sendable {
    public var graph: ContactGraph
    public var partition: Partition
    /// Profiles in community order (index = community number).
    public var profiles: [CommunityProfile]
    public var sizeScores: NodeScores
    /// Per edge id.
    public var isWeak: [Bool]
    /// Per edge id: a bridge or a local bridge whose two ends have other ties (pendant
    /// edges are bridges too, but emphasising every one-contact leaf hides the real ones).
    public var isBridge: [Bool]

    public init(graph: ContactGraph, partition: Partition, profiles: [CommunityProfile], sizeScores: NodeScores,
                isWeak: [Bool], isBridge: [Bool]) {
        self.graph = graph
        self.partition = partition
        self.profiles = profiles
        self.sizeScores = sizeScores
        self.isWeak = isWeak
        self.isBridge = isBridge
    }

    /// Computes what the map needs: Leiden communities (weighted by strength), the sizing
    /// measure (strengths as closeness, their inverse as lengths), weak ties below the
    /// median strength (none on an unweighted graph) and bridges.
    ///
    /// - Throws: ``AnalysisError`` when the sizing measure is unknown or cannot use the weights.
    public static func compute(_ graph: ContactGraph, options: MapOptions) throws -> MapData {
        guard let metric = NodeMetric(rawValue: options.sizeMetric) else {
            throw AnalysisError.invalidInput("unknown measure '\(options.sizeMetric)' for node sizes; one of \(NodeMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let weights = graph.isUnweighted ? NodeMetric.Weights(.none) : NodeMetric.Weights(.inverse)
        let scores = try metric.compute(on: graph, weights: weights) {
            try BetweennessCentrality(weighting: weights.path).run(on: $0)
        }
        let partition = try Leiden(seed: options.seed, weighting: graph.isUnweighted ? .none : .strength).run(on: graph)
        let profiles = CommunityProfiles.compute(partition, on: graph, ranking: scores)
        return MapData(graph: graph, partition: partition, profiles: profiles, sizeScores: scores,
                       isWeak: weakTies(graph), isBridge: bridges(graph))
    }

    /// Ties below the median strength; none when every tie weighs the same.
    public static func weakTies(_ graph: ContactGraph) -> [Bool] {
        guard !graph.isUnweighted else { return [Bool](repeating: false, count: graph.edgeCount) }
        return TieClassification().run(on: graph).isWeak
    }

    /// Bridges and local bridges between nodes that both have other ties.
    public static func bridges(_ graph: ContactGraph) -> [Bool] {
        let bridges = Bridges.find(graph), local = LocalBridges.find(graph).isLocalBridge
        var result = [Bool](repeating: false, count: graph.edgeCount)
        for edge in graph.edges where bridges[edge.id] || local[edge.id] {
            result[edge.id] = graph.degree(of: edge.source) > 1 && graph.degree(of: edge.target) > 1
        }
        return result
    }
}
