import CercleCore

/// Closeness: how near a node is to the others, by shortest-path distance.
///
/// `C(u) = (r − 1) / Σ_v d(v, u) × (r − 1) / (n − 1)`, where `r` counts the nodes that
/// reach `u` (itself included).
///
/// **Conventions** (NetworkX's `closeness_centrality`, `wf_improved=True`): the second
/// factor is Wasserman & Faust's correction for disconnected graphs, so a node in a small
/// component does not look central; an isolated node scores 0. On directed graphs the
/// distances are *incoming* (`d(v, u)`, from others to `u`), as in NetworkX; igraph's
/// `closeness(mode="in")` without normalisation of components differs on disconnected
/// graphs. Weights only through a path ``weighting``.
///
/// - Complexity: O(*n* *m*) unweighted, O(*n* (*m* + *n*) log *n*) weighted; sources in
///   parallel.
///
/// [Wasserman & Faust 1994] S. Wasserman, K. Faust, *Social Network Analysis*, Cambridge
/// University Press, doi:10.1017/CBO9780511815478, §5.3.
public struct ClosenessCentrality: Sendable {
    public var weighting: EdgeWeighting = .none
    /// Apply the Wasserman–Faust correction (NetworkX's default).
    public var wassermanFaust = true
    public var progress: ProgressHandler?

    public init(weighting: EdgeWeighting = .none, wassermanFaust: Bool = true, progress: ProgressHandler? = nil) {
        self.weighting = weighting
        self.wassermanFaust = wassermanFaust
        self.progress = progress
    }

    public func run(on graph: ContactGraph) throws -> NodeScores {
        let n = graph.nodeCount
        let values = try DistanceSums.run(graph: graph, weighting: weighting, measure: "closeness", progress: progress) {
            search, _ in
            var total = 0.0
            for index in 0..<search.settledCount {
                total += search.distance(of: Int(search.order[index]))
            }
            let reached = Double(search.settledCount)
            guard total > 0, n > 1 else { return 0 }
            var closeness = (reached - 1) / total
            if wassermanFaust { closeness *= (reached - 1) / Double(n - 1) }
            return closeness
        }
        return NodeScores(name: "closeness", values: values)
    }
}

/// Harmonic centrality: the sum of inverse distances from every other node.
///
/// `H(u) = Σ_{v ≠ u} 1 / d(v, u)`, with `1/∞ = 0`, so it is defined on disconnected graphs.
///
/// **Conventions** (NetworkX's `harmonic_centrality`): not normalised (divide by `n − 1`
/// for igraph's `harmonic_centrality(normalized=True)`); directed graphs use incoming
/// distances; zero distances are skipped. Weights only through a path ``weighting``.
///
/// - Complexity: as ``ClosenessCentrality``.
///
/// [Boldi & Vigna 2014] P. Boldi, S. Vigna, "Axioms for centrality", *Internet
/// Mathematics* 10(3–4):222–262, doi:10.1080/15427951.2013.865686.
public struct HarmonicCentrality: Sendable {
    public var weighting: EdgeWeighting = .none
    public var progress: ProgressHandler?

    public init(weighting: EdgeWeighting = .none, progress: ProgressHandler? = nil) {
        self.weighting = weighting
        self.progress = progress
    }

    public func run(on graph: ContactGraph) throws -> NodeScores {
        let values = try DistanceSums.run(graph: graph, weighting: weighting, measure: "harmonic", progress: progress) {
            search, _ in
            var total = 0.0
            for index in 1..<max(1, search.settledCount) {
                let d = search.distance(of: Int(search.order[index]))
                if d > 0 { total += 1 / d }
            }
            return total
        }
        return NodeScores(name: "harmonic", values: values)
    }
}

/// One shortest-path search per node on the reversed graph (incoming distances), reduced
/// to one number per node.
enum DistanceSums {
    static func run(
        graph: ContactGraph, weighting: EdgeWeighting, measure: String, progress: ProgressHandler?,
        _ reduce: @escaping (ShortestPathSearch, Int) -> Double
    ) throws -> [Double] {
        let n = graph.nodeCount
        // Incoming distances to u are outgoing distances from u in the reversed graph.
        let outLengths = try weighting.lengths(graph, measure: measure)
        let lengths = outLengths.map { graph.inSlotValues($0) }
        let done = AtomicCounter()
        let partials = try AdjacencyView.with(graph) { view in
            try withOptionalBuffer(lengths) { lengthBuffer in
                try withOptionalBuffer(outLengths) { reverseLengths in
                    let shared = UncheckedBox((view.reversed, lengthBuffer, reverseLengths, reduce))
                    return try Parallel.map(count: n) { range -> [Double] in
                        let (view, lengthBuffer, reverseLengths, reduce) = shared.value
                        let search = ShortestPathSearch(graph: view, lengths: lengthBuffer, inLengths: reverseLengths,
                                                        countsPaths: false)
                        var values: [Double] = []
                        values.reserveCapacity(range.count)
                        for (position, node) in range.enumerated() {
                            if position & 63 == 63 {
                                if Task.isCancelled { throw CancellationError() }
                                progress?(Double(done.add(64)) / Double(max(1, n)))
                            }
                            search.search(from: node)
                            values.append(reduce(search, node))
                        }
                        return values
                    }
                }
            }
        }
        progress?(1)
        return partials.flatMap { $0 }
    }
}
