import CercleCore

/// An assignment of every node to exactly one community.
///
/// Communities are numbered `0..<count` by decreasing size (ties: the community holding
/// the smallest node index first), so the same partition always gets the same numbers,
/// colours and legend order.
public struct Partition: Sendable, Equatable {
    /// The community of every node.
    public let membership: [Int32]
    /// Number of communities.
    public let count: Int
    /// Coarser levels found on the way, finest first (Louvain and Leiden keep every
    /// aggregation level; the last equals ``membership``). Each is a full membership vector.
    public let levels: [[Int32]]

    /// Builds a partition from any labels (negative labels are not allowed), renumbering
    /// communities by decreasing size.
    ///
    /// - Complexity: O(*n* log *n*).
    public init(labels: [Int32], levels: [[Int32]] = []) {
        let (canonical, count) = Partition.canonicalize(labels)
        membership = canonical
        self.count = count
        self.levels = levels.map { Partition.canonicalize($0).labels }
    }

    /// Builds a partition from lists of node indices (every node in exactly one list).
    public init(communities: [[NodeIndex]], nodeCount: Int) {
        var labels = [Int32](repeating: -1, count: nodeCount)
        for (index, members) in communities.enumerated() {
            for node in members { labels[Int(node)] = Int32(index) }
        }
        precondition(!labels.contains(-1), "every node belongs to one community")
        self.init(labels: labels)
    }

    /// The size of every community, indexed by community id (non-increasing).
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for community in membership { sizes[Int(community)] += 1 }
        return sizes
    }

    /// The members of every community, in node order.
    public var communities: [[NodeIndex]] {
        var result = [[NodeIndex]](repeating: [], count: count)
        for (node, community) in membership.enumerated() { result[Int(community)].append(NodeIndex(node)) }
        return result
    }

    /// The community of `node`.
    public subscript(node: NodeIndex) -> Int { Int(membership[Int(node)]) }

    /// Labels renumbered `0..<count` by decreasing size, then smallest member.
    static func canonicalize(_ labels: [Int32]) -> (labels: [Int32], count: Int) {
        var firstNode: [Int32: Int] = [:]
        var size: [Int32: Int] = [:]
        for (node, label) in labels.enumerated() {
            if firstNode[label] == nil { firstNode[label] = node }
            size[label, default: 0] += 1
        }
        let order = firstNode.keys.sorted {
            let (a, b) = (size[$0] ?? 0, size[$1] ?? 0)
            return a != b ? a > b : (firstNode[$0] ?? 0) < (firstNode[$1] ?? 0)
        }
        var renumber: [Int32: Int32] = [:]
        for (index, label) in order.enumerated() { renumber[label] = Int32(index) }
        return (labels.map { renumber[$0] ?? 0 }, order.count)
    }
}
