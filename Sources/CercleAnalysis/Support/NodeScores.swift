import CercleCore

/// One number per node: the result of a centrality or structural-hole measure.
public struct NodeScores: Sendable, Equatable {
    /// The measure's name as on the command line (`betweenness`, `pagerank`…).
    public let name: String
    /// The score of every node, indexed by node index.
    public let values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// The score of `node`.
    public subscript(node: NodeIndex) -> Double { values[Int(node)] }

    /// Nodes from the highest score to the lowest; equal scores keep node order.
    /// NaN scores come last.
    ///
    /// - Complexity: O(*n* log *n*).
    public func ranking() -> [NodeIndex] {
        values.indices.sorted { a, b in
            let x = values[a], y = values[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            return x != y && !x.isNaN ? x > y : a < b
        }.map { NodeIndex($0) }
    }

    /// The `k` highest-scoring nodes with their scores.
    ///
    /// - Complexity: O(*n* log *n*).
    public func top(_ k: Int) -> [(node: NodeIndex, score: Double)] {
        ranking().prefix(k).map { ($0, values[Int($0)]) }
    }
}

/// One number per edge, indexed by edge id.
public struct EdgeScores: Sendable, Equatable {
    public let name: String
    public let values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    public subscript(edge: Int) -> Double { values[edge] }

    /// Edge ids from the highest score to the lowest; equal scores keep id order.
    public func ranking() -> [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    }

    /// The `k` highest-scoring edges with their scores.
    public func top(_ k: Int) -> [(edge: Int, score: Double)] {
        ranking().prefix(k).map { ($0, values[$0]) }
    }
}
