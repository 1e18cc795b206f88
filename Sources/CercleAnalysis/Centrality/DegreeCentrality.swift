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
}
