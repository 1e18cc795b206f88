import CercleCore

/// Bridges (cut edges): edges whose removal disconnects their endpoints.
///
/// **Conventions**: NetworkX's `bridges` on the undirected version of the graph; a
/// self-loop is never a bridge; with parallel edges merged, a pair is a bridge when its
/// single edge is.
///
/// - Complexity: O(*n* + *m*), an iterative depth-first search (Tarjan's low-link), so
///   deep graphs do not overflow the stack.
///
/// [Tarjan 1974] R. E. Tarjan, "A note on finding the bridges of a graph", *Information
/// Processing Letters* 2(6):160–161, doi:10.1016/0020-0190(74)90003-9.
public enum Bridges {
    /// Whether each edge (by id) is a bridge.
    public static func find(_ graph: ContactGraph) -> [Bool] {
        let hood = UndirectedNeighbourhoods(graph, weighted: false)
        let n = hood.nodeCount
        var order = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var bridgePairs: [(Int32, Int32)] = []
        var counter: Int32 = 0
        // Stack frames: node, parent, next slot to explore.
        var stack: [(node: Int32, parent: Int32, slot: Int)] = []
        for root in 0..<n where order[root] < 0 {
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append((Int32(root), -1, hood.offsets[root]))
            while let top = stack.last {
                let u = Int(top.node)
                if top.slot < hood.offsets[u + 1] {
                    stack[stack.count - 1].slot += 1
                    let v = Int(hood.targets[top.slot])
                    if v == Int(top.parent) { continue }  // merged pairs: one edge back to the parent
                    if order[v] < 0 {
                        order[v] = counter
                        low[v] = counter
                        counter += 1
                        stack.append((Int32(v), Int32(u), hood.offsets[v]))
                    } else {
                        low[u] = min(low[u], order[v])
                    }
                } else {
                    stack.removeLast()
                    let parent = top.parent
                    if parent >= 0 {
                        low[Int(parent)] = min(low[Int(parent)], low[u])
                        if low[u] > order[Int(parent)] { bridgePairs.append((parent, Int32(u))) }
                    }
                }
            }
        }
        var result = [Bool](repeating: false, count: graph.edgeCount)
        let index = graph.makeEdgeIndex()
        for (a, b) in bridgePairs {
            if let id = graph.edgeID(from: a, to: b, index: index) { result[id] = true }
            if graph.isDirected, let id = graph.edgeID(from: b, to: a, index: index) { result[id] = true }
        }
        return result
    }
}

/// Local bridges: edges whose endpoints have no common neighbour, with their span — the
/// distance between the endpoints once the edge is removed (∞ when that disconnects them).
///
/// A local bridge of span `s` is a shortcut that saves `s − 1` steps; Granovetter's weak
/// ties are typically local bridges.
///
/// **Conventions**: NetworkX's `local_bridges(G, with_span=True, weight=None)` on the
/// undirected version; spans count hops; a non-local-bridge has span 0 here (NetworkX
/// simply does not list it).
///
/// - Complexity: O(*m* k) to find them; one bidirectional breadth-first search per local
///   bridge for the span, which stops at the first meeting (spans are short in practice).
///
/// [Granovetter 1973] M. S. Granovetter, "The strength of weak ties", *American Journal of
/// Sociology* 78(6):1360–1380, doi:10.1086/225469; [Easley & Kleinberg 2010] ch. 3.
public enum LocalBridges {
    public struct Result: Sendable, Equatable {
        /// Whether each edge (by id) is a local bridge.
        public var isLocalBridge: [Bool]
        /// The span of each local bridge (`.infinity` when removing it disconnects its
        /// ends), 0 for other edges.
        public var span: [Double]
    }

    public static func find(_ graph: ContactGraph) -> Result {
        let hood = UndirectedNeighbourhoods(graph, weighted: false)
        var isLocal = [Bool](repeating: false, count: graph.edgeCount)
        var span = [Double](repeating: 0, count: graph.edgeCount)
        var search = BidirectionalSearch(nodeCount: hood.nodeCount)
        for edge in graph.edges where edge.source != edge.target {
            let u = Int(edge.source), v = Int(edge.target)
            guard hood.commonNeighbours(u, v) == 0 else { continue }
            isLocal[edge.id] = true
            span[edge.id] = search.distanceWithoutEdge(hood, u, v)
        }
        return Result(isLocalBridge: isLocal, span: span)
    }
}

/// Breadth-first search from both ends of an edge, ignoring that edge.
struct BidirectionalSearch {
    var side: [Int8]
    var depth: [Int32]
    var touched: [Int32] = []

    init(nodeCount: Int) {
        side = [Int8](repeating: 0, count: nodeCount)
        depth = [Int32](repeating: 0, count: nodeCount)
    }

    mutating func distanceWithoutEdge(_ hood: UndirectedNeighbourhoods, _ u: Int, _ v: Int) -> Double {
        defer {
            for node in touched { side[Int(node)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        var frontiers: [[Int32]] = [[Int32(u)], [Int32(v)]]
        side[u] = 1
        side[v] = 2
        depth[u] = 0
        depth[v] = 0
        touched += [Int32(u), Int32(v)]
        while !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            // Expand the smaller frontier one level.
            let which = frontiers[0].count <= frontiers[1].count ? 0 : 1
            let mine = Int8(which + 1), theirs = Int8(2 - which)
            var next: [Int32] = []
            var best = Int32.max
            for x in frontiers[which] {
                for slot in hood.range(Int(x)) {
                    let y = Int(hood.targets[slot])
                    if (Int(x) == u && y == v) || (Int(x) == v && y == u) { continue }  // the edge itself
                    if side[y] == theirs {
                        best = min(best, depth[Int(x)] + 1 + depth[y])
                    } else if side[y] == 0 {
                        side[y] = mine
                        depth[y] = depth[Int(x)] + 1
                        touched.append(Int32(y))
                        next.append(Int32(y))
                    }
                }
            }
            if best != Int32.max { return Double(best) }
            frontiers[which] = next
        }
        return .infinity
    }
}
