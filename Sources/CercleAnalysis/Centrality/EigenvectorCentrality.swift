import CercleCore
import Foundation

/// Eigenvector centrality: a node is central when its neighbours are.
///
/// `λ x_v = Σ_{u → v} w_uv x_u` for the largest eigenvalue `λ`, with `x` of unit
/// Euclidean norm and non-negative.
///
/// **Conventions** (NetworkX's `eigenvector_centrality_numpy`): directed graphs use
/// in-edges (a node is central when central nodes point to it); L2-normalised (igraph's
/// `evcent` scales the maximum to 1 instead: divide by the maximum to compare). Computed
/// by power iteration on `A + I` (the shift makes bipartite graphs converge) until the
/// L1 change falls below ``tolerance``. On a disconnected graph the component with the
/// largest eigenvalue holds the mass. Weights only with `weighting: .strength`.
///
/// - Complexity: O(*m*) per iteration.
///
/// [Bonacich 1987] P. Bonacich, "Power and centrality: a family of measures", *American
/// Journal of Sociology* 92(5):1170–1182, doi:10.1086/228631.
public struct EigenvectorCentrality: Sendable {
    public var tolerance = 1e-13
    public var maxIterations = 200_000
    public var weighting: EdgeWeighting = .none

    public init(weighting: EdgeWeighting = .none) {
        self.weighting = weighting
    }

    public func run(on graph: ContactGraph) throws -> NodeScores {
        let n = graph.nodeCount
        guard n > 0 else { return NodeScores(name: "eigenvector", values: []) }
        let weights = try weighting.strengths(graph, measure: "eigenvector centrality")
        let inWeights = weights.map { graph.inSlotValues($0) }
        guard graph.edgeCount > 0 else {
            throw AnalysisError.noConvergence("eigenvector centrality is undefined on a graph without edges")
        }
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var next = [Double](repeating: 0, count: n)
        try AdjacencyView.with(graph) { view in
            try withOptionalBuffer(inWeights) { inWeights in
                for _ in 0..<maxIterations {
                    var norm = 0.0
                    x.withUnsafeBufferPointer { x in
                    next.withUnsafeMutableBufferPointer { next in
                        for v in 0..<n {
                            var total = x[v]
                            if let inWeights {
                                for slot in view.inOffsets[v]..<view.inOffsets[v + 1] {
                                    total += x[Int(view.inSources[slot])] * inWeights[slot]
                                }
                            } else {
                                for slot in view.inOffsets[v]..<view.inOffsets[v + 1] {
                                    total += x[Int(view.inSources[slot])]
                                }
                            }
                            next[v] = total
                            norm += total * total
                        }
                    }
                    }
                    norm = norm.squareRoot()
                    guard norm > 0 else {
                        throw AnalysisError.noConvergence("eigenvector centrality: the iteration vanished")
                    }
                    var change = 0.0
                    for v in 0..<n {
                        next[v] /= norm
                        change += abs(next[v] - x[v])
                    }
                    swap(&x, &next)
                    if change < tolerance * Double(n) { return }
                }
                throw AnalysisError.noConvergence("eigenvector centrality did not converge in \(maxIterations) iterations")
            }
        }
        return NodeScores(name: "eigenvector", values: x)
    }
}

/// Katz centrality: a node is central when many walks, shorter ones weighing more, end there.
///
/// `x_v = α Σ_{u → v} w_uv x_u + β`, then scaled to unit Euclidean norm.
///
/// **Conventions** (NetworkX's `katz_centrality`, `normalized=True`): directed graphs
/// use in-edges; `α` must stay below `1/λ_max` (the walk series diverges otherwise and
/// the run stops with an error); `β` is 1 for every node by default. Weights only with
/// `weighting: .strength`. NetworkX's default `α = 0.1` diverges on any graph with a node
/// of degree above 100, so `alpha: nil` (Cercle's default) takes `0.85 / λ_max`, with
/// `λ_max` found by power iteration; give `alpha: 0.1` to reproduce NetworkX.
///
/// - Complexity: O(*m*) per iteration.
///
/// [Katz 1953] L. Katz, "A new status index derived from sociometric analysis",
/// *Psychometrika* 18(1):39–43, doi:10.1007/BF02289026.
public struct KatzCentrality: Sendable {
    /// Attenuation α; `nil` for `0.85 / λ_max`.
    public var alpha: Double? = nil
    public var beta = 1.0
    public var tolerance = 1e-13
    public var maxIterations = 100_000
    public var weighting: EdgeWeighting = .none

    public init(alpha: Double? = nil, beta: Double = 1, weighting: EdgeWeighting = .none) {
        self.alpha = alpha
        self.beta = beta
        self.weighting = weighting
    }

    public func run(on graph: ContactGraph) throws -> NodeScores {
        let n = graph.nodeCount
        guard n > 0 else { return NodeScores(name: "katz", values: []) }
        let weights = try weighting.strengths(graph, measure: "Katz centrality")
        let inWeights = weights.map { graph.inSlotValues($0) }
        let alpha = try self.alpha ?? 0.85 / Self.largestEigenvalue(graph, inWeights: inWeights)
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        try AdjacencyView.with(graph) { view in
            try withOptionalBuffer(inWeights) { inWeights in
                for _ in 0..<maxIterations {
                    var change = 0.0
                    var size = 0.0
                    for v in 0..<n {
                        var total = 0.0
                        if let inWeights {
                            for slot in view.inOffsets[v]..<view.inOffsets[v + 1] {
                                total += x[Int(view.inSources[slot])] * inWeights[slot]
                            }
                        } else {
                            for slot in view.inOffsets[v]..<view.inOffsets[v + 1] {
                                total += x[Int(view.inSources[slot])]
                            }
                        }
                        let value = alpha * total + beta
                        next[v] = value
                        change += abs(value - x[v])
                        size += abs(value)
                    }
                    swap(&x, &next)
                    guard size.isFinite, size < 1e250 else {
                        throw AnalysisError.noConvergence(
                            "Katz centrality diverges: alpha \(alpha) is not below 1/λmax of this graph; choose a smaller alpha")
                    }
                    if change <= tolerance * size { return }
                }
                throw AnalysisError.noConvergence(
                    "Katz centrality did not converge in \(maxIterations) iterations; alpha \(alpha) may be too close to 1/λmax")
            }
        }
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return NodeScores(name: "katz", values: norm > 0 ? x.map { $0 / norm } : x)
    }

    /// `λ_max` of the (weighted) adjacency matrix by power iteration on `A + I`; 1 for a
    /// graph without edges (any α then converges).
    static func largestEigenvalue(_ graph: ContactGraph, inWeights: [Double]?) throws -> Double {
        guard graph.edgeCount > 0 else { return 1 }
        let n = graph.nodeCount
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var next = [Double](repeating: 0, count: n)
        var estimate = 0.0
        for _ in 0..<10_000 {
            for v in 0..<n {
                var total = x[v]
                let range = graph.isDirected ? graph.inOffsets[v]..<graph.inOffsets[v + 1] : graph.offsets[v]..<graph.offsets[v + 1]
                for slot in range {
                    let u = Int(graph.isDirected ? graph.inSources[slot] : graph.targets[slot])
                    total += x[u] * (inWeights?[slot] ?? 1)
                }
                next[v] = total
            }
            let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return 1 }
            // Rayleigh quotient of A + I, less the shift.
            var dot = 0.0
            for v in 0..<n { dot += x[v] * next[v] }
            let previous = estimate
            estimate = dot - 1
            for v in 0..<n { x[v] = next[v] / norm }
            if abs(estimate - previous) <= 1e-9 * max(1, abs(estimate)) { break }
        }
        return max(estimate, 1e-12)
    }
}
