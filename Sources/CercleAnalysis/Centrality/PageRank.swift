import CercleCore

/// PageRank: the share of time a random surfer spends at each node.
///
/// `x_v = α Σ_{u → v} x_u w_uv / s_u + α D p_v + (1 − α) p_v`, where `s_u` is `u`'s
/// out-strength, `D` the mass at dangling nodes (no out-edge) and `p` the
/// personalisation (uniform by default). Scores sum to 1.
///
/// **Conventions** (NetworkX's `pagerank`): an undirected edge counts both ways;
/// dangling mass goes to the `dangling` distribution (default: the personalisation);
/// iteration stops when the L1 change falls below ``tolerance`` (absolute; NetworkX
/// compares with `n × tol`), so the default 1e-12 agrees with NetworkX's 1e-13 reference
/// runs to about 1e-12. igraph's PRPACK solves the same system directly. Weights only
/// with `weighting: .strength` (larger weight, more likely step).
///
/// - Complexity: O(*m*) per iteration, O(log(tol) / log(α)) iterations.
///
/// [Page et al. 1999] L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation
/// ranking: bringing order to the web", Stanford InfoLab 1999-66.
public struct PageRank: Sendable {
    /// Damping α in [0, 1].
    public var damping = 0.85
    /// Personalisation, one non-negative value per node (normalised); uniform when `nil`.
    public var personalization: [Double]?
    /// Where dangling nodes send their mass; the personalisation when `nil`.
    public var dangling: [Double]?
    /// Stop when the L1 change of an iteration falls below this.
    public var tolerance = 1e-12
    public var maxIterations = 10_000
    /// `none` or `strength`.
    public var weighting: EdgeWeighting = .none

    public init(damping: Double = 0.85, personalization: [Double]? = nil, weighting: EdgeWeighting = .none) {
        precondition((0...1).contains(damping), "PageRank damping must lie in [0, 1], not \(damping)")
        self.damping = damping
        self.personalization = personalization
        self.weighting = weighting
    }

    public func run(on graph: ContactGraph) throws -> NodeScores {
        let n = graph.nodeCount
        guard n > 0 else { return NodeScores(name: "pagerank", values: []) }
        let weights = try weighting.strengths(graph, measure: "PageRank")
        let p = try Self.distribution(personalization, n: n, what: "personalization")
        let d = try dangling.map { try Self.distribution($0, n: n, what: "dangling") } ?? p
        // Out-strength of every node.
        var outStrength = [Double](repeating: 0, count: n)
        for u in 0..<n {
            if let weights {
                var total = 0.0
                for slot in graph.offsets[u]..<graph.offsets[u + 1] { total += weights[slot] }
                outStrength[u] = total
            } else {
                outStrength[u] = Double(graph.offsets[u + 1] - graph.offsets[u])
            }
        }
        let inWeights = weights.map { graph.inSlotValues($0) }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var scaled = [Double](repeating: 0, count: n)
        let alpha = damping
        try AdjacencyView.with(graph) { view in
            try withOptionalBuffer(inWeights) { inWeights in
                for _ in 0..<maxIterations {
                    var danglingMass = 0.0
                    for u in 0..<n {
                        if outStrength[u] > 0 { scaled[u] = x[u] / outStrength[u] } else { scaled[u] = 0; danglingMass += x[u] }
                    }
                    danglingMass *= alpha
                    var change = 0.0
                    x.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { next in
                    scaled.withUnsafeBufferPointer { scaled in
                        for v in 0..<n {
                            var total = 0.0
                            if let inWeights {
                                for slot in view.inOffsets[v]..<view.inOffsets[v + 1] {
                                    total += scaled[Int(view.inSources[slot])] * inWeights[slot]
                                }
                            } else {
                                for slot in view.inOffsets[v]..<view.inOffsets[v + 1] {
                                    total += scaled[Int(view.inSources[slot])]
                                }
                            }
                            let value = alpha * total + danglingMass * d[v] + (1 - alpha) * p[v]
                            change += abs(value - x[v])
                            next[v] = value
                        }
                    }
                    }
                    }
                    swap(&x, &next)
                    if change < tolerance { return }
                }
                throw AnalysisError.noConvergence("PageRank did not converge in \(maxIterations) iterations")
            }
        }
        return NodeScores(name: "pagerank", values: x)
    }

    static func distribution(_ values: [Double]?, n: Int, what: String) throws -> [Double] {
        guard let values else { return [Double](repeating: 1 / Double(n), count: n) }
        guard values.count == n else {
            throw AnalysisError.invalidInput("PageRank \(what) has \(values.count) values for \(n) nodes")
        }
        let total = values.reduce(0, +)
        guard total > 0, values.allSatisfy({ $0 >= 0 }) else {
            throw AnalysisError.invalidInput("PageRank \(what) must be non-negative with a positive sum")
        }
        return values.map { $0 / total }
    }
}
