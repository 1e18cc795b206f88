import CercleCore

/// Sorted undirected neighbour lists (predecessors ∪ successors, no self-loops) with the
/// *mutual* weight of each tie (`a_uv + a_vu` on directed graphs, `a_uv` otherwise), as
/// Burt's measures and the overlap measures see a network.
///
/// For an undirected graph without self-loops this is the CSR itself.
struct UndirectedNeighbourhoods {
    let nodeCount: Int
    let offsets: [Int]
    let targets: [Int32]
    /// Mutual weight of each slot.
    let weights: [Double]

    init(_ graph: ContactGraph, weighted: Bool) {
        let n = graph.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        targets.reserveCapacity(graph.targets.count)
        weights.reserveCapacity(graph.targets.count)
        for u in 0..<n {
            var i = graph.offsets[u], iEnd = graph.offsets[u + 1]
            var j = graph.isDirected ? graph.inOffsets[u] : 0
            let jEnd = graph.isDirected ? graph.inOffsets[u + 1] : 0
            while i < iEnd || j < jEnd {
                let a = i < iEnd ? graph.targets[i] : Int32.max
                let b = j < jEnd ? graph.inSources[j] : Int32.max
                let v = min(a, b)
                var w = 0.0
                if a == v { w += weighted ? graph.weights[i] : 1; i += 1 }
                if b == v { w += weighted ? graph.inWeights[j] : 1; j += 1 }
                if Int(v) == u { continue }
                targets.append(v)
                weights.append(w)
            }
            offsets[u + 1] = targets.count
        }
        nodeCount = n
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
    }

    @inline(__always)
    func range(_ u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// For every slot `u → v`, the slot of `v → u`. Lists are sorted, so walking the
    /// nodes in order fills each node's list front to back: O(n + m).
    func mirrorSlots() -> [Int] {
        var mirror = [Int](repeating: 0, count: targets.count)
        var cursor = Array(offsets.prefix(nodeCount))
        for u in 0..<nodeCount {
            for slot in range(u) {
                let v = Int(targets[slot])
                mirror[slot] = cursor[v]
                cursor[v] += 1
            }
        }
        return mirror
    }

    @inline(__always)
    func degree(_ u: Int) -> Int { offsets[u + 1] - offsets[u] }

    /// The slot of `v` in `u`'s list, by binary search.
    func slot(_ u: Int, _ v: Int32) -> Int? {
        var low = offsets[u], high = offsets[u + 1]
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < v { low = mid + 1 } else { high = mid }
        }
        return low < offsets[u + 1] && targets[low] == v ? low : nil
    }

    /// Number of common neighbours of `u` and `v` (sorted merge).
    func commonNeighbours(_ u: Int, _ v: Int) -> Int {
        var i = offsets[u], j = offsets[v]
        let iEnd = offsets[u + 1], jEnd = offsets[v + 1]
        var count = 0
        while i < iEnd, j < jEnd {
            let a = targets[i], b = targets[j]
            if a < b { i += 1 } else if a > b { j += 1 } else { count += 1; i += 1; j += 1 }
        }
        return count
    }
}
