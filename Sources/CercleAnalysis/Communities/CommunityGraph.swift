import CercleCore

/// The undirected weighted graph community detection works on, and the graphs it
/// aggregates into.
///
/// Self-loops are kept apart (`loops[v]`, the weight of edges inside `v`); the strength of
/// a node counts its loop twice, so the total strength `2m` never changes under
/// aggregation. A directed graph becomes undirected as NetworkX's `to_undirected` and
/// igraph's `as_undirected` make it: with weights, those of `u → v` and `v → u` are
/// summed; without, a reciprocated pair is one edge of weight 1.
struct CommunityGraph {
    let nodeCount: Int
    let offsets: [Int]
    let targets: [Int32]
    let weights: [Double]
    /// Weight of the loop at each node (each internal edge counted once).
    let loops: [Double]
    /// `k_v`: the sum of the weights of `v`'s edges, its loop counted twice.
    let strengths: [Double]
    /// Number of original nodes inside each node (1 before aggregation).
    let sizes: [Double]
    /// `2m`: the total strength.
    let totalStrength: Double

    init(offsets: [Int], targets: [Int32], weights: [Double], loops: [Double], sizes: [Double]) {
        nodeCount = loops.count
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.loops = loops
        self.sizes = sizes
        var strengths = [Double](repeating: 0, count: loops.count)
        for v in 0..<loops.count {
            var total = 2 * loops[v]
            for slot in offsets[v]..<offsets[v + 1] { total += weights[slot] }
            strengths[v] = total
        }
        self.strengths = strengths
        totalStrength = strengths.reduce(0, +)
    }

    /// The community graph of `graph`, with weights read by `weighting` (`none` or `strength`).
    init(_ graph: ContactGraph, weighting: EdgeWeighting) throws {
        let slotWeights = try weighting.strengths(graph, measure: "community detection")
        let n = graph.nodeCount
        var loops = [Double](repeating: 0, count: n)
        if !graph.isDirected {
            var offsets = [Int](repeating: 0, count: n + 1)
            var targets: [Int32] = []
            var weights: [Double] = []
            targets.reserveCapacity(graph.targets.count)
            weights.reserveCapacity(graph.targets.count)
            for u in 0..<n {
                for slot in graph.offsets[u]..<graph.offsets[u + 1] {
                    let v = graph.targets[slot]
                    let w = slotWeights?[slot] ?? 1
                    if Int(v) == u { loops[u] += w; continue }
                    targets.append(v)
                    weights.append(w)
                }
                offsets[u + 1] = targets.count
            }
            self.init(offsets: offsets, targets: targets, weights: weights, loops: loops,
                      sizes: [Double](repeating: 1, count: n))
            return
        }
        // Directed: merge the out- and in-lists of every node (both sorted), summing the
        // weights of reciprocal edges.
        let inWeights = slotWeights.map { graph.inSlotValues($0) }
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        for u in 0..<n {
            var i = graph.offsets[u], iEnd = graph.offsets[u + 1]
            var j = graph.inOffsets[u], jEnd = graph.inOffsets[u + 1]
            while i < iEnd || j < jEnd {
                let a = i < iEnd ? graph.targets[i] : Int32.max
                let b = j < jEnd ? graph.inSources[j] : Int32.max
                let v = min(a, b)
                var w = 0.0
                if a == v { w += slotWeights?[i] ?? 1; i += 1 }
                if b == v { w += inWeights?[j] ?? 1; j += 1 }
                if slotWeights == nil { w = Int(v) == u ? 2 : 1 }
                if Int(v) == u { loops[u] += w / 2; continue }
                targets.append(v)
                weights.append(w)
            }
            offsets[u + 1] = targets.count
        }
        self.init(offsets: offsets, targets: targets, weights: weights, loops: loops,
                  sizes: [Double](repeating: 1, count: n))
    }

    /// The graph of `communities` (labels `0..<count`): one node per community, edge
    /// weights summed, internal weight as a loop.
    func aggregated(by labels: [Int32], count: Int) -> CommunityGraph {
        var loops = [Double](repeating: 0, count: count)
        var sizes = [Double](repeating: 0, count: count)
        // Members of each community, by counting sort.
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<nodeCount { start[Int(labels[v]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            let c = Int(labels[v])
            members[fill[c]] = Int32(v)
            fill[c] += 1
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        var accumulated = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var touched: [Int32] = []
        for c in 0..<count {
            touched.removeAll(keepingCapacity: true)
            for index in start[c]..<start[c + 1] {
                let v = Int(members[index])
                sizes[c] += self.sizes[v]
                loops[c] += self.loops[v]
                for slot in self.offsets(of: v) {
                    let d = Int(labels[Int(self.targets[slot])])
                    if d == c {
                        loops[c] += self.weights[slot] / 2  // seen from both ends
                        continue
                    }
                    if !seen[d] {
                        seen[d] = true
                        touched.append(Int32(d))
                    }
                    accumulated[d] += self.weights[slot]
                }
            }
            touched.sort()
            for d in touched {
                targets.append(d)
                weights.append(accumulated[Int(d)])
                accumulated[Int(d)] = 0
                seen[Int(d)] = false
            }
            offsets[c + 1] = targets.count
        }
        return CommunityGraph(offsets: offsets, targets: targets, weights: weights, loops: loops, sizes: sizes)
    }

    @inline(__always)
    func offsets(of v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }
}

/// The quality a community method maximises.
public enum CommunityQuality: Sendable, Equatable {
    /// Newman–Girvan modularity with resolution γ:
    /// `Q = Σ_c [ e_c / m − γ (K_c / 2m)² ]`.
    case modularity
    /// Constant Potts model: `H = Σ_c [ e_c − γ n_c (n_c − 1) / 2 ]`, where γ is a density
    /// threshold (communities denser than γ inside, sparser than γ between).
    case constantPotts
}

extension CommunityGraph {
    /// The weight a node of strength `k` and size `s` "costs" in a community of total
    /// strength `K` and size `S` under `quality`, per unit of γ (so ΔH of joining is
    /// `k_in − γ × cost`).
    @inline(__always)
    func cost(quality: CommunityQuality, strength k: Double, size s: Double, communityStrength K: Double,
              communitySize S: Double) -> Double {
        switch quality {
        case .modularity: k * K / totalStrength
        case .constantPotts: s * S
        }
    }
}
