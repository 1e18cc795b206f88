import CercleCore
import Foundation

/// Triangles and the local clustering coefficient.
///
/// Undirected: `c(u) = 2 T(u) / (d(u)(d(u) − 1))`, with `T(u)` the triangles through `u`
/// and `d(u)` its degree without self-loops. Weighted (Onnela et al. 2005, as NetworkX):
/// `c(u) = 2 / (d(d − 1)) Σ_{triangles uvw} (ŵ_uv ŵ_uw ŵ_vw)^{1/3}` with weights divided
/// by the largest. Directed (Fagiolo 2007, as NetworkX): all directed triangles over
/// `2 (d_tot(d_tot − 1) − 2 d_↔)`.
///
/// **Conventions**: NetworkX's `clustering` and `triangles`; nodes of degree below 2
/// score 0 (igraph's `transitivity_local_undirected` gives NaN there unless
/// `mode="zero"`). ``averageClustering`` counts those zeros, as NetworkX does.
///
/// - Complexity: undirected O(*m* √*m*) by degree-ordered triangle listing; directed
///   O(Σ_u d(u)²) by merging sorted lists.
///
/// [Watts & Strogatz 1998] doi:10.1038/30918; [Onnela et al. 2005]
/// doi:10.1103/PhysRevE.71.065103; [Fagiolo 2007] doi:10.1103/PhysRevE.76.026107.
public struct ClusteringCoefficient: Sendable {
    /// `none` or `strength` (the weighted coefficient; undirected graphs only).
    public var weighting: EdgeWeighting = .none

    public init(weighting: EdgeWeighting = .none) {
        self.weighting = weighting
    }

    /// The local clustering coefficient of every node.
    public func run(on graph: ContactGraph) throws -> NodeScores {
        let weights = try weighting.strengths(graph, measure: "clustering")
        if graph.isDirected {
            guard weights == nil else {
                throw AnalysisError.invalidWeights("weighted clustering is computed on undirected graphs only")
            }
            return NodeScores(name: "clustering", values: Self.directed(graph))
        }
        let degrees = Self.simpleDegrees(graph)
        let triangles = Self.triangleSums(graph, weights: weights)
        let values = graph.nodes.map { u -> Double in
            let d = Double(degrees[Int(u)])
            let t = triangles[Int(u)]
            return t == 0 || d < 2 ? 0 : 2 * t / (d * (d - 1))
        }
        return NodeScores(name: "clustering", values: values)
    }

    /// The number of triangles through every node of an undirected graph (NetworkX's `triangles`).
    public static func triangles(_ graph: ContactGraph) -> NodeScores {
        NodeScores(name: "triangles", values: triangleSums(graph, weights: nil))
    }

    /// The mean local clustering over all nodes (NetworkX's `average_clustering`).
    public static func averageClustering(_ scores: NodeScores) -> Double {
        scores.values.isEmpty ? 0 : scores.values.reduce(0, +) / Double(scores.values.count)
    }

    /// `3 × triangles / connected triples` of an undirected graph (NetworkX's `transitivity`).
    public static func transitivity(_ graph: ContactGraph) -> Double {
        let triangles = triangleSums(graph, weights: nil).reduce(0, +)
        let triples = simpleDegrees(graph).reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return triples == 0 ? 0 : 2 * triangles / triples
    }

    static func simpleDegrees(_ graph: ContactGraph) -> [Int] {
        graph.nodes.map { u in graph.degree(of: u) - (graph.hasEdge(from: u, to: u) ? 1 : 0) }
    }

    /// Per node, the number of triangles (or the sum of their weight terms), each triangle
    /// found once by orienting edges from lower to higher (degree, index) rank.
    static func triangleSums(_ graph: ContactGraph, weights: [Double]?) -> [Double] {
        let n = graph.nodeCount
        var result = [Double](repeating: 0, count: n)
        guard n > 0 else { return result }
        let degrees = simpleDegrees(graph)
        let maxWeight = weights?.max() ?? 1
        @inline(__always) func ranksBefore(_ a: Int, _ b: Int) -> Bool {
            degrees[a] < degrees[b] || (degrees[a] == degrees[b] && a < b)
        }
        // Forward adjacency: for each u, neighbours of higher rank, with weights.
        var forwardOffsets = [Int](repeating: 0, count: n + 1)
        for u in 0..<n {
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                let v = Int(graph.targets[slot])
                if v != u, ranksBefore(u, v) { forwardOffsets[u + 1] += 1 }
            }
        }
        for u in 0..<n { forwardOffsets[u + 1] += forwardOffsets[u] }
        var forward = [Int32](repeating: 0, count: forwardOffsets[n])
        var forwardWeight = [Double](repeating: 1, count: weights == nil ? 0 : forwardOffsets[n])
        var fill = Array(forwardOffsets.prefix(n))
        for u in 0..<n {
            for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                let v = Int(graph.targets[slot])
                guard v != u, ranksBefore(u, v) else { continue }
                forward[fill[u]] = Int32(v)
                if let weights { forwardWeight[fill[u]] = weights[slot] / maxWeight }
                fill[u] += 1
            }
        }
        var mark = [Double](repeating: -1, count: n)
        forward.withUnsafeBufferPointer { forward in
        forwardWeight.withUnsafeBufferPointer { forwardWeight in
        mark.withUnsafeMutableBufferPointer { mark in
        result.withUnsafeMutableBufferPointer { result in
            let weighted = weights != nil
            for u in 0..<n {
                let range = forwardOffsets[u]..<forwardOffsets[u + 1]
                for slot in range { mark[Int(forward[slot])] = weighted ? forwardWeight[slot] : 1 }
                for slot in range {
                    let v = Int(forward[slot])
                    let wuv = weighted ? forwardWeight[slot] : 1
                    for next in forwardOffsets[v]..<forwardOffsets[v + 1] {
                        let w = Int(forward[next])
                        let wuw = mark[w]
                        guard wuw >= 0 else { continue }
                        let term = weighted ? Foundation.cbrt(wuv * wuw * forwardWeight[next]) : 1
                        result[u] += term
                        result[v] += term
                        result[w] += term
                    }
                }
                for slot in range { mark[Int(forward[slot])] = -1 }
            }
        }
        }
        }
        }
        return result
    }

    /// Fagiolo's directed clustering, as NetworkX computes it.
    static func directed(_ graph: ContactGraph) -> [Double] {
        func withoutSelf(_ list: ArraySlice<Int32>, _ node: Int32) -> [Int32] { list.filter { $0 != node } }
        func common(_ a: [Int32], _ b: [Int32]) -> Int {
            var i = 0, j = 0, count = 0
            while i < a.count, j < b.count {
                if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { count += 1; i += 1; j += 1 }
            }
            return count
        }
        let predecessors = graph.nodes.map { withoutSelf(graph.inNeighbors(of: $0), $0) }
        let successors = graph.nodes.map { withoutSelf(graph.neighbors(of: $0), $0) }
        return graph.nodes.map { i -> Double in
            let ip = predecessors[Int(i)], isu = successors[Int(i)]
            var triangles = 0
            for j in ip + isu {
                let jp = predecessors[Int(j)], js = successors[Int(j)]
                triangles += common(ip, jp) + common(ip, js) + common(isu, jp) + common(isu, js)
            }
            let total = Double(ip.count + isu.count)
            let reciprocal = Double(common(ip, isu))
            return triangles == 0 ? 0 : Double(triangles) / ((total * (total - 1) - 2 * reciprocal) * 2)
        }
    }
}
