import CercleCore
import Foundation

/// Leiden community detection: Louvain's local moving, plus a refinement step that
/// guarantees well-connected communities.
///
/// One iteration: (1) *fast local moving* — nodes are visited from a queue, moved to the
/// best neighbouring (or an empty) community, and their neighbours outside it re-queued;
/// (2) *refinement* — inside every community, singletons that are well connected to it
/// merge, at random with probability `∝ exp(ΔH / θ)`, into well-connected sub-communities;
/// (3) *aggregation* of the refined partition, starting the next level from the unrefined
/// one. Levels repeat until every community is one node. Iterations repeat from the last
/// partition until it no longer changes (or ``iterations`` is reached).
///
/// **Conventions**: as igraph's `community_leiden(objective_function=…, resolution=γ,
/// beta=θ, n_iterations=-1)` (default θ = 0.01): undirected (reciprocal weights summed),
/// weights read as strengths. Quality ``CommunityQuality/modularity`` (γ scales the null
/// model) or ``CommunityQuality/constantPotts`` (γ is a density threshold; node sizes
/// count original nodes). Same seed, same partition. Every level is kept in
/// ``Partition/levels``.
///
/// - Complexity: O(*m*) per local-moving pass; close to linear in practice.
///
/// [Traag, Waltman & van Eck 2019] V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain
/// to Leiden: guaranteeing well-connected communities", *Scientific Reports* 9:5233,
/// doi:10.1038/s41598-019-41695-z.
public struct Leiden: Sendable {
    public var quality: CommunityQuality = .modularity
    public var resolution = 1.0
    /// θ, the randomness of the refinement (smaller: greedier merges).
    public var randomness = 0.01
    public var seed: UInt64 = 42
    /// Maximum number of iterations; `nil` iterates until the partition is stable (at most 100).
    public var iterations: Int?
    /// Independent runs (seeds `seed`, `seed + 1`, …); the partition of highest quality
    /// is kept. Modularity has many local optima: on small graphs a few restarts often
    /// find a better one.
    public var restarts = 1
    public var weighting: EdgeWeighting = .strength

    public init(quality: CommunityQuality = .modularity, resolution: Double = 1, seed: UInt64 = 42,
                weighting: EdgeWeighting = .strength) {
        self.quality = quality
        self.resolution = resolution
        self.seed = seed
        self.weighting = weighting
    }

    public func run(on graph: ContactGraph) throws -> Partition {
        precondition(randomness > 0, "Leiden randomness must be positive")
        precondition(restarts >= 1, "Leiden needs at least one run")
        let base = try CommunityGraph(graph, weighting: weighting)
        var best: (partition: Partition, quality: Double)?
        for run in 0..<restarts {
            if Task.isCancelled { throw CancellationError() }
            let partition = optimise(base, seed: seed &+ UInt64(run))
            let value = switch quality {
            case .modularity: Modularity.of(partition.membership, count: partition.count, on: base, resolution: resolution)
            case .constantPotts: Modularity.constantPotts(partition.membership, count: partition.count, on: base,
                                                           resolution: resolution)
            }
            if best == nil || value > (best?.quality ?? -.infinity) { best = (partition, value) }
        }
        return best?.partition ?? Partition(labels: [])
    }

    func optimise(_ base: CommunityGraph, seed: UInt64) -> Partition {
        var random = SeededRandom(seed: seed)
        var membership = (0..<base.nodeCount).map { Int32($0) }
        var levels: [[Int32]] = []
        let limit = iterations ?? 100
        for _ in 0..<limit {
            let (next, nextLevels) = iterate(base: base, start: membership, random: &random)
            let changed = !Self.samePartition(next, membership)

            membership = next
            levels = nextLevels
            if !changed { break }
        }
        return Partition(labels: membership, levels: levels)
    }

    /// One Leiden iteration from `start` on the original graph.
    func iterate(base: CommunityGraph, start: [Int32], random: inout SeededRandom) -> ([Int32], [[Int32]]) {
        var graph = base
        var (labels, _) = Self.compact(start)
        var nodeOf = (0..<base.nodeCount).map { Int32($0) }  // original node → current node
        var levels: [[Int32]] = []
        while true {
            let state = CommunityState(graph: graph, labels: labels, quality: quality, resolution: resolution)
            fastMoveNodes(state, random: &random)
            let (moved, count) = state.compactLabels()

            levels.append(nodeOf.map { moved[Int($0)] })
            if count == graph.nodeCount { return (levels.last ?? moved, levels) }
            let refined = refine(graph: graph, partition: moved, count: count, random: &random)
            var (refinedLabels, refinedCount) = Self.compact(refined)

            if refinedCount == graph.nodeCount {
                // The refinement merged nothing: aggregate by the partition itself, as igraph
                // does, or the next level would see the same graph again.
                refinedLabels = moved
                refinedCount = count
            }
            // The aggregate's nodes are the refined communities; they start in the
            // community of the unrefined partition that holds them.
            var startLabels = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<graph.nodeCount { startLabels[Int(refinedLabels[v])] = moved[v] }
            nodeOf = nodeOf.map { refinedLabels[Int($0)] }
            graph = graph.aggregated(by: refinedLabels, count: refinedCount)
            labels = startLabels
        }
    }

    /// Queue-based local moving (Algorithm A.2 of the paper).
    func fastMoveNodes(_ state: CommunityState, random: inout SeededRandom) {
        let n = state.graph.nodeCount
        var queue = random.permutation(n)
        var head = 0
        var queued = [Bool](repeating: true, count: n)
        let graph = state.graph
        while head < queue.count {
            let v = queue[head]
            head += 1
            queued[v] = false
            let current = state.labels[v]
            state.gatherNeighbourCommunities(of: v)
            state.remove(v)
            var best = current
            var bestGain = state.gain(v, into: current)
            for c in state.touched where c != current {
                let gain = state.gain(v, into: c)
                if gain > bestGain {
                    bestGain = gain
                    best = c
                }
            }
            // An empty community has gain 0.
            if bestGain < 0, let empty = state.emptyLabel {
                best = empty
                bestGain = 0
            }
            state.insert(v, into: best)
            guard best != current else { continue }
            for slot in graph.offsets(of: v) {
                let u = Int(graph.targets[slot])
                if !queued[u], state.labels[u] != best {
                    queued[u] = true
                    queue.append(u)
                }
            }
            if head > 4 * n, head > queue.count / 2 {
                // Drop the consumed head so the queue does not grow without bound.
                queue.removeFirst(head)
                head = 0
            }
        }
    }

    /// Refines every community of `partition` into well-connected sub-communities
    /// (Algorithm A.2, `RefinePartition` and `MergeNodesSubset`).
    func refine(graph: CommunityGraph, partition: [Int32], count: Int, random: inout SeededRandom) -> [Int32] {
        let n = graph.nodeCount
        // Strength and size of every community of the partition.
        var communityStrength = [Double](repeating: 0, count: count)
        var communitySize = [Double](repeating: 0, count: count)
        for v in 0..<n {
            communityStrength[Int(partition[v])] += graph.strengths[v]
            communitySize[Int(partition[v])] += graph.sizes[v]
        }
        // Refined communities start as singletons: label v for node v.
        let refinedState = CommunityState(graph: graph, labels: (0..<n).map { Int32($0) }, quality: quality,
                                          resolution: resolution)
        // Weight from each refined community to the rest of its partition community.
        var external = [Double](repeating: 0, count: n)
        for v in 0..<n {
            for slot in graph.offsets(of: v) where partition[Int(graph.targets[slot])] == partition[v] {
                external[v] += graph.weights[slot]
            }
        }
        var isSingleton = [Bool](repeating: true, count: n)
        // Visit nodes community by community, in random order within each.
        let order = random.permutation(n)
        var members = [[Int]](repeating: [], count: count)
        for v in order { members[Int(partition[v])].append(v) }
        var candidates: [(community: Int32, gain: Double)] = []
        for c in 0..<count {
            let totalStrength = communityStrength[c], totalSize = communitySize[c]
            for v in members[c] {
                guard isSingleton[v] else { continue }
                let k = graph.strengths[v], s = graph.sizes[v]
                // v must be well connected to its community.
                let threshold = resolution * graph.cost(quality: quality, strength: k, size: s,
                                                        communityStrength: totalStrength - k, communitySize: totalSize - s)
                guard external[v] >= threshold else { continue }
                refinedState.gatherNeighbourCommunities(of: v)
                let own = refinedState.labels[v]
                refinedState.remove(v)
                candidates.removeAll(keepingCapacity: true)
                var bestGain = 0.0
                for d in refinedState.touched {
                    // Only other refined communities inside c (a refined community's label is
                    // the node it grew from, which stays in it), and well connected to c.
                    guard d != own, partition[Int(d)] == Int32(c) else { continue }
                    let dStrength = refinedState.strength[Int(d)], dSize = refinedState.size[Int(d)]
                    let needed = resolution * graph.cost(quality: quality, strength: dStrength, size: dSize,
                                                         communityStrength: totalStrength - dStrength,
                                                         communitySize: totalSize - dSize)
                    guard external[Int(d)] >= needed else { continue }
                    let gain = refinedState.gain(v, into: d)
                    guard gain >= 0 else { continue }
                    candidates.append((d, gain))
                    bestGain = max(bestGain, gain)
                }
                // Staying alone (gain 0) is always possible.
                candidates.append((own, 0))
                var total = 0.0
                for candidate in candidates { total += exp((candidate.gain - bestGain) / randomness) }
                var pick = random.unit() * total
                var chosen = own
                for candidate in candidates {
                    pick -= exp((candidate.gain - bestGain) / randomness)
                    if pick <= 0 {
                        chosen = candidate.community
                        break
                    }
                }
                refinedState.insert(v, into: chosen)
                if chosen != own {
                    // Neither v nor the node the community grew from may move any more.
                    isSingleton[v] = false
                    isSingleton[Int(chosen)] = false
                    // The merged community's weight to the rest of c: both sides' external
                    // weight, less the edges between them (counted from each side).
                    external[Int(chosen)] += external[v] - 2 * refinedState.weight(to: chosen)
                }
            }
        }
        return refinedState.labelArray
    }

    static func compact(_ labels: [Int32]) -> ([Int32], Int) {
        var renumber: [Int32: Int32] = [:]
        var result = labels
        for v in 0..<labels.count {
            if let known = renumber[labels[v]] {
                result[v] = known
            } else {
                let next = Int32(renumber.count)
                renumber[labels[v]] = next
                result[v] = next
            }
        }
        return (result, renumber.count)
    }

    static func samePartition(_ a: [Int32], _ b: [Int32]) -> Bool {
        guard a.count == b.count else { return false }
        var forward: [Int32: Int32] = [:]
        var backward: [Int32: Int32] = [:]
        for i in 0..<a.count {
            if let x = forward[a[i]], x != b[i] { return false }
            if let y = backward[b[i]], y != a[i] { return false }
            forward[a[i]] = b[i]
            backward[b[i]] = a[i]
        }
        return true
    }
}
