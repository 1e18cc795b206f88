import CercleCore

/// Label propagation: every node repeatedly adopts the label most of its neighbours carry
/// (by weight), until each node's label is among the most frequent around it.
///
/// **Conventions**: NetworkX's `asyn_lpa_communities(G, weight, seed)`: asynchronous
/// updates in a new seeded random order every round, ties broken uniformly at random, a
/// node keeps its label when that label is among the best; undirected (reciprocal weights
/// summed). Fast and parameter-free, but the result varies with the seed more than
/// Louvain's or Leiden's and optimises no quality function.
///
/// - Complexity: O(*m*) per round; rounds are few in practice (capped at 1,000).
///
/// [Raghavan, Albert & Kumara 2007] "Near linear time algorithm to detect community
/// structures in large-scale networks", *Phys. Rev. E* 76:036106,
/// doi:10.1103/PhysRevE.76.036106.
public struct LabelPropagation: Sendable {
    public var seed: UInt64 = 42
    public var weighting: EdgeWeighting = .strength
    public var maxRounds = 1_000

    public init(seed: UInt64 = 42, weighting: EdgeWeighting = .strength) {
        self.seed = seed
        self.weighting = weighting
    }

    public func run(on graph: ContactGraph) throws -> Partition {
        let working = try CommunityGraph(graph, weighting: weighting)
        let n = working.nodeCount
        var random = SeededRandom(seed: seed)
        var labels = (0..<n).map { Int32($0) }
        var weightTo = [Double](repeating: 0, count: n)
        var touched: [Int32] = []
        var best: [Int32] = []
        for _ in 0..<maxRounds {
            var changed = false
            for v in random.permutation(n) {
                let range = working.offsets(of: v)
                guard !range.isEmpty else { continue }
                touched.removeAll(keepingCapacity: true)
                for slot in range {
                    let label = labels[Int(working.targets[slot])]
                    if weightTo[Int(label)] == 0 { touched.append(label) }
                    weightTo[Int(label)] += working.weights[slot]
                }
                let top = touched.reduce(-Double.infinity) { max($0, weightTo[Int($1)]) }
                best.removeAll(keepingCapacity: true)
                for label in touched.sorted() where weightTo[Int(label)] == top { best.append(label) }
                for label in touched { weightTo[Int(label)] = 0 }
                if best.contains(labels[v]) { continue }
                labels[v] = best[Int(random.next() % UInt64(best.count))]
                changed = true
            }
            if !changed { break }
        }
        return Partition(labels: labels)
    }
}
