import CercleCore

/// How stable each community of a partition is across runs with other seeds.
///
/// A community's **core** is its members whose number of neighbours inside it is at
/// least the community's median (so peripheral members, which legitimately hesitate
/// between communities, do not count). Its **stability** is the mean, over the other
/// runs, of the largest share of the core that one community of that run holds
/// together: 1 when every run keeps the core intact, ½ when runs split it in halves.
///
/// - Complexity: O(*r* (*n* + *m*)) for *r* runs, plus the runs themselves.
public enum CommunityStability {
    /// The stability of every community of `partition`, indexed by community.
    ///
    /// - Parameters:
    ///   - runs: partitions of the same graph found with other seeds.
    public static func compute(_ partition: Partition, runs: [Partition], on graph: ContactGraph) -> [Double] {
        let cores = self.cores(partition, on: graph)
        guard !runs.isEmpty else { return [Double](repeating: 1, count: partition.count) }
        return cores.map { core -> Double in
            guard !core.isEmpty else { return 1 }
            var total = 0.0
            for run in runs {
                var counts: [Int: Int] = [:]
                for node in core { counts[run[node], default: 0] += 1 }
                total += Double(counts.values.max() ?? 0) / Double(core.count)
            }
            return total / Double(runs.count)
        }
    }

    /// The core members of every community (internal degree at least the median).
    public static func cores(_ partition: Partition, on graph: ContactGraph) -> [[NodeIndex]] {
        var internalDegree = [Int](repeating: 0, count: graph.nodeCount)
        for edge in graph.edges where edge.source != edge.target && partition[edge.source] == partition[edge.target] {
            internalDegree[Int(edge.source)] += 1
            internalDegree[Int(edge.target)] += 1
        }
        return partition.communities.map { members in
            let sorted = members.map { internalDegree[Int($0)] }.sorted()
            guard !sorted.isEmpty else { return [] }
            let median = sorted[(sorted.count - 1) / 2]
            return members.filter { internalDegree[Int($0)] >= median }
        }
    }
}
