import CercleCore

/// Communities being optimised on one ``CommunityGraph``: labels, the total strength and
/// size of every community, and scratch space to sum a node's weight towards each
/// neighbouring community.
///
/// Shared by Louvain and Leiden; all operations are O(degree) per node.
///
/// The arrays are raw buffers owned by the instance (`let` pointers, so the hot loops pay
/// no exclusivity checks and no copy-on-write tests).
final class CommunityState {
    let graph: CommunityGraph
    let quality: CommunityQuality
    let resolution: Double
    let nodeCount: Int
    /// The community of every node.
    let labels: UnsafeMutableBufferPointer<Int32>
    /// Total strength of each community (index = label).
    let strength: UnsafeMutableBufferPointer<Double>
    /// Total size of each community.
    let size: UnsafeMutableBufferPointer<Double>
    /// Number of nodes in each community.
    let population: UnsafeMutableBufferPointer<Int32>
    /// Labels of communities that have become empty, for reuse.
    var emptyLabels: [Int32] = []

    // Scratch: weight from the current node to each neighbouring community.
    private let weightTo: UnsafeMutableBufferPointer<Double>
    private let isTouched: UnsafeMutableBufferPointer<Bool>
    private(set) var touched: [Int32] = []

    // The graph's arrays, pinned for the lifetime of the state.
    private let offsets: UnsafeMutableBufferPointer<Int>
    private let targets: UnsafeMutableBufferPointer<Int32>
    private let weights: UnsafeMutableBufferPointer<Double>
    private let strengths: UnsafeMutableBufferPointer<Double>
    private let sizes: UnsafeMutableBufferPointer<Double>
    private let costScale: Double

    init(graph: CommunityGraph, labels initial: [Int32], quality: CommunityQuality, resolution: Double) {
        self.graph = graph
        self.quality = quality
        self.resolution = resolution
        let n = graph.nodeCount
        nodeCount = n
        let slots = max(n, Int((initial.max() ?? -1) + 1))
        labels = .allocate(capacity: max(1, n))
        labels.initialize(repeating: 0)
        for v in 0..<n { labels[v] = initial[v] }
        strength = .allocate(capacity: max(1, slots))
        strength.initialize(repeating: 0)
        size = .allocate(capacity: max(1, slots))
        size.initialize(repeating: 0)
        population = .allocate(capacity: max(1, slots))
        population.initialize(repeating: 0)
        weightTo = .allocate(capacity: max(1, slots))
        weightTo.initialize(repeating: 0)
        isTouched = .allocate(capacity: max(1, slots))
        isTouched.initialize(repeating: false)
        offsets = Self.copy(graph.offsets, minimum: n + 1)
        targets = Self.copy(graph.targets, minimum: 1)
        weights = Self.copy(graph.weights, minimum: 1)
        strengths = Self.copy(graph.strengths, minimum: 1)
        sizes = Self.copy(graph.sizes, minimum: 1)
        costScale = quality == .modularity && graph.totalStrength > 0 ? 1 / graph.totalStrength : 1
        for v in 0..<n {
            let c = Int(initial[v])
            strength[c] += graph.strengths[v]
            size[c] += graph.sizes[v]
            population[c] += 1
        }
        for c in stride(from: slots - 1, through: 0, by: -1) where population[c] == 0 { emptyLabels.append(Int32(c)) }
    }

    /// A buffer holding `array`, at least `minimum` long (zero-filled past the array).
    private static func copy<T: Numeric>(_ array: [T], minimum: Int) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(minimum, array.count))
        buffer.initialize(repeating: 0)
        for index in array.indices { buffer[index] = array[index] }
        return buffer
    }

    deinit {
        labels.deallocate()
        strength.deallocate()
        size.deallocate()
        population.deallocate()
        weightTo.deallocate()
        isTouched.deallocate()
        offsets.deallocate()
        targets.deallocate()
        weights.deallocate()
        strengths.deallocate()
        sizes.deallocate()
    }

    /// The labels as an array.
    var labelArray: [Int32] { Array(labels.prefix(nodeCount)) }

    /// Sums `v`'s edge weights per neighbouring community into ``touched`` /
    /// ``weight(to:)``; its own community is always listed.
    @inline(__always)
    func gatherNeighbourCommunities(of v: Int) {
        clearScratch()
        mark(labels[v])
        var slot = offsets[v]
        let end = offsets[v + 1]
        while slot < end {
            let c = labels[Int(targets[slot])]
            mark(c)
            weightTo[Int(c)] += weights[slot]
            slot &+= 1
        }
    }

    @inline(__always)
    private func mark(_ c: Int32) {
        if !isTouched[Int(c)] {
            isTouched[Int(c)] = true
            touched.append(c)
        }
    }

    @inline(__always)
    func clearScratch() {
        for c in touched {
            weightTo[Int(c)] = 0
            isTouched[Int(c)] = false
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Weight from the last gathered node to community `c`.
    @inline(__always)
    func weight(to c: Int32) -> Double { weightTo[Int(c)] }

    /// Gain of putting node `v` (currently outside any community) into community `c`:
    /// `k_v,c − γ × cost` (see ``CommunityGraph/cost(quality:strength:size:communityStrength:communitySize:)``).
    @inline(__always)
    func gain(_ v: Int, into c: Int32) -> Double {
        let cost = quality == .modularity ? strengths[v] * strength[Int(c)] * costScale : sizes[v] * size[Int(c)]
        return weightTo[Int(c)] - resolution * cost
    }

    @inline(__always)
    func remove(_ v: Int) {
        let c = Int(labels[v])
        strength[c] -= strengths[v]
        size[c] -= sizes[v]
        population[c] -= 1
        if population[c] == 0 {
            strength[c] = 0
            size[c] = 0
            emptyLabels.append(Int32(c))
        }
    }

    @inline(__always)
    func insert(_ v: Int, into c: Int32) {
        let index = Int(c)
        if population[index] == 0, let last = emptyLabels.lastIndex(of: c) { emptyLabels.remove(at: last) }
        labels[v] = c
        strength[index] += strengths[v]
        size[index] += sizes[v]
        population[index] += 1
    }

    /// An empty community label, if any.
    var emptyLabel: Int32? { emptyLabels.last }

    /// Labels renumbered `0..<count` in order of first appearance.
    func compactLabels() -> (labels: [Int32], count: Int) {
        var renumber = [Int32](repeating: -1, count: max(1, strength.count))
        var next: Int32 = 0
        var result = labelArray
        for v in 0..<result.count {
            let c = Int(result[v])
            if renumber[c] < 0 {
                renumber[c] = next
                next += 1
            }
            result[v] = renumber[c]
        }
        return (result, Int(next))
    }
}

extension SeededRandom {
    /// `0..<count` in a uniformly random order (Fisher–Yates).
    mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) {
                let j = Int(next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        return order
    }
}
