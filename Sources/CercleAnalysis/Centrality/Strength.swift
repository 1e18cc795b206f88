import CercleCore

/// Strength: the sum of the weights of a node's edges (weighted degree).
///
/// **Conventions** (NetworkX's `G.degree(weight="weight")`): directed graphs add in- and
/// out-strength; a self-loop counts twice on undirected graphs. Without weights this is
/// the degree.
///
/// - Complexity: O(*n* + *m*).
public enum Strength {
    public static func strengths(_ graph: ContactGraph) -> NodeScores {
        var values = [Double](repeating: 0, count: graph.nodeCount)
        for u in graph.nodes {
            var total = 0.0
            for slot in graph.offsets[Int(u)]..<graph.offsets[Int(u) + 1] {
                total += graph.weights[slot]
                if !graph.isDirected, graph.targets[slot] == u { total += graph.weights[slot] }
            }
            if graph.isDirected {
                for slot in graph.inOffsets[Int(u)]..<graph.inOffsets[Int(u) + 1] { total += graph.inWeights[slot] }
            }
            values[Int(u)] = total
        }
        return NodeScores(name: "strength", values: values)
    }
}
