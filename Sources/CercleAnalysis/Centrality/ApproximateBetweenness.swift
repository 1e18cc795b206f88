import CercleCore
import Foundation

/// Betweenness estimated from sampled shortest paths, within ε of the exact value for
/// every node at once with probability at least 1 − δ.
///
/// Draws `r = ⌈(c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉` node pairs `(u, v)` uniformly
/// (`c = 0.5`, `VD` an upper bound on the number of nodes of a shortest path), picks one
/// shortest path from `u` to `v` uniformly at random, and credits `1/r` to its inner
/// nodes. The guarantee holds on the scale `b / (n(n − 1))`; scores are returned on
/// NetworkX's normalised scale (× `n / (n − 2)`), so the bound there is
/// ``Result/errorBound``.
///
/// **Conventions**: as ``BetweennessCentrality`` (normalised, no endpoints). The vertex
/// diameter of an unweighted undirected graph is bounded by `2 × eccentricity + 1` per
/// component (one breadth-first search each); for directed or weighted graphs by the
/// size of the largest component, which only adds a few samples since it enters through
/// a logarithm. NetworKit's `ApproxBetweenness` implements the same estimator.
///
/// - Complexity: O(*r* (*m* + *n*)) unweighted; *r* does not grow with *n*.
///
/// [Riondato & Kornaropoulos 2016] M. Riondato, E. M. Kornaropoulos, "Fast approximation
/// of betweenness centrality through sampling", *Data Mining and Knowledge Discovery*
/// 30(2):438–475, doi:10.1007/s10618-015-0423-0.
public struct ApproximateBetweenness: Sendable {
    /// Maximum additive error on the `n(n − 1)`-normalised scale.
    public var epsilon = 0.01
    /// Probability that the bound fails.
    public var delta = 0.1
    public var seed: UInt64 = 42
    public var weighting: EdgeWeighting = .none
    public var progress: ProgressHandler?

    public init(epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 42, weighting: EdgeWeighting = .none,
                progress: ProgressHandler? = nil) {
        precondition(epsilon > 0 && epsilon < 1, "epsilon must lie in (0, 1)")
        precondition(delta > 0 && delta < 1, "delta must lie in (0, 1)")
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
        self.weighting = weighting
        self.progress = progress
    }

    /// Estimated scores and the sampling that produced them.
    public struct Result: Sendable {
        public let scores: NodeScores
        /// Number of sampled paths.
        public let samples: Int
        /// The vertex-diameter bound used.
        public let vertexDiameter: Int
        /// The guaranteed maximum error on the returned (NetworkX-normalised) scale.
        public let errorBound: Double
    }

    public func run(on graph: ContactGraph) throws -> Result {
        let n = graph.nodeCount
        let lengths = try weighting.lengths(graph, measure: "betweenness")
        guard n > 2 else {
            return Result(scores: NodeScores(name: "betweenness", values: [Double](repeating: 0, count: n)),
                          samples: 0, vertexDiameter: n, errorBound: 0)
        }
        let diameter = Self.vertexDiameterBound(graph, weighted: lengths != nil)
        let logTerm = diameter > 3 ? floor(log2(Double(diameter - 2))) : 0
        let samples = Int(ceil(0.5 / (epsilon * epsilon) * (logTerm + 1 + log(1 / delta))))
        let inLengths = lengths.map { graph.inSlotValues($0) }
        let done = AtomicCounter()
        let partials = try AdjacencyView.with(graph) { view in
            try withOptionalBuffer(lengths) { lengthBuffer in
                try withOptionalBuffer(inLengths) { inLengthBuffer in
                    let shared = UncheckedBox((view, lengthBuffer, inLengthBuffer))
                    return try Parallel.map(count: samples) { range -> [Double] in
                        let (view, lengthBuffer, inLengthBuffer) = shared.value
                        let search = ShortestPathSearch(graph: view, lengths: lengthBuffer, inLengths: inLengthBuffer)
                        var random = SeededRandom(seed: seed, stream: range.lowerBound)
                        var counts = [Double](repeating: 0, count: n)
                        var predecessors: [(node: Int, paths: Double)] = []
                        for (position, _) in range.enumerated() {
                            if position & 255 == 255 {
                                if Task.isCancelled { throw CancellationError() }
                                progress?(Double(done.add(256)) / Double(samples))
                            }
                            let u = Int(random.next() % UInt64(n))
                            var v = Int(random.next() % UInt64(n - 1))
                            if v >= u { v += 1 }
                            search.search(from: u, stopAt: v)
                            guard search.isReached(v) else { continue }
                            // Walk back from v, choosing each predecessor with probability σ_p / σ_w.
                            var w = v
                            while w != u {
                                predecessors.removeAll(keepingCapacity: true)
                                search.forEachPredecessor(of: w) { p, _ in predecessors.append((p, search.sigma[p])) }
                                var pick = random.unit() * search.sigma[w]
                                var chosen = predecessors.last?.node ?? u
                                for candidate in predecessors {
                                    pick -= candidate.paths
                                    if pick < 0 { chosen = candidate.node; break }
                                }
                                w = chosen
                                if w != u { counts[w] += 1 }
                            }
                        }
                        return counts
                    }
                }
            }
        }
        progress?(1)
        var values = [Double](repeating: 0, count: n)
        for partial in partials { for index in 0..<n { values[index] += partial[index] } }
        let scale = Double(n) / Double(n - 2) / Double(samples)
        for index in 0..<n { values[index] *= scale }
        return Result(scores: NodeScores(name: "betweenness", values: values), samples: samples,
                      vertexDiameter: diameter, errorBound: epsilon * Double(n) / Double(n - 2))
    }

    /// An upper bound on the number of nodes on any shortest path.
    static func vertexDiameterBound(_ graph: ContactGraph, weighted: Bool) -> Int {
        let components = ConnectedComponents(graph)
        if weighted || graph.isDirected { return components.sizes.max() ?? 0 }
        // One BFS per component from its first node: diameter ≤ 2 × eccentricity.
        var bound = 0
        var seen = Set<Int32>()
        var depth = [Int32](repeating: -1, count: graph.nodeCount)
        var queue: [Int32] = []
        for start in graph.nodes where !seen.contains(components.membership[Int(start)]) {
            seen.insert(components.membership[Int(start)])
            queue = [start]
            depth[Int(start)] = 0
            var head = 0
            var eccentricity: Int32 = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                eccentricity = max(eccentricity, depth[Int(u)])
                for v in graph.neighbors(of: u) where depth[Int(v)] < 0 {
                    depth[Int(v)] = depth[Int(u)] + 1
                    queue.append(v)
                }
            }
            bound = max(bound, 2 * Int(eccentricity) + 1)
        }
        return bound
    }
}
