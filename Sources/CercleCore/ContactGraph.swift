/// A compact node index, `0..<nodeCount`.
public typealias NodeIndex = Int32

/// An immutable contact graph: a compressed sparse row (CSR) snapshot with typed node and
/// edge attributes.
///
/// Storage is three contiguous arrays: `offsets` (one `Int` per node, plus one),
/// `targets` (`Int32`) and `weights` (`Double`). The neighbours of node `u` are
/// `targets[offsets[u]..<offsets[u+1]]`, sorted ascending, with the matching weights
/// beside them. An undirected edge `{u, v}` is stored in both lists (a self-loop once),
/// so an undirected weighted graph costs 2 × (4 + 8) = 24 bytes per edge plus 8 bytes
/// per node. A directed graph also keeps the in-adjacency (`inOffsets`, `inSources`,
/// `inWeights`) so that algorithms needing predecessors stay linear.
///
/// Edges have ids `0..<edgeCount`: for a directed graph the position of the edge in
/// the out-adjacency; for an undirected graph the position of `{u, v}` (`u ≤ v`) in the
/// list of edges ordered by `u`, then `v`. Edge attributes are indexed by edge id.
///
/// Build one with ``GraphBuilder``. Values are `Sendable` and cheap to copy: attaching
/// an attribute to a copy does not copy the adjacency.
public struct ContactGraph: Sendable {
    /// Whether edges are directed.
    public let isDirected: Bool
    /// Number of nodes.
    public let nodeCount: Int
    /// Number of edges; for an undirected graph, unordered pairs (a self-loop counts once).
    public let edgeCount: Int

    /// `offsets[u] ..< offsets[u + 1]` is the range of `u`'s out-neighbours.
    public let offsets: [Int]
    /// Out-neighbours of every node, concatenated; sorted within each node.
    public let targets: [Int32]
    /// Weights, parallel to ``targets``.
    public let weights: [Double]

    /// In-adjacency of a directed graph (empty for undirected graphs).
    public let inOffsets: [Int]
    /// In-neighbours (predecessors) of every node, concatenated; sorted within each node.
    public let inSources: [Int32]
    /// Weights, parallel to ``inSources``.
    public let inWeights: [Double]

    /// External identifiers (the id as written in the source), one per node.
    public internal(set) var ids: NodeIDs
    /// Node attributes, indexed by node index (`label`, `organisation`, metrics…).
    public var nodeAttributes: AttributeTable
    /// Edge attributes, indexed by edge id (`channels`, `interactions`…).
    public var edgeAttributes: AttributeTable
    /// Dated interactions that produced the ties, when the sources had any.
    public var interactions: InteractionLog
    /// Free-form metadata: `name`, `weight` (what the edge weights mean), sources.
    public var metadata: [String: String]

    /// Whether every edge weight is 1 (the graph carries no real weights).
    public let isUnweighted: Bool

    init(
        isDirected: Bool, nodeCount: Int, edgeCount: Int,
        offsets: [Int], targets: [Int32], weights: [Double],
        inOffsets: [Int], inSources: [Int32], inWeights: [Double],
        ids: NodeIDs, nodeAttributes: AttributeTable, edgeAttributes: AttributeTable,
        interactions: InteractionLog, metadata: [String: String]
    ) {
        self.isDirected = isDirected
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
        self.ids = ids
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
        self.interactions = interactions
        self.metadata = metadata
        self.isUnweighted = weights.allSatisfy { $0 == 1 }
    }

    /// The empty undirected graph.
    public static let empty = GraphBuilder().build()

    /// The node indices `0..<nodeCount`.
    public var nodes: Range<NodeIndex> { 0..<NodeIndex(nodeCount) }

    /// The out-degree of `node` (undirected: its number of neighbours, a self-loop
    /// counting once).
    ///
    /// - Complexity: O(1).
    @inlinable
    public func degree(of node: NodeIndex) -> Int {
        offsets[Int(node) + 1] - offsets[Int(node)]
    }

    /// The in-degree of `node` (equal to ``degree(of:)`` for undirected graphs).
    ///
    /// - Complexity: O(1).
    @inlinable
    public func inDegree(of node: NodeIndex) -> Int {
        isDirected ? inOffsets[Int(node) + 1] - inOffsets[Int(node)] : degree(of: node)
    }

    /// The out-neighbours of `node`, sorted ascending.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func neighbors(of node: NodeIndex) -> ArraySlice<Int32> {
        targets[offsets[Int(node)]..<offsets[Int(node) + 1]]
    }

    /// The weights of the edges to ``neighbors(of:)``, in the same order.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func weights(of node: NodeIndex) -> ArraySlice<Double> {
        weights[offsets[Int(node)]..<offsets[Int(node) + 1]]
    }

    /// The in-neighbours (predecessors) of `node`; the neighbours for undirected graphs.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func inNeighbors(of node: NodeIndex) -> ArraySlice<Int32> {
        isDirected ? inSources[inOffsets[Int(node)]..<inOffsets[Int(node) + 1]] : neighbors(of: node)
    }

    /// The weights of the edges from ``inNeighbors(of:)``, in the same order.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func inWeights(of node: NodeIndex) -> ArraySlice<Double> {
        isDirected ? inWeights[inOffsets[Int(node)]..<inOffsets[Int(node) + 1]] : weights(of: node)
    }

    /// The adjacency slot of the edge `source → target` (undirected: either way), found by
    /// binary search in `source`'s sorted list, or `nil` when there is no such edge.
    ///
    /// - Complexity: O(log *d*) where *d* is the degree of `source`.
    public func slot(from source: NodeIndex, to target: NodeIndex) -> Int? {
        var low = offsets[Int(source)]
        var high = offsets[Int(source) + 1]
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < offsets[Int(source) + 1] && targets[low] == target ? low : nil
    }

    /// Whether the edge `source → target` exists (undirected: either way).
    ///
    /// - Complexity: O(log *d*).
    public func hasEdge(from source: NodeIndex, to target: NodeIndex) -> Bool {
        slot(from: source, to: target) != nil
    }

    /// The weight of the edge `source → target`, or `nil` when absent.
    ///
    /// - Complexity: O(log *d*).
    public func weight(from source: NodeIndex, to target: NodeIndex) -> Double? {
        slot(from: source, to: target).map { weights[$0] }
    }

    /// The index of the node whose external id is `id`.
    ///
    /// - Complexity: O(*n*); build a ``NodeLookup`` to resolve many ids.
    public func node(withID id: String) -> NodeIndex? {
        ids.firstIndex(of: id).map { NodeIndex($0) }
    }

    /// The display label of `node`: its `label` attribute, else its id.
    public func label(of node: NodeIndex) -> String {
        nodeAttributes.value(PersonField.label, at: Int(node))?.text ?? ids[Int(node)]
    }

    /// Bytes of the adjacency arrays' elements (the CSR; attributes and ids aside).
    /// Allocator rounding adds well under 1 %; `Benchmarks/` measures resident memory.
    public var adjacencyBytes: Int {
        offsets.count * MemoryLayout<Int>.stride
            + targets.count * MemoryLayout<Int32>.stride
            + weights.count * MemoryLayout<Double>.stride
            + inOffsets.count * MemoryLayout<Int>.stride
            + inSources.count * MemoryLayout<Int32>.stride
            + inWeights.count * MemoryLayout<Double>.stride
    }
}

/// A dictionary from external id to node index, for resolving many ids at once.
public struct NodeLookup: Sendable {
    private let index: [String: NodeIndex]

    /// Indexes the ids of `graph`.
    ///
    /// - Complexity: O(*n*).
    public init(_ graph: ContactGraph) {
        var index: [String: NodeIndex] = [:]
        index.reserveCapacity(graph.nodeCount)
        for (position, id) in graph.ids.enumerated() { index[id] = NodeIndex(position) }
        self.index = index
    }

    /// The node with external id `id`.
    public subscript(id: String) -> NodeIndex? { index[id] }
}
