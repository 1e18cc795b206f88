import CercleCore

/// The node measures by their command-line names, so that the command line, the map
/// and the report ask for them the same way.
public enum NodeMetric: String, Sendable, CaseIterable {
    case degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, katz, coreness, clustering,
         triangles, constraint
    case effectiveSize = "effective_size"
    case efficiency, hierarchy, brokerage

    /// Whether the measure follows shortest paths (and so needs lengths, not strengths).
    public var isPathMeasure: Bool { [.betweenness, .closeness, .harmonic].contains(self) }

    /// Whether the values are counts (printed without a fraction).
    public var isIntegral: Bool { [.degree, .coreness, .triangles].contains(self) }

    /// Whether the measure reads weights as strengths when asked to.
    public var readsStrengths: Bool {
        [.pagerank, .eigenvector, .katz, .clustering, .constraint, .effectiveSize, .efficiency, .hierarchy].contains(self)
    }

    /// How weights enter: `path` for the path measures, `strength` for the others.
    public struct Weights: Sendable {
        public var path: EdgeWeighting
        public var strength: EdgeWeighting

        public init(path: EdgeWeighting, strength: EdgeWeighting) {
            self.path = path
            self.strength = strength
        }

        /// The conventions implied by one `--weight` value: a path convention for the
        /// path measures (strengths turn into lengths), and strengths for the others
        /// unless the weights are lengths already (`distance`) or ignored (`none`).
        public init(_ convention: EdgeWeighting) {
            path = convention == .strength ? .none : convention
            strength = convention == .none || convention == .distance ? .none : .strength
        }
    }

    /// Computes the measure.
    ///
    /// - Parameters:
    ///   - betweenness: how to compute betweenness (exact or sampled); exact by default.
    /// - Throws: ``AnalysisError`` for weights the measure cannot use.
    public func compute(
        on graph: ContactGraph, weights: Weights, betweenness: (ContactGraph) throws -> NodeScores = {
            try BetweennessCentrality().run(on: $0)
        }
    ) throws -> NodeScores {
        switch self {
        case .degree: return NodeScores(name: rawValue, values: DegreeCentrality.degrees(graph).map(Double.init))
        case .strength: return Strength.strengths(graph)
        case .betweenness: return try betweenness(graph)
        case .closeness: return try ClosenessCentrality(weighting: weights.path).run(on: graph)
        case .harmonic: return try HarmonicCentrality(weighting: weights.path).run(on: graph)
        case .eigenvector: return try EigenvectorCentrality(weighting: weights.strength).run(on: graph)
        case .pagerank: return try PageRank(weighting: weights.strength).run(on: graph)
        case .katz: return try KatzCentrality(weighting: weights.strength).run(on: graph)
        case .coreness: return CoreDecomposition.coreness(graph)
        case .clustering:
            let weighting = graph.isDirected ? EdgeWeighting.none : weights.strength
            return try ClusteringCoefficient(weighting: weighting).run(on: graph)
        case .triangles: return ClusteringCoefficient.triangles(graph)
        case .constraint, .effectiveSize, .efficiency, .hierarchy:
            let result = try BurtConstraint(weighted: weights.strength == .strength).run(on: graph)
            switch self {
            case .constraint: return result.constraint
            case .effectiveSize: return result.effectiveSize
            case .efficiency: return result.efficiency
            default: return result.hierarchy
            }
        case .brokerage:
            let groups = BrokerageRoles.groups(fromAttribute: "community", of: graph)
                ?? [Int32](repeating: 0, count: graph.nodeCount)
            return BrokerageRoles.compute(graph, groups: groups).total
        }
    }
}
