import CercleCore

/// The connected components of a graph (weakly connected for a directed graph).
///
/// Component ids are numbered `0..<count` in order of their smallest node, as NetworkX's
/// `connected_components` yields them.
///
/// - Complexity: O(*n* + *m*) time, O(*n*) memory (breadth-first search).
public struct ConnectedComponents: Sendable, Equatable {
    /// The component of every node.
    public let membership: [Int32]
    /// The number of components.
    public let count: Int

    /// Finds the components of `graph`.
    public init(_ graph: ContactGraph) {
        let n = graph.nodeCount
        var membership = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var count: Int32 = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
        graph.targets.withUnsafeBufferPointer { targets in
        graph.inOffsets.withUnsafeBufferPointer { inOffsets in
        graph.inSources.withUnsafeBufferPointer { inSources in
            for start in 0..<n where membership[start] < 0 {
                membership[start] = count
                var head = 0, tail = 0
                queue[tail] = Int32(start); tail += 1
                while head < tail {
                    let u = Int(queue[head]); head += 1
                    for slot in offsets[u]..<offsets[u + 1] {
                        let v = Int(targets[slot])
                        if membership[v] < 0 { membership[v] = count; queue[tail] = Int32(v); tail += 1 }
                    }
                    if graph.isDirected {
                        for slot in inOffsets[u]..<inOffsets[u + 1] {
                            let v = Int(inSources[slot])
                            if membership[v] < 0 { membership[v] = count; queue[tail] = Int32(v); tail += 1 }
                        }
                    }
                }
                count += 1
            }
        }
        }
        }
        }
        self.membership = membership
        self.count = Int(count)
    }

    /// The size of every component, indexed by component id.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for component in membership { sizes[Int(component)] += 1 }
        return sizes
    }

    /// The id of the largest component (the first of equal size), or `nil` when empty.
    public var largest: Int? {
        let sizes = sizes
        guard let maximum = sizes.max() else { return nil }
        return sizes.firstIndex(of: maximum)
    }
}
