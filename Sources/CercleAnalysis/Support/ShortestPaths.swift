import CercleCore

/// Raw pointers to a graph's adjacency, for hot loops (no bounds checks, no ARC).
///
/// Valid while the graph it was made from is alive; every user keeps the graph in scope.
struct AdjacencyView: @unchecked Sendable {
    let nodeCount: Int
    let isDirected: Bool
    /// Out-adjacency (both directions for undirected graphs).
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    /// In-adjacency: equal to the out-adjacency for undirected graphs.
    let inOffsets: UnsafeBufferPointer<Int>
    let inSources: UnsafeBufferPointer<Int32>

    /// Calls `body` with a view of `graph`'s arrays.
    static func with<R>(_ graph: ContactGraph, _ body: (AdjacencyView) throws -> R) rethrows -> R {
        try graph.offsets.withUnsafeBufferPointer { offsets in
            try graph.targets.withUnsafeBufferPointer { targets in
                try graph.inOffsets.withUnsafeBufferPointer { inOffsets in
                    try graph.inSources.withUnsafeBufferPointer { inSources in
                        let view = AdjacencyView(
                            nodeCount: graph.nodeCount, isDirected: graph.isDirected,
                            offsets: offsets, targets: targets,
                            inOffsets: graph.isDirected ? inOffsets : offsets,
                            inSources: graph.isDirected ? inSources : targets)
                        return try body(view)
                    }
                }
            }
        }
    }

    /// The same view with edges reversed (in ↔ out); itself for undirected graphs.
    var reversed: AdjacencyView {
        AdjacencyView(nodeCount: nodeCount, isDirected: isDirected, offsets: inOffsets, targets: inSources,
                      inOffsets: offsets, inSources: targets)
    }
}

/// Working memory for single-source shortest paths, allocated once per thread and reused
/// for every source (clearing only what the last search touched).
///
/// After ``search(from:)`` the settled nodes are `order[0..<settledCount]` in order of
/// non-decreasing distance, with their distance and number of shortest paths (`sigma`).
final class ShortestPathSearch {
    let graph: AdjacencyView
    /// Length of each out-slot, or `nil` for hop counts.
    let lengths: UnsafeBufferPointer<Double>?
    /// Length of each in-slot (predecessor scans of directed weighted graphs).
    let inLengths: UnsafeBufferPointer<Double>?

    /// Weighted distances (searches with lengths); unused otherwise.
    let distance: UnsafeMutableBufferPointer<Double>
    /// Hop distances (searches without lengths), −1 when unreached.
    let level: UnsafeMutableBufferPointer<Int32>
    /// Whether to count shortest paths (betweenness) or only find distances (closeness).
    let countsPaths: Bool
    let sigma: UnsafeMutableBufferPointer<Double>
    let order: UnsafeMutableBufferPointer<Int32>
    /// Position of each node in `order` (weighted searches: predecessors must settle first).
    let rank: UnsafeMutableBufferPointer<Int32>
    private var heap: [(distance: Double, node: Int32)] = []
    /// Nodes given a tentative distance by a weighted search (a superset of the settled).
    private var touched: [Int32] = []
    private(set) var settledCount = 0

    /// Relative tolerance under which two path lengths count as equal: 0 compares exactly
    /// (NetworkX), 1e-10 is igraph's `IGRAPH_SHORTEST_PATH_EPSILON`.
    let tolerance: Double

    init(graph: AdjacencyView, lengths: UnsafeBufferPointer<Double>?, inLengths: UnsafeBufferPointer<Double>?,
         tolerance: Double = 0, countsPaths: Bool = true) {
        self.graph = graph
        self.tolerance = tolerance
        self.countsPaths = countsPaths
        self.lengths = lengths
        self.inLengths = inLengths
        let n = graph.nodeCount
        distance = .allocate(capacity: n)
        distance.initialize(repeating: -1)
        level = .allocate(capacity: n)
        level.initialize(repeating: -1)
        sigma = .allocate(capacity: n)
        sigma.initialize(repeating: 0)
        // One spare slot: the branch-free search writes a candidate past the last
        // discovered node before deciding whether to keep it.
        order = .allocate(capacity: n + 1)
        order.initialize(repeating: 0)
        rank = .allocate(capacity: n)
        rank.initialize(repeating: -1)
    }

    deinit {
        distance.deallocate()
        level.deallocate()
        sigma.deallocate()
        order.deallocate()
        rank.deallocate()
    }

    /// Resets the nodes touched by the previous search.
    private func reset() {
        if lengths == nil {
            for index in 0..<settledCount {
                let node = Int(order[index])
                level[node] = -1
                sigma[node] = 0
            }
        } else {
            for index in 0..<settledCount {
                let node = Int(order[index])
                distance[node] = -1
                sigma[node] = 0
                rank[node] = -1
            }
        }
        for node in touched {
            distance[Int(node)] = -1
            sigma[Int(node)] = 0
            rank[Int(node)] = -1
        }
        touched.removeAll(keepingCapacity: true)
        settledCount = 0
    }

    /// Finds shortest paths from `source` to every node it reaches.
    ///
    /// - Complexity: O(*n* + *m*) by breadth-first search, O((*n* + *m*) log *n*) with lengths.
    func search(from source: Int, stopAt target: Int = -1) {
        reset()
        if let lengths { dijkstra(from: source, lengths: lengths, stopAt: target) } else { breadthFirst(from: source, stopAt: target) }
    }

    /// Breadth-first search; with a target, stops once the target's number of shortest
    /// paths is final (when it leaves the queue).
    ///
    /// The inner loop is branch-free (selects instead of ifs): whether a neighbour is new
    /// is a coin toss for the branch predictor, and mispredictions cost more than the work.
    private func breadthFirst(from source: Int, stopAt target: Int) {
        let offsets = graph.offsets, targets = graph.targets
        let level = self.level, sigma = self.sigma, order = self.order
        level[source] = 0
        sigma[source] = 1
        order[0] = Int32(source)
        var head = 0
        var tail = 1
        while head < tail {
            let v = Int(order[head])
            head += 1
            if v == target { break }
            let next = level[v] &+ 1
            let end = offsets[v + 1]
            var slot = offsets[v]
            if countsPaths {
                let paths = sigma[v]
                let pathBits = paths.bitPattern
                while slot < end {
                    let w = Int(targets[slot])
                    let known = level[w]
                    let isNew = known < 0
                    let updated = isNew ? next : known
                    level[w] = updated
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= isNew ? 1 : 0
                    // σ(w) += σ(v) when w is one level below v; masked rather than branched.
                    sigma[w] += Double(bitPattern: pathBits & mask(updated == next))
                    slot &+= 1
                }
            } else {
                while slot < end {
                    let w = Int(targets[slot])
                    let known = level[w]
                    let isNew = known < 0
                    level[w] = isNew ? next : known
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= isNew ? 1 : 0
                    slot &+= 1
                }
            }
        }
        settledCount = tail
    }

    /// All ones when `condition` holds, zero otherwise (for branch-free selects).
    @inline(__always)
    func mask(_ condition: Bool) -> UInt64 {
        0 &- UInt64(condition ? 1 : 0)
    }

    /// Whether `node` was reached by the last search.
    @inline(__always)
    func isReached(_ node: Int) -> Bool {
        lengths == nil ? level[node] >= 0 : distance[node] >= 0
    }

    /// The distance of `node` from the last source (hops, or the sum of lengths).
    @inline(__always)
    func distance(of node: Int) -> Double {
        lengths == nil ? Double(level[node]) : distance[node]
    }

    private func dijkstra(from source: Int, lengths: UnsafeBufferPointer<Double>, stopAt target: Int) {
        let offsets = graph.offsets, targets = graph.targets
        heap.removeAll(keepingCapacity: true)
        distance[source] = 0
        sigma[source] = 1
        push(0, Int32(source))
        var settled = 0
        while let (d, node) = pop() {
            let v = Int(node)
            if rank[v] >= 0 || d > distance[v] { continue }  // stale entry
            rank[v] = Int32(settled)
            order[settled] = node
            settled += 1
            if v == target { break }
            let paths = sigma[v]
            for slot in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[slot])
                if rank[w] >= 0 { continue }
                let candidate = d + lengths[slot]
                let known = distance[w]
                let order = known < 0 ? -1 : compare(candidate, known)
                if order < 0 {
                    if known < 0 { touched.append(Int32(w)) }
                    distance[w] = candidate
                    sigma[w] = paths
                    push(candidate, Int32(w))
                } else if order == 0 {
                    sigma[w] += paths
                }
            }
        }
        settledCount = settled
    }

    /// Calls `body(v, slot)` for every predecessor `v` of `w` on a shortest path from the
    /// last source, with the in-slot of the edge `v → w`.
    @inline(__always)
    func forEachPredecessor(of w: Int, _ body: (Int, Int) -> Void) {
        let inOffsets = graph.inOffsets, inSources = graph.inSources
        if let inLengths {
            let target = distance[w]
            let rankW = rank[w]
            for slot in inOffsets[w]..<inOffsets[w + 1] {
                let v = Int(inSources[slot])
                if rank[v] >= 0, rank[v] < rankW, compare(distance[v] + inLengths[slot], target) == 0 { body(v, slot) }
            }
        } else {
            let previous = level[w] - 1
            for slot in inOffsets[w]..<inOffsets[w + 1] {
                let v = Int(inSources[slot])
                if level[v] == previous { body(v, slot) }
            }
        }
    }

    /// −1, 0 or 1 as `a` is shorter than, equal to or longer than `b`: exactly, or within
    /// the relative tolerance as igraph's `igraph_cmp_epsilon` does.
    @inline(__always)
    func compare(_ a: Double, _ b: Double) -> Int {
        if a == b { return 0 }
        if tolerance > 0 {
            let sum = abs(a) + abs(b)
            let close = a == 0 || b == 0 || sum < Double.leastNormalMagnitude
                ? abs(a - b) < tolerance * Double.leastNormalMagnitude
                : abs(a - b) / sum < tolerance
            if close { return 0 }
        }
        return a < b ? -1 : 1
    }

    // MARK: Binary heap on (distance, node); ties by node for a deterministic order.

    private func push(_ distance: Double, _ node: Int32) {
        heap.append((distance, node))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if Self.less(heap[child], heap[parent]) {
                heap.swapAt(child, parent)
                child = parent
            } else {
                break
            }
        }
    }

    private func pop() -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            let count = heap.count
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                let right = left + 1
                let child = right < count && Self.less(heap[right], heap[left]) ? right : left
                if Self.less(heap[child], heap[parent]) {
                    heap.swapAt(child, parent)
                    parent = child
                } else {
                    break
                }
            }
        }
        return top
    }

    @inline(__always)
    private static func less(_ a: (distance: Double, node: Int32), _ b: (distance: Double, node: Int32)) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.node < b.node)
    }
}

extension ContactGraph {
    /// The lengths of the in-slots, for a directed graph, from per-out-slot lengths.
    func inSlotValues(_ values: [Double]) -> [Double] {
        guard isDirected else { return values }
        var result = [Double](repeating: 0, count: inSources.count)
        for v in 0..<nodeCount {
            for slot in inOffsets[v]..<inOffsets[v + 1] {
                let u = inSources[slot]
                if let out = self.slot(from: u, to: NodeIndex(v)) { result[slot] = values[out] }
            }
        }
        return result
    }
}
