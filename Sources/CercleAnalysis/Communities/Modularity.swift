import CercleCore

/// Modularity: how much more weight falls inside communities than chance would put there.
///
/// Undirected: `Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]`, where `L_c` is the weight inside
/// community `c` (a self-loop counted once), `d_c` the total strength of its nodes (a
/// self-loop counted twice) and `m` the total weight. Directed:
/// `Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ]` with out- and in-strengths.
///
/// **Conventions**: exactly NetworkX's `community.modularity(G, communities, weight=…,
/// resolution=γ)`. With `weighting: .none` every edge weighs 1 (NetworkX's
/// `weight=None`); with `.strength` the weights are used (NetworkX's default
/// `weight="weight"`). igraph's `modularity` agrees on undirected graphs. Community
/// detection maximises the undirected form on the undirected version of a directed graph
/// (reciprocal weights summed): ``undirected(_:on:weighting:resolution:)``.
///
/// - Complexity: O(*n* + *m*).
///
/// [Newman & Girvan 2004] doi:10.1103/PhysRevE.69.026113; [Reichardt & Bornholdt 2006]
/// (resolution) doi:10.1103/PhysRevE.74.016110.
public enum Modularity {
    /// The modularity of `partition` on `graph`, directed or not, as NetworkX computes it.
    public static func of(
        _ partition: Partition, on graph: ContactGraph, weighting: EdgeWeighting = .strength, resolution: Double = 1
    ) throws -> Double {
        guard graph.isDirected else {
            return try undirected(partition, on: graph, weighting: weighting, resolution: resolution)
        }
        let weights = try weighting.strengths(graph, measure: "modularity")
        let count = partition.count
        var inside = [Double](repeating: 0, count: count)
        var outStrength = [Double](repeating: 0, count: count)
        var inStrength = [Double](repeating: 0, count: count)
        var total = 0.0
        for edge in graph.edges {
            let w = weights?[edge.id] ?? 1
            let a = partition[edge.source], b = partition[edge.target]
            total += w
            outStrength[a] += w
            inStrength[b] += w
            if a == b { inside[a] += w }
        }
        guard total > 0 else { return 0 }
        var q = 0.0
        for c in 0..<count {
            q += inside[c] / total - resolution * outStrength[c] * inStrength[c] / (total * total)
        }
        return q
    }

    /// The modularity of `partition` on the undirected version of `graph`.
    public static func undirected(
        _ partition: Partition, on graph: ContactGraph, weighting: EdgeWeighting = .strength, resolution: Double = 1
    ) throws -> Double {
        let working = try CommunityGraph(graph, weighting: weighting)
        return of(partition.membership, count: partition.count, on: working, resolution: resolution)
    }

    static func of(_ labels: [Int32], count: Int, on graph: CommunityGraph, resolution: Double) -> Double {
        let m = graph.totalStrength / 2
        guard m > 0 else { return 0 }
        var inside = [Double](repeating: 0, count: count)
        var strength = [Double](repeating: 0, count: count)
        for v in 0..<graph.nodeCount {
            let c = Int(labels[v])
            strength[c] += graph.strengths[v]
            inside[c] += graph.loops[v]
            for slot in graph.offsets(of: v) where labels[Int(graph.targets[slot])] == labels[v] {
                inside[c] += graph.weights[slot] / 2
            }
        }
        var q = 0.0
        for c in 0..<count {
            let share = strength[c] / (2 * m)
            q += inside[c] / m - resolution * share * share
        }
        return q
    }

    /// The constant Potts model quality `Σ_c [ e_c − γ n_c (n_c − 1) / 2 ]` (weight units).
    static func constantPotts(_ labels: [Int32], count: Int, on graph: CommunityGraph, resolution: Double) -> Double {
        var inside = [Double](repeating: 0, count: count)
        var size = [Double](repeating: 0, count: count)
        for v in 0..<graph.nodeCount {
            let c = Int(labels[v])
            size[c] += graph.sizes[v]
            inside[c] += graph.loops[v]
            for slot in graph.offsets(of: v) where labels[Int(graph.targets[slot])] == labels[v] {
                inside[c] += graph.weights[slot] / 2
            }
        }
        var h = 0.0
        for c in 0..<count { h += inside[c] - resolution * size[c] * (size[c] - 1) / 2 }
        return h
    }
}
