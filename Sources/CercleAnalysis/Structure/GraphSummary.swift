import CercleCore

/// Size, connectedness and degree statistics of a graph: the first lines of `cercle analyze`.
///
/// Conventions follow NetworkX: density is `2m / (n(n − 1))` for undirected graphs and
/// `m / (n(n − 1))` for directed ones (0 for fewer than two nodes); the degree of a node
/// in a directed graph is its in-degree plus its out-degree; a self-loop adds 2 to the
/// degree of its node.
///
/// - Complexity: O(*n* + *m*).
public struct GraphSummary: Sendable, Equatable {
    public var nodes: Int
    public var edges: Int
    public var isDirected: Bool
    public var components: Int
    public var largestComponent: Int
    public var isolatedNodes: Int
    public var selfLoops: Int
    public var density: Double
    public var minimumDegree: Int
    public var maximumDegree: Int
    public var meanDegree: Double
    public var medianDegree: Double

    public init(_ graph: ContactGraph) {
        let n = graph.nodeCount
        nodes = n
        edges = graph.edgeCount
        isDirected = graph.isDirected
        let components = ConnectedComponents(graph)
        self.components = components.count
        largestComponent = components.sizes.max() ?? 0
        let degrees = DegreeCentrality.degrees(graph)
        isolatedNodes = degrees.lazy.filter { $0 == 0 }.count
        selfLoops = graph.nodes.reduce(0) { $0 + (graph.hasEdge(from: $1, to: $1) ? 1 : 0) }
        let pairs = Double(n) * Double(n - 1)
        density = n > 1 ? (isDirected ? Double(edges) / pairs : 2 * Double(edges) / pairs) : 0
        let sorted = degrees.sorted()
        minimumDegree = sorted.first ?? 0
        maximumDegree = sorted.last ?? 0
        meanDegree = n > 0 ? Double(sorted.reduce(0, +)) / Double(n) : 0
        if sorted.isEmpty {
            medianDegree = 0
        } else if sorted.count % 2 == 1 {
            medianDegree = Double(sorted[sorted.count / 2])
        } else {
            medianDegree = Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }
}
