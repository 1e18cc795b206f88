/// One edge of a ``ContactGraph``: its id, endpoints and weight.
///
/// For an undirected graph `source ≤ target`.
public struct Edge: Sendable, Hashable {
    public let id: Int
    public let source: NodeIndex
    public let target: NodeIndex
    public let weight: Double
}

extension ContactGraph {
    /// The edges in id order.
    ///
    /// - Complexity: O(*n* + *m*) for the whole sequence.
    public var edges: EdgeSequence { EdgeSequence(graph: self) }

    /// The endpoints of every edge, indexed by edge id (undirected: `source ≤ target`).
    ///
    /// - Complexity: O(*n* + *m*) time, 8 bytes per edge.
    public func edgeEndpoints() -> (sources: [NodeIndex], targets: [NodeIndex]) {
        var sources = [NodeIndex]()
        var ends = [NodeIndex]()
        sources.reserveCapacity(edgeCount)
        ends.reserveCapacity(edgeCount)
        for edge in edges {
            sources.append(edge.source)
            ends.append(edge.target)
        }
        return (sources, ends)
    }

    /// The weight of every edge, indexed by edge id.
    ///
    /// - Complexity: O(*n* + *m*).
    public func edgeWeights() -> [Double] {
        if isDirected { return weights }
        var result = [Double]()
        result.reserveCapacity(edgeCount)
        for edge in edges { result.append(edge.weight) }
        return result
    }

    /// The id of the edge `u → v` (undirected: `{u, v}`), or `nil`.
    ///
    /// - Complexity: O(log *d*) with a prebuilt ``EdgeIndex``; build one with
    ///   ``makeEdgeIndex()`` for repeated look-ups.
    public func edgeID(from u: NodeIndex, to v: NodeIndex, index: EdgeIndex) -> Int? {
        index.edgeID(from: u, to: v, in: self)
    }

    /// Builds the per-node tables that turn an adjacency slot into an edge id.
    ///
    /// - Complexity: O(*n* log *d*) time, 16 bytes per node.
    public func makeEdgeIndex() -> EdgeIndex { EdgeIndex(self) }
}

/// The edges of a graph in id order.
public struct EdgeSequence: Sequence, Sendable {
    let graph: ContactGraph

    public struct Iterator: IteratorProtocol {
        let graph: ContactGraph
        var node: Int = 0
        var slot: Int = 0
        var nextID: Int = 0

        public mutating func next() -> Edge? {
            let n = graph.nodeCount
            while node < n {
                let end = graph.offsets[node + 1]
                if slot < graph.offsets[node] { slot = graph.offsets[node] }
                while slot < end {
                    let target = graph.targets[slot]
                    let weight = graph.weights[slot]
                    slot += 1
                    if graph.isDirected || Int(target) >= node {
                        defer { nextID += 1 }
                        return Edge(id: nextID, source: NodeIndex(node), target: target, weight: weight)
                    }
                }
                node += 1
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(graph: graph) }
    public var underestimatedCount: Int { graph.edgeCount }
}

/// Turns adjacency slots into edge ids.
///
/// Directed graphs number edges by out-slot, so the id of slot `s` is `s`. Undirected
/// graphs store `{u, v}` twice; its id is the rank of the slot `(min, max)` among the
/// "upper" slots (`target ≥ node`). The index keeps, per node, the first upper slot and
/// the id of the first upper edge.
public struct EdgeIndex: Sendable {
    /// For undirected graphs: the first slot of node `u` whose target is `≥ u`.
    @usableFromInline let upperStart: [Int]
    /// For undirected graphs: the id of the edge at `upperStart[u]`.
    @usableFromInline let firstEdge: [Int]
    @usableFromInline let isDirected: Bool

    init(_ graph: ContactGraph) {
        isDirected = graph.isDirected
        guard !graph.isDirected else {
            upperStart = []
            firstEdge = []
            return
        }
        let n = graph.nodeCount
        var upper = [Int](repeating: 0, count: n)
        var first = [Int](repeating: 0, count: n + 1)
        graph.targets.withUnsafeBufferPointer { targets in
            for u in 0..<n {
                var low = graph.offsets[u]
                var high = graph.offsets[u + 1]
                while low < high {
                    let mid = (low + high) / 2
                    if Int(targets[mid]) < u { low = mid + 1 } else { high = mid }
                }
                upper[u] = low
                first[u + 1] = first[u] + (graph.offsets[u + 1] - low)
            }
        }
        upperStart = upper
        firstEdge = first
    }

    /// The id of the edge stored at adjacency `slot` of `node`.
    ///
    /// - Complexity: O(1) for an upper slot or a directed graph, O(log *d*) otherwise.
    @inlinable
    public func edgeID(node: NodeIndex, slot: Int, in graph: ContactGraph) -> Int {
        if isDirected { return slot }
        let target = graph.targets[slot]
        if target >= node {
            return firstEdge[Int(node)] + slot - upperStart[Int(node)]
        }
        guard let mirror = graph.slot(from: target, to: node) else {
            preconditionFailure("adjacency of \(target) lacks \(node): the CSR is not symmetric")
        }
        return firstEdge[Int(target)] + mirror - upperStart[Int(target)]
    }

    /// The id of the edge `u → v` (undirected: `{u, v}`), or `nil`.
    public func edgeID(from u: NodeIndex, to v: NodeIndex, in graph: ContactGraph) -> Int? {
        let (a, b) = isDirected || u <= v ? (u, v) : (v, u)
        guard let slot = graph.slot(from: a, to: b) else { return nil }
        return edgeID(node: a, slot: slot, in: graph)
    }
}
