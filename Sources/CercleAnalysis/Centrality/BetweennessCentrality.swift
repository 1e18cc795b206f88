import CercleCore
import Foundation

/// Betweenness: how often a node lies on the shortest paths between others.
///
/// `b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, where `σ_st` counts the shortest paths from
/// `s` to `t` and `σ_st(v)` those through `v`.
///
/// **Conventions** (NetworkX's `betweenness_centrality`, so the numbers compare to 1e-9):
/// - normalised (default) by `(n − 1)(n − 2)` for directed and undirected graphs alike
///   (pairs are ordered; for undirected graphs each unordered pair counts twice over
///   twice as many pairs); unnormalised undirected scores are halved, so that each
///   unordered pair counts once;
/// - `endpoints` adds the paths' ends: `s` gets one for every node it reaches, `t` one
///   for itself, and normalisation becomes `n(n − 1)`;
/// - with `sources`, only paths from those nodes count and scores are rescaled as
///   NetworkX's `k` sampling does (`k(n − 2)`, sources themselves `(k − 1)(n − 2)`);
/// - weights enter only through ``weighting`` (a path convention: `inverse`, `neglog`,
///   `distance`); equal path lengths are compared exactly, as NetworkX does (igraph
///   uses a relative tolerance of 1e-10, so on fractional weights the two can differ near
///   1e-5; set ``lengthTolerance`` to ``igraphTolerance`` to reproduce igraph).
///   igraph's `betweenness` is this measure unnormalised; NetworKit's `Betweenness`
///   matches with `normalized=True` on undirected graphs.
///
/// - Complexity: O(*n* *m*) time unweighted, O(*n* (*m* + *n*) log *n*) weighted;
///   O(*n* + *m*) memory per thread. Sources are split across cores in fixed chunks,
///   so the result is the same on every run and machine.
///
/// ```swift
/// // A path a – b – c: b lies on the only path between a and c.
/// let scores = try BetweennessCentrality().run(on: path)   // [0, 1, 0]
/// ```
///
/// [Brandes 2001] U. Brandes, "A faster algorithm for betweenness centrality",
/// *J. Math. Sociol.* 25(2):163–177, doi:10.1080/0022250X.2001.9990249.
public struct BetweennessCentrality: Sendable {
    /// How weights enter: `none` (hops), `inverse`, `neglog` or `distance`.
    public var weighting: EdgeWeighting = .none
    /// Divide by the number of pairs (NetworkX's default).
    public var normalized = true
    /// Count the ends of each path.
    public var endpoints = false
    /// Only paths from these sources (all nodes when `nil`).
    public var sources: [NodeIndex]?
    /// Relative tolerance under which two weighted path lengths count as equal: 0
    /// (exact, NetworkX) or ``igraphTolerance``.
    public var lengthTolerance = 0.0
    /// Called with the fraction of sources done.
    public var progress: ProgressHandler?

    /// igraph's `IGRAPH_SHORTEST_PATH_EPSILON`, for results that compare with igraph's.
    public static let igraphTolerance = 1e-10

    public init(weighting: EdgeWeighting = .none, normalized: Bool = true, endpoints: Bool = false,
                sources: [NodeIndex]? = nil, progress: ProgressHandler? = nil) {
        self.weighting = weighting
        self.normalized = normalized
        self.endpoints = endpoints
        self.sources = sources
        self.progress = progress
    }

    /// Computes the betweenness of every node.
    ///
    /// - Throws: ``AnalysisError`` for weights the convention refuses;
    ///   `CancellationError` when the surrounding task is cancelled.
    public func run(on graph: ContactGraph) throws -> NodeScores {
        let n = graph.nodeCount
        let lengths = try weighting.lengths(graph, measure: "betweenness")
        let sourceList = sources.map { $0.map(Int.init) } ?? Array(0..<n)
        let raw = try BrandesAccumulation.run(
            graph: graph, lengths: lengths, sources: sourceList, endpoints: endpoints, edges: false,
            tolerance: lengthTolerance, progress: progress)
        var values = raw.nodes
        let sampled = sources.map { Set($0.map(Int.init)) }
        Self.rescale(&values, n: n, normalized: normalized, directed: graph.isDirected, endpoints: endpoints,
                     sampled: sampled)
        return NodeScores(name: "betweenness", values: values)
    }

    /// NetworkX's `_rescale`, including its adjustment for sampled sources.
    static func rescale(
        _ values: inout [Double], n: Int, normalized: Bool, directed: Bool, endpoints: Bool, sampled: Set<Int>?
    ) {
        let big = endpoints ? n : n - 1
        guard big >= 2 else { return }
        let k = Double(sampled?.count ?? big)
        let bigN = Double(big)
        let correction = directed ? 1.0 : 2.0
        if sampled == nil || endpoints {
            let scale = normalized ? 1 / (k * (bigN - 1)) : bigN / (k * correction)
            if scale != 1 { for index in values.indices { values[index] *= scale } }
            return
        }
        let sourceScale = k > 1 ? (normalized ? 1 / ((k - 1) * (bigN - 1)) : bigN / ((k - 1) * correction)) : .nan
        let otherScale = normalized ? 1 / (k * (bigN - 1)) : bigN / (k * correction)
        for index in values.indices {
            values[index] *= (sampled?.contains(index) ?? false) ? sourceScale : otherScale
        }
    }
}

/// Brandes's dependency accumulation over a set of sources, for node and edge
/// betweenness.
enum BrandesAccumulation {
    struct Result {
        /// Raw node dependencies (sums over ordered pairs).
        var nodes: [Double]
        /// Raw dependencies per in-slot (edge betweenness), empty unless asked for.
        var inSlots: [Double]
    }

    static func run(
        graph: ContactGraph, lengths: [Double]?, sources: [Int], endpoints: Bool, edges: Bool,
        tolerance: Double = 0, progress: ProgressHandler?
    ) throws -> Result {
        let n = graph.nodeCount
        let inLengths = lengths.map { graph.inSlotValues($0) }
        let slotCount = graph.isDirected ? graph.inSources.count : graph.targets.count
        let done = AtomicCounter()
        let partials = try AdjacencyView.with(graph) { view in
            try withOptionalBuffer(lengths) { lengthBuffer in
                try withOptionalBuffer(inLengths) { inLengthBuffer in
                    let shared = UncheckedBox((view, lengthBuffer, inLengthBuffer))
                    return try Parallel.map(count: sources.count) { range -> Result in
                        let (view, lengthBuffer, inLengthBuffer) = shared.value
                        let search = ShortestPathSearch(graph: view, lengths: lengthBuffer, inLengths: inLengthBuffer,
                                                        tolerance: tolerance)
                        var nodeScores = [Double](repeating: 0, count: n)
                        var slotScores = [Double](repeating: 0, count: edges ? slotCount : 0)
                        var delta = [Double](repeating: 0, count: n)
                        for (position, sourceIndex) in range.enumerated() {
                            if position & 63 == 63 {
                                if Task.isCancelled { throw CancellationError() }
                                let finished = done.add(64)
                                progress?(Double(finished) / Double(max(1, sources.count)))
                            }
                            let source = sources[sourceIndex]
                            search.search(from: source)
                            accumulate(search: search, source: source, endpoints: endpoints, edges: edges,
                                       delta: &delta, nodeScores: &nodeScores, slotScores: &slotScores)
                        }
                        return Result(nodes: nodeScores, inSlots: slotScores)
                    }
                }
            }
        }
        progress?(1)
        var total = Result(nodes: [Double](repeating: 0, count: n), inSlots: [Double](repeating: 0, count: edges ? slotCount : 0))
        for partial in partials {
            for index in 0..<n { total.nodes[index] += partial.nodes[index] }
            for index in total.inSlots.indices { total.inSlots[index] += partial.inSlots[index] }
        }
        return total
    }

    @inline(__always)
    static func accumulate(
        search: ShortestPathSearch, source: Int, endpoints: Bool, edges: Bool,
        delta: inout [Double], nodeScores: inout [Double], slotScores: inout [Double]
    ) {
        let settled = search.settledCount
        let sigma = search.sigma
        delta.withUnsafeMutableBufferPointer { delta in
        nodeScores.withUnsafeMutableBufferPointer { nodeScores in
        slotScores.withUnsafeMutableBufferPointer { slotScores in
            if endpoints { nodeScores[source] += Double(settled - 1) }
            var index = settled - 1
            if search.lengths == nil {
                // Unweighted: predecessors are the in-neighbours one level up; a select
                // instead of a branch, for the same reason as in the forward search.
                let level = search.level, inOffsets = search.graph.inOffsets, inSources = search.graph.inSources
                while index >= 0 {
                    let w = Int(search.order[index])
                    let coefficient = (1 + delta[w]) / sigma[w]
                    let previous = level[w] &- 1
                    for slot in inOffsets[w]..<inOffsets[w + 1] {
                        let v = Int(inSources[slot])
                        let c = Double(bitPattern: (sigma[v] * coefficient).bitPattern & search.mask(level[v] == previous))
                        delta[v] += c
                        if edges { slotScores[slot] += c }
                    }
                    if w != source { nodeScores[w] += endpoints ? delta[w] + 1 : delta[w] }
                    index -= 1
                }
            } else {
                while index >= 0 {
                    let w = Int(search.order[index])
                    let coefficient = (1 + delta[w]) / sigma[w]
                    search.forEachPredecessor(of: w) { v, slot in
                        let c = sigma[v] * coefficient
                        delta[v] += c
                        if edges { slotScores[slot] += c }
                    }
                    if w != source { nodeScores[w] += endpoints ? delta[w] + 1 : delta[w] }
                    index -= 1
                }
            }
            for index in 0..<settled { delta[Int(search.order[index])] = 0 }
        }
        }
        }
    }
}

/// Calls `body` with a buffer over `array`, or `nil`.
func withOptionalBuffer<R>(_ array: [Double]?, _ body: (UnsafeBufferPointer<Double>?) throws -> R) rethrows -> R {
    guard let array else { return try body(nil) }
    return try array.withUnsafeBufferPointer { try body($0) }
}
