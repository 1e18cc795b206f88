/// Which nodes a graph file declared, the edge endpoints it used without declaring them,
/// and how many nodes it declared twice: the bookkeeping GraphML and GEXF readers share,
/// where an edge may name a node declared later in the file but never one left undeclared.
///
/// - Complexity: O(1) amortised per call; memory one flag per node plus one entry per
///   endpoint not yet declared.
public struct NodeDeclarations: Sendable {
    /// Where an undeclared endpoint was first used.
    public struct Use: Sendable, Equatable {
        public var id: String
        public var line: Int
        public var column: Int
    }

    /// Nodes declared more than once.
    public private(set) var duplicates = 0
    /// By node index: declared by this file.
    private var declared: [Bool] = []
    /// Edge endpoints not (yet) declared, with where they were first used.
    private var dangling: [Int32: Use] = [:]

    public init() {}

    public func isDeclared(_ node: Int32) -> Bool {
        Int(node) < declared.count && declared[Int(node)]
    }

    /// Records a node's declaration (a second one counts as a duplicate).
    public mutating func declare(_ node: Int32) {
        let index = Int(node)
        if index >= declared.count {
            declared.append(contentsOf: repeatElement(false, count: index + 1 - declared.count))
        }
        if declared[index] { duplicates += 1 }
        declared[index] = true
        if !dangling.isEmpty { dangling[node] = nil }
    }

    /// Records an edge endpoint; remembered until declared when not declared yet.
    public mutating func use(_ node: Int32, id: String, line: Int, column: Int) {
        if !isDeclared(node), dangling[node] == nil { dangling[node] = Use(id: id, line: line, column: column) }
    }

    /// The earliest endpoint never declared, if any (call at the end of the file).
    public var firstUndeclared: Use? { dangling.values.min { $0.line < $1.line } }
}
