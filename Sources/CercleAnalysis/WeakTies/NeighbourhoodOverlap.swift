import CercleCore

/// How embedded each tie is in shared contacts.
///
/// For an edge `{i, j}` with `n_ij` common neighbours:
/// - **embeddedness** `n_ij`;
/// - **overlap** `O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij)` (Onnela et al. 2007), 0 when
///   the denominator is 0 (both ends have no other contact);
/// - **Jaccard** `|N(i) ∩ N(j)| / |N(i) ∪ N(j)|` with each end in the other's
///   neighbourhood, as NetworkX's `jaccard_coefficient`.
///
/// Onnela et al. found that stronger ties have higher overlap: weak ties are the bridges
/// between dense groups (Granovetter's hypothesis, measured).
///
/// **Conventions**: neighbourhoods are undirected (predecessors ∪ successors) without
/// self-loops; results are indexed by edge id, so a directed graph's `a → b` and `b → a`
/// get the same values.
///
/// - Complexity: O(Σ_{ij ∈ E} (k_i + k_j)) by sorted merges.
///
/// [Onnela et al. 2007] J.-P. Onnela et al., "Structure and tie strengths in mobile
/// communication networks", *PNAS* 104(18):7332–7336, doi:10.1073/pnas.0610245104.
public enum NeighbourhoodOverlap {
    public struct Result: Sendable, Equatable {
        public var embeddedness: EdgeScores
        public var overlap: EdgeScores
        public var jaccard: EdgeScores
    }

    public static func compute(_ graph: ContactGraph) -> Result {
        let hood = UndirectedNeighbourhoods(graph, weighted: false)
        var embeddedness = [Double](repeating: 0, count: graph.edgeCount)
        var overlap = [Double](repeating: 0, count: graph.edgeCount)
        var jaccard = [Double](repeating: 0, count: graph.edgeCount)
        for edge in graph.edges where edge.source != edge.target {
            let i = Int(edge.source), j = Int(edge.target)
            let common = Double(hood.commonNeighbours(i, j))
            let ki = Double(hood.degree(i)), kj = Double(hood.degree(j))
            embeddedness[edge.id] = common
            let denominator = (ki - 1) + (kj - 1) - common
            overlap[edge.id] = denominator > 0 ? common / denominator : 0
            // Union of N(i) and N(j): both contain the other end.
            let union = ki + kj - common
            jaccard[edge.id] = union > 0 ? common / union : 0
        }
        return Result(embeddedness: EdgeScores(name: "embeddedness", values: embeddedness),
                      overlap: EdgeScores(name: "overlap", values: overlap),
                      jaccard: EdgeScores(name: "jaccard", values: jaccard))
    }
}
