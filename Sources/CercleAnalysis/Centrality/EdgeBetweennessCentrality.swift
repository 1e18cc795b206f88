import CercleCore

/// Edge betweenness: how often an edge lies on the shortest paths between nodes.
///
/// `b(e) = Σ_{s ≠ t} σ_st(e) / σ_st`.
///
/// **Conventions** (NetworkX's `edge_betweenness_centrality`): normalised by `n(n − 1)`;
/// unnormalised undirected scores are halved so that each unordered pair counts once;
/// `sources` rescales by `k(n − 1)` as NetworkX's `k` sampling does. Weights as in
/// ``BetweennessCentrality``. This is the quantity Girvan & Newman remove edges by.
///
/// - Complexity: O(*n* *m*) unweighted, O(*n* (*m* + *n*) log *n*) weighted.
///
/// [Brandes 2008] U. Brandes, "On variants of shortest-path betweenness centrality and
/// their generic computation", *Social Networks* 30(2):136–145,
/// doi:10.1016/j.socnet.2007.11.001.
public struct EdgeBetweennessCentrality: Sendable {
    public var weighting: EdgeWeighting = .none
    public var normalized = true
    public var sources: [NodeIndex]?
    public var progress: ProgressHandler?

    public init(weighting: EdgeWeighting = .none, normalized: Bool = true, sources: [NodeIndex]? = nil,
                progress: ProgressHandler? = nil) {
        self.weighting = weighting
        self.normalized = normalized
        self.sources = sources
        self.progress = progress
    }

    /// Computes the betweenness of every edge, indexed by edge id.
    public func run(on graph: ContactGraph) throws -> EdgeScores {
        let lengths = try weighting.lengths(graph, measure: "edge betweenness")
        let sourceList = sources.map { $0.map(Int.init) } ?? Array(0..<graph.nodeCount)
        let raw = try BrandesAccumulation.run(
            graph: graph, lengths: lengths, sources: sourceList, endpoints: false, edges: true, progress: progress)
        var values = [Double](repeating: 0, count: graph.edgeCount)
        let index = graph.makeEdgeIndex()
        for w in graph.nodes {
            let range = graph.isDirected
                ? graph.inOffsets[Int(w)]..<graph.inOffsets[Int(w) + 1]
                : graph.offsets[Int(w)]..<graph.offsets[Int(w) + 1]
            for slot in range where raw.inSlots[slot] != 0 {
                let id: Int
                if graph.isDirected {
                    guard let out = graph.slot(from: graph.inSources[slot], to: w) else { continue }
                    id = out
                } else {
                    id = index.edgeID(node: w, slot: slot, in: graph)
                }
                values[id] += raw.inSlots[slot]
            }
        }
        BetweennessCentrality.rescale(&values, n: graph.nodeCount, normalized: normalized, directed: graph.isDirected,
                                      endpoints: true, sampled: sources.map { Set($0.map(Int.init)) })
        return EdgeScores(name: "edge_betweenness", values: values)
    }
}
