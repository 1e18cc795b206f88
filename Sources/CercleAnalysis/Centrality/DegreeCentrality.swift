import CercleCore

/// Degree: the number of edges at a node.
///
/// `degree(u) = |N(u)|` for undirected graphs, `in(u) + out(u)` for directed ones; a
/// self-loop counts twice, as in NetworkX's `G.degree`. With `normalized`, the degree is
/// divided by `n − 1` (NetworkX's `degree_centrality`).
///
/// - Complexity: O(*n*) (O(*n* log *d*) when self-loops must be found).
public enum DegreeCentrality {
    /// The degree of every node, as NetworkX's `G.degree`.
    public static func degrees(_ graph: ContactGraph) -> [Int] {
        var result = [Int](repeating: 0, count: graph.nodeCount)
        for u in graph.nodes {
            var degree = graph.degree(of: u) + (graph.isDirected ? graph.inDegree(of: u) : 0)
            if graph.hasEdge(from: u, to: u) { degree += graph.isDirected ? 0 : 1 }
            result[Int(u)] = degree
        }
        return result
    }

    /// Freeman's degree centralization of an undirected graph:
    /// `Σ (max − d_v) / ((n − 1)(n − 2))`, 1 for a star and 0 when every node has the
    /// same degree (Freeman 1978). Graphs with fewer than three nodes give 0.
    public static func centralization(_ graph: ContactGraph) -> Double {
        let degrees = degrees(graph)
        let n = degrees.count
        guard n > 2, let maximum = degrees.max() else { return 0 }
        let total = degrees.reduce(0) { $0 + (maximum - $1) }
        return Double(total) / Double((n - 1) * (n - 2))
    }
}
