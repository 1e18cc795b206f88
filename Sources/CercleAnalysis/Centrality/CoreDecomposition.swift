import CercleCore

/// The k-core number (coreness) of every node: the largest `k` such that the node
/// belongs to a subgraph where every node has degree at least `k`.
///
/// **Conventions** (NetworkX's `core_number`): directed graphs use in + out degree (a
/// reciprocated pair counts twice); self-loops are ignored (NetworkX refuses them).
/// igraph's `coreness(mode="all")` gives the same numbers.
///
/// - Complexity: O(*n* + *m*) time (bucket sort by degree).
///
/// [Batagelj & Zaversnik 2003] V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores
/// decomposition of networks", arXiv:cs/0310049.
public enum CoreDecomposition {
    public static func coreness(_ graph: ContactGraph) -> NodeScores {
        let n = graph.nodeCount
        guard n > 0 else { return NodeScores(name: "coreness", values: []) }
        var degree = [Int](repeating: 0, count: n)
        for u in 0..<n {
            var d = 0
            for slot in graph.offsets[u]..<graph.offsets[u + 1] where graph.targets[slot] != Int32(u) { d += 1 }
            if graph.isDirected {
                for slot in graph.inOffsets[u]..<graph.inOffsets[u + 1] where graph.inSources[slot] != Int32(u) { d += 1 }
            }
            degree[u] = d
        }
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var vertices = [Int](repeating: 0, count: n)
        var fill = binStart
        for u in 0..<n {
            position[u] = fill[degree[u]]
            vertices[position[u]] = u
            fill[degree[u]] += 1
        }
        func lower(_ u: Int) {
            // Move u to the front of its bin, then shrink the bin by one.
            let d = degree[u]
            let first = binStart[d]
            let w = vertices[first]
            if w != u {
                vertices[position[u]] = w
                position[w] = position[u]
                vertices[first] = u
                position[u] = first
            }
            binStart[d] += 1
            degree[u] -= 1
        }
        for index in 0..<n {
            let v = vertices[index]
            for slot in graph.offsets[v]..<graph.offsets[v + 1] {
                let u = Int(graph.targets[slot])
                if u != v, degree[u] > degree[v] { lower(u) }
            }
            if graph.isDirected {
                for slot in graph.inOffsets[v]..<graph.inOffsets[v + 1] {
                    let u = Int(graph.inSources[slot])
                    if u != v, degree[u] > degree[v] { lower(u) }
                }
            }
        }
        return NodeScores(name: "coreness", values: degree.map(Double.init))
    }
}
