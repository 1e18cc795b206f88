import CercleCore
import Foundation

/// Warm-introduction paths: the chains of people whose ties are strongest, from one person
/// to another person or to anyone at an organisation.
///
/// Definition: a path `s = v₀, v₁, …, v_h` is worth `Π strength(v_{i−1}, v_i)`; the best
/// paths minimise `Σ −log strength`, so Yen's algorithm for the *k* shortest simple paths
/// (Yen 1971) on lengths `−log w` gives them in order of decreasing product. A path through a
/// strong chain (0.9 × 0.9 × 0.9 = 0.73) beats a shorter weak one (0.3 × 0.3 = 0.09).
///
/// Introductions are only as good as the people making them, and three paths through the same
/// colleague are one option, not three. With `sharedIntermediaryPenalty` > 0 the answer is
/// chosen greedily: each next path minimises `length + penalty × (uses of its intermediaries by
/// the paths already chosen)`, among Yen's first ``candidatePool`` × *k* paths and the best
/// path of a search charging that penalty (see ``run(on:from:to:k:)``). With a penalty of 0 the
/// result is exactly Yen's order.
///
/// **Conventions**: weights are strengths in (0, 1]; a weight outside that range throws. The
/// graph is read as undirected unless it is directed. Targets end a path: a path never passes
/// through one target to reach another. Equal lengths are broken by the node sequence
/// (lexicographically), so results are deterministic; NetworkX's `shortest_simple_paths` gives
/// the same sequence of lengths on the same `−log w` weights (and the same paths when lengths
/// differ).
///
/// - Complexity: Yen's algorithm runs O(*K* *ℓ*) Dijkstra searches, O(*K* *ℓ* (*m* + *n* log *n*))
///   for *K* paths of at most *ℓ* nodes on *n* nodes and *m* edges.
///
/// [Yen 1971] J. Y. Yen, "Finding the K shortest loopless paths in a network", *Management
/// Science* 17(11):712–716, doi:10.1287/mnsc.17.11.712. [Granovetter 1973] M. S. Granovetter,
/// "The strength of weak ties", *AJS* 78(6):1360–1380, doi:10.1086/225469.
public struct WarmPaths: Sendable {
    /// Extra length per intermediary shared with an already chosen path (default `−log 0.5`:
    /// sharing a go-between costs as much as one more hop of strength 0.5).
    public var sharedIntermediaryPenalty: Double = 0.6931471805599453
    /// How many of Yen's paths per wanted path the penalty may choose from.
    public var candidatePool = 4
    /// Longest path considered, in hops.
    public var maximumHops = 6

    public init(sharedIntermediaryPenalty: Double = 0.6931471805599453, candidatePool: Int = 4, maximumHops: Int = 6) {
        precondition(sharedIntermediaryPenalty >= 0, "the penalty is not negative")
        precondition(candidatePool >= 1 && maximumHops >= 1, "pool and hops are positive")
        self.sharedIntermediaryPenalty = sharedIntermediaryPenalty
        self.candidatePool = candidatePool
        self.maximumHops = maximumHops
    }

    /// One path, from the source to a target.
    public struct Path: Sendable, Equatable {
        /// The nodes, source first.
        public var nodes: [NodeIndex]
        /// The strength of every hop, in order.
        public var strengths: [Double]
        /// `Σ −log strength`.
        public var length: Double
        /// `Π strength`, the warmth of the introduction.
        public var strength: Double { strengths.reduce(1, *) }
        /// The people between source and target.
        public var intermediaries: ArraySlice<NodeIndex> { nodes.dropFirst().dropLast() }
        public var hops: Int { nodes.count - 1 }
    }

    /// The best paths from `source` to any of `targets`, diversified as described above.
    ///
    /// Each round takes, among Yen's paths and the best path of a search that charges the
    /// penalty for every use of an already chosen intermediary, the one with the least
    /// `length + penalty × uses of chosen intermediaries`, so that an alternative through
    /// other people is found even when Yen's first paths all share one go-between.
    ///
    /// - Returns: at most `k` paths, best first; empty when no target is reachable.
    /// - Throws: ``AnalysisError/invalidWeights(_:)`` for a weight outside (0, 1].
    public func run(on graph: ContactGraph, from source: NodeIndex, to targets: [NodeIndex], k: Int) throws -> [Path] {
        var pool = try Self.shortestSimplePaths(
            in: graph, from: source, to: targets, k: sharedIntermediaryPenalty > 0 ? k * candidatePool : k,
            maximumHops: maximumHops)
        guard sharedIntermediaryPenalty > 0, !pool.isEmpty else { return Array(pool.prefix(k)) }
        var isTarget = [Bool](repeating: false, count: graph.nodeCount)
        for target in targets where target != source { isTarget[Int(target)] = true }
        var search = Search(graph: graph, isTarget: isTarget)
        var seen = Set(pool.map(\.nodes))
        var chosen: [Path] = []
        var uses: [NodeIndex: Double] = [:]
        while chosen.count < k {
            let penalties = uses.mapValues { $0 * sharedIntermediaryPenalty }
            if let detour = search.shortest(from: source, blockedNodes: [], blockedEdges: [], penalties: penalties),
               detour.hops <= maximumHops, seen.insert(detour.nodes).inserted {
                pool.append(detour)
            }
            var bestIndex: Int?
            var bestScore = Double.infinity
            for (index, path) in pool.enumerated() {
                let score = path.length + path.intermediaries.reduce(0) { $0 + (penalties[$1] ?? 0) }
                if score < bestScore - 1e-12 {
                    bestScore = score
                    bestIndex = index
                }
            }
            guard let bestIndex else { break }
            let path = pool.remove(at: bestIndex)
            for node in path.intermediaries { uses[node, default: 0] += 1 }
            chosen.append(path)
        }
        return chosen
    }

    /// Yen's *k* shortest simple paths on lengths `−log w`, in order.
    ///
    /// - Parameters:
    ///   - targets: where a path may end (a person, or everyone at an organisation); the
    ///     source is never a target.
    ///   - maximumHops: longer paths are not returned.
    /// - Throws: ``AnalysisError/invalidWeights(_:)`` for a weight outside (0, 1].
    /// - Complexity: see the type.
    public static func shortestSimplePaths(
        in graph: ContactGraph, from source: NodeIndex, to targets: [NodeIndex], k: Int, maximumHops: Int = .max
    ) throws -> [Path] {
        precondition(Int(source) < graph.nodeCount && source >= 0, "source \(source) is not a node")
        guard k > 0 else { return [] }
        if let bad = graph.weights.first(where: { !($0 > 0 && $0 <= 1) }) {
            throw AnalysisError.invalidWeights(
                "warm paths need tie strengths in (0, 1]; this graph has weight \(bad) (use contact sources, or scale the weights)")
        }
        var isTarget = [Bool](repeating: false, count: graph.nodeCount)
        for target in targets where target != source { isTarget[Int(target)] = true }
        guard isTarget.contains(true) else { return [] }
        var search = Search(graph: graph, isTarget: isTarget)
        guard let first = search.shortest(from: source, blockedNodes: [], blockedEdges: []) else { return [] }
        var accepted: [Path] = []
        var candidates: [Path] = []
        var seen = Set<[NodeIndex]>()
        var current = first
        var iterations = 0
        seen.insert(first.nodes)
        while true {
            if current.hops <= maximumHops { accepted.append(current) }
            if accepted.count == k { break }
            // Spur from every node of the last path but its end.
            for spurIndex in 0..<(current.nodes.count - 1) {
                let root = Array(current.nodes[0...spurIndex])
                var blockedEdges = Set<UInt64>()
                for path in accepted + [current] where path.nodes.count > spurIndex + 1 && Array(path.nodes[0...spurIndex]) == root {
                    blockedEdges.insert(Search.key(path.nodes[spurIndex], path.nodes[spurIndex + 1], directed: graph.isDirected))
                }
                let blockedNodes = Set(root.dropLast())
                guard let spur = search.shortest(from: root[spurIndex], blockedNodes: blockedNodes, blockedEdges: blockedEdges)
                else { continue }
                var rootStrengths = Array(current.strengths.prefix(spurIndex))
                rootStrengths += spur.strengths
                let nodes = root.dropLast() + spur.nodes
                guard seen.insert(Array(nodes)).inserted else { continue }
                candidates.append(Path(nodes: Array(nodes), strengths: rootStrengths,
                                       length: rootStrengths.reduce(0) { $0 - log($1) }))
            }
            guard !candidates.isEmpty else { break }
            var bestIndex = 0
            for index in candidates.indices.dropFirst() where Self.precedes(candidates[index], candidates[bestIndex]) {
                bestIndex = index
            }
            current = candidates.remove(at: bestIndex)
            // Paths longer than maximumHops are skipped but still spurred from, since a later
            // (longer-by-length) path may have fewer hops; a bound keeps dense graphs finite.
            iterations += 1
            if iterations > 20 * k + 200 { break }
        }
        return accepted
    }

    /// Shorter first; equal lengths (to 1e-12) by node sequence.
    static func precedes(_ a: Path, _ b: Path) -> Bool {
        if abs(a.length - b.length) > 1e-12 * max(1, a.length) { return a.length < b.length }
        return a.nodes.lexicographicallyPrecedes(b.nodes)
    }

    /// Dijkstra's algorithm with blocked nodes and edges, stopping at the first target.
    struct Search {
        let graph: ContactGraph
        let isTarget: [Bool]
        var distance: [Double]
        var parent: [Int32]
        var parentStrength: [Double]
        var stamp: [Int]
        var round = 0

        init(graph: ContactGraph, isTarget: [Bool]) {
            self.graph = graph
            self.isTarget = isTarget
            distance = [Double](repeating: .infinity, count: graph.nodeCount)
            parent = [Int32](repeating: -1, count: graph.nodeCount)
            parentStrength = [Double](repeating: 0, count: graph.nodeCount)
            stamp = [Int](repeating: -1, count: graph.nodeCount)
        }

        static func key(_ u: NodeIndex, _ v: NodeIndex, directed: Bool) -> UInt64 {
            let (a, b) = directed || u <= v ? (u, v) : (v, u)
            return UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        }

        /// The shortest path to a target; `penalties` add length on entering a node (not a target).
        mutating func shortest(
            from source: NodeIndex, blockedNodes: Set<NodeIndex>, blockedEdges: Set<UInt64>, penalties: [NodeIndex: Double] = [:]
        ) -> Path? {
            round += 1
            func reset(_ node: Int) {
                if stamp[node] != round {
                    stamp[node] = round
                    distance[node] = .infinity
                    parent[node] = -1
                }
            }
            reset(Int(source))
            distance[Int(source)] = 0
            // A binary heap of (distance, node); ties by node index keep the search deterministic.
            var heap = MinHeap()
            heap.push(0, source)
            var settled = Set<NodeIndex>()
            while let (d, u) = heap.pop() {
                guard !settled.contains(u), d <= distance[Int(u)] else { continue }
                settled.insert(u)
                if isTarget[Int(u)], u != source {
                    var nodes = [u]
                    var strengths: [Double] = []
                    var node = u
                    while node != source {
                        strengths.append(parentStrength[Int(node)])
                        node = parent[Int(node)]
                        nodes.append(node)
                    }
                    let ordered = Array(strengths.reversed())
                    let length = penalties.isEmpty ? d : ordered.reduce(0) { $0 - log($1) }
                    return Path(nodes: nodes.reversed(), strengths: ordered, length: length)
                }
                for (v, w) in zip(graph.neighbors(of: u), graph.weights(of: u)) where v != u {
                    if blockedNodes.contains(v) || settled.contains(v) { continue }
                    if blockedEdges.contains(Self.key(u, v, directed: graph.isDirected)) { continue }
                    reset(Int(v))
                    let candidate = d - log(w) + (isTarget[Int(v)] ? 0 : penalties[v] ?? 0)
                    if candidate < distance[Int(v)] {
                        distance[Int(v)] = candidate
                        parent[Int(v)] = u
                        parentStrength[Int(v)] = w
                        heap.push(candidate, v)
                    }
                }
            }
            return nil
        }
    }

    /// A binary min-heap of (key, node).
    struct MinHeap {
        var items: [(key: Double, node: NodeIndex)] = []

        static func less(_ a: (key: Double, node: NodeIndex), _ b: (key: Double, node: NodeIndex)) -> Bool {
            a.key != b.key ? a.key < b.key : a.node < b.node
        }

        mutating func push(_ key: Double, _ node: NodeIndex) {
            items.append((key, node))
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.less(items[child], items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> (Double, NodeIndex)? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var smallest = parent
                    if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
                    if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
                    if smallest == parent { break }
                    items.swapAt(parent, smallest)
                    parent = smallest
                }
            }
            return (top.key, top.node)
        }
    }
}
