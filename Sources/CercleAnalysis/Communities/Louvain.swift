import CercleCore

/// Louvain community detection: greedy modularity optimisation by local moving and
/// aggregation.
///
/// Each level moves nodes one at a time (in a seeded random order, repeatedly) to the
/// neighbouring community that raises modularity most, until no move helps; the
/// communities then become the nodes of a smaller graph, and so on while modularity rises
/// by more than ``threshold``.
///
/// **Conventions**: as NetworkX's `louvain_communities(seed=…, resolution=…,
/// threshold=1e-7)` and igraph's `community_multilevel`: undirected (a directed graph's
/// reciprocal weights are summed), weights read as strengths (`weighting: .strength`,
/// the default, or `.none`). Every aggregation level is kept in ``Partition/levels``.
/// Louvain can leave communities internally disconnected; ``Leiden`` cannot.
///
/// - Complexity: O(*m*) per pass; a few passes per level, O(log *n*) levels in practice.
///
/// [Blondel et al. 2008] V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
/// "Fast unfolding of communities in large networks", *J. Stat. Mech.* P10008,
/// doi:10.1088/1742-5468/2008/10/P10008.
public struct Louvain: Sendable {
    public var resolution = 1.0
    public var seed: UInt64 = 42
    public var weighting: EdgeWeighting = .strength
    /// Minimum rise of modularity for another level.
    public var threshold = 1e-7
    /// Independent runs (seeds `seed`, `seed + 1`, …); the partition of highest
    /// modularity is kept.
    public var restarts = 1

    public init(resolution: Double = 1, seed: UInt64 = 42, weighting: EdgeWeighting = .strength) {
        self.resolution = resolution
        self.seed = seed
        self.weighting = weighting
    }

    public func run(on graph: ContactGraph) throws -> Partition {
        precondition(restarts >= 1, "Louvain needs at least one run")
        let base = try CommunityGraph(graph, weighting: weighting)
        var best: (partition: Partition, quality: Double)?
        for run in 0..<restarts {
            if Task.isCancelled { throw CancellationError() }
            let partition = optimise(base, seed: seed &+ UInt64(run))
            let value = Modularity.of(partition.membership, count: partition.count, on: base, resolution: resolution)
            if best == nil || value > (best?.quality ?? -.infinity) { best = (partition, value) }
        }
        return best?.partition ?? Partition(labels: [])
    }

    func optimise(_ base: CommunityGraph, seed: UInt64) -> Partition {
        var random = SeededRandom(seed: seed)
        var current = base
        var membership = (0..<base.nodeCount).map { Int32($0) }   // original node → current node
        var levels: [[Int32]] = []
        var quality = Modularity.of(membership, count: base.nodeCount, on: base, resolution: resolution)
        while current.nodeCount > 0 {
            let state = CommunityState(graph: current, labels: (0..<current.nodeCount).map { Int32($0) },
                                       quality: .modularity, resolution: resolution)
            let moved = Self.moveNodes(state, random: &random)
            guard moved else { break }
            let (labels, count) = state.compactLabels()
            let next = membership.map { labels[Int($0)] }
            let nextQuality = Modularity.of(next, count: count, on: base, resolution: resolution)
            guard nextQuality - quality > threshold else { break }
            membership = next
            quality = nextQuality
            levels.append(membership)
            current = current.aggregated(by: labels, count: count)
        }
        return Partition(labels: membership, levels: levels)
    }

    /// Local moving until no node moves. Returns whether any node moved.
    static func moveNodes(_ state: CommunityState, random: inout SeededRandom) -> Bool {
        let order = random.permutation(state.graph.nodeCount)
        var anyMove = false
        // Gains below this (relative to the total weight) are rounding noise; stopping there
        // keeps floating-point ties from cycling.
        let negligible = 1e-12 * state.graph.totalStrength
        for _ in 0..<1_000 {
            var moves = 0
            var improvement = 0.0
            for v in order {
                let current = state.labels[v]
                state.gatherNeighbourCommunities(of: v)
                state.remove(v)
                var best = current
                let stay = state.gain(v, into: current)
                var bestGain = stay
                for c in state.touched where c != current {
                    let gain = state.gain(v, into: c)
                    if gain > bestGain {
                        bestGain = gain
                        best = c
                    }
                }
                state.insert(v, into: best)
                if best != current {
                    moves += 1
                    improvement += bestGain - stay
                }
            }
            if moves > 0 { anyMove = true }
            if moves == 0 || improvement <= negligible { break }
        }
        return anyMove
    }
}
