import CercleCore

/// Reading a contact graph by the ids of its persons, for readable test expectations.
extension ContactGraph {
    /// The value of node attribute `column` for the node with id `id`.
    public func value(_ column: String, of id: String) -> AttributeValue? {
        guard let node = node(withID: id) else { return nil }
        return nodeAttributes.value(column, at: Int(node))
    }

    /// The id of the edge between the nodes with ids `a` and `b`.
    public func edgeID(between a: String, and b: String) -> Int? {
        guard let u = node(withID: a), let v = node(withID: b) else { return nil }
        return edgeID(from: u, to: v, index: makeEdgeIndex())
    }

    /// The value of edge attribute `column` on the edge between `a` and `b`.
    public func edgeValue(_ column: String, between a: String, and b: String) -> AttributeValue? {
        edgeID(between: a, and: b).flatMap { edgeAttributes.value(column, at: $0) }
    }

    /// The degree of the node with id `id` (0 when absent).
    public func degree(of id: String) -> Int {
        node(withID: id).map { degree(of: $0) } ?? 0
    }

    /// The ids of the nodes flagged as members.
    public var memberIDs: [String] {
        (0..<nodeCount).filter { nodeAttributes.value(PersonField.member, at: $0) == .bool(true) }.map { ids[$0] }
    }
}
