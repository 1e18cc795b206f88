import CercleAnalysis
import CercleCore
import Foundation

/// Everything `analyze` computed, ready to print, write, attach to a graph or draw.
struct AnalysisResults {
    var summary: GraphSummary
    /// Node columns in the order asked (metrics, then community, then weak-tie measures).
    var nodeColumns: [(name: String, values: [Double], integral: Bool)] = []
    /// Edge columns (weak-tie measures, edge betweenness), indexed by edge id.
    var edgeColumns: [(name: String, column: AttributeColumn)] = []
    var partition: Partition?
    var modularity: Double?
    var profiles: [CommunityProfile] = []
    var stability: [Double]?
    var granovetter: GranovetterSummary?
    var weakThreshold: Double?
    /// The weight conventions used, for output metadata.
    var weights: NodeMetric.Weights
    var communityWeighting: EdgeWeighting
    /// Remarks for stderr ("betweenness sampled: …").
    var notes: [String] = []

    /// `graph` with every result attached as attributes (for exporters, maps and reports).
    func attached(to graph: ContactGraph) -> ContactGraph {
        var result = graph
        for column in nodeColumns {
            result.nodeAttributes.set(column.integral
                ? AttributeColumn(name: column.name, integers: column.values.map { $0.isFinite ? Int($0) : 0 })
                : AttributeColumn(name: column.name, doubles: column.values))
        }
        for column in edgeColumns { result.edgeAttributes.set(column.column.renamed(column.name)) }
        if let modularity { result.metadata["modularity"] = AttributeValue.format(modularity) }
        return result
    }
}

/// Runs what ``AnalysisOptions`` asks for.
struct AnalysisRunner {
    let options: AnalysisOptions
    let quiet: Bool
    /// Above this many node × edge operations, betweenness is sampled unless
    /// `--exact-betweenness` (about a minute of exact computation on two cores).
    static let exactBetweennessLimit = 5e10

    func run(on graph: ContactGraph, alwaysCommunities: Bool = false) throws -> AnalysisResults {
        let convention = options.weight ?? .none
        let weights = NodeMetric.Weights(convention)
        let communityWeighting: EdgeWeighting = options.weight == nil ? .strength : weights.strength
        var results = AnalysisResults(summary: GraphSummary(graph), weights: weights, communityWeighting: communityWeighting)
        let progress = Progress(quiet: quiet)

        for name in options.metricNames {
            guard let metric = NodeMetric(rawValue: name) else { continue }
            let scores = try progress.run(name) { handler in
                try metric.compute(on: graph, weights: weights) { graph in
                    try betweenness(graph, weighting: weights.path, progress: handler, results: &results)
                }
            }
            results.nodeColumns.append((name, scores.values, metric.isIntegral))
        }

        let needsCommunities = options.communities != nil || alwaysCommunities
            || (options.weakTies && options.partition == "community")
        if needsCommunities {
            let method = options.communities ?? .leiden
            let partition = try progress.run("communities") { _ in try detect(method, seed: options.seed, on: graph) }
            results.partition = partition
            results.modularity = try Modularity.undirected(partition, on: graph, weighting: communityWeighting,
                                                          resolution: options.resolution)
            results.nodeColumns.append(("community", partition.membership.map(Double.init), true))
            let ranking = results.nodeColumns.first { $0.name == "pagerank" || $0.name == "betweenness" }
                .map { NodeScores(name: $0.name, values: $0.values) }
            results.profiles = CommunityProfiles.compute(partition, on: graph, ranking: ranking)
            if let runs = options.stability {
                let others = try progress.run("stability") { _ in
                    try (1...runs).map { try detect(method, seed: options.seed &+ UInt64($0) &* 7919, on: graph) }
                }
                results.stability = CommunityStability.compute(partition, runs: others, on: graph)
            }
        }

        if options.weakTies { try weakTies(on: graph, into: &results, weights: weights) }
        return results
    }

    func detect(_ method: CommunityMethod, seed: UInt64, on graph: ContactGraph) throws -> Partition {
        let weighting: EdgeWeighting = options.weight == nil ? .strength : NodeMetric.Weights(options.weight ?? .none).strength
        switch method {
        case .leiden:
            var leiden = Leiden(resolution: options.resolution, seed: seed, weighting: weighting)
            leiden.restarts = options.restarts
            return try leiden.run(on: graph)
        case .louvain:
            var louvain = Louvain(resolution: options.resolution, seed: seed, weighting: weighting)
            louvain.restarts = options.restarts
            return try louvain.run(on: graph)
        case .lpa:
            return try LabelPropagation(seed: seed, weighting: weighting).run(on: graph)
        }
    }

    /// Exact betweenness, or sampled with a stated guarantee above the size limit.
    func betweenness(
        _ graph: ContactGraph, weighting: EdgeWeighting, progress: ProgressHandler?, results: inout AnalysisResults
    ) throws -> NodeScores {
        let work = Double(graph.nodeCount) * Double(max(1, graph.edgeCount))
        if !options.exactBetweenness, work > Self.exactBetweennessLimit {
            let approximate = ApproximateBetweenness(epsilon: options.epsilon, delta: options.delta, seed: options.seed,
                                                     weighting: weighting, progress: progress)
            let result = try approximate.run(on: graph)
            results.notes.append("""
                betweenness sampled (\(result.samples) shortest paths, vertex-diameter bound \(result.vertexDiameter)): \
                within ±\(String(format: "%.4g", result.errorBound)) of the exact value for every node with \
                probability \(String(format: "%g", 1 - options.delta)); --exact-betweenness computes it exactly
                """)
            return result.scores
        }
        return try BetweennessCentrality(weighting: weighting, progress: progress).run(on: graph)
    }

    func weakTies(on graph: ContactGraph, into results: inout AnalysisResults, weights: NodeMetric.Weights) throws {
        let burt = try BurtConstraint(weighted: weights.strength == .strength).run(on: graph)
        let groups: [Int32]
        if options.partition == "community", let partition = results.partition {
            groups = partition.membership
        } else if let byAttribute = BrokerageRoles.groups(fromAttribute: options.partition, of: graph) {
            groups = byAttribute
        } else {
            throw InputError("--partition \(options.partition): no such node attribute (known: \(graph.nodeAttributes.names.joined(separator: ", ")))")
        }
        let roles = BrokerageRoles.compute(graph, groups: groups)
        for scores in [burt.constraint, burt.effectiveSize, burt.efficiency, burt.hierarchy,
                       roles.coordinator, roles.itinerant, roles.gatekeeper, roles.representative, roles.liaison]
        where !results.nodeColumns.contains(where: { $0.name == scores.name }) {
            results.nodeColumns.append((scores.name, scores.values, false))
        }

        let overlap = NeighbourhoodOverlap.compute(graph)
        let bridges = Bridges.find(graph)
        let local = LocalBridges.find(graph)
        let classes = TieClassification(threshold: options.weakThreshold).run(on: graph)
        results.weakThreshold = classes.threshold
        let m = graph.edgeCount
        results.edgeColumns = [
            ("strength", AttributeColumn(name: "strength", doubles: graph.edgeWeights())),
            ("overlap", AttributeColumn(name: "overlap", doubles: overlap.overlap.values)),
            ("embeddedness", AttributeColumn(name: "embeddedness", integers: overlap.embeddedness.values.map { Int($0) })),
            ("bridge", AttributeColumn(name: "bridge", bools: bridges)),
            ("local_bridge", AttributeColumn(name: "local_bridge", bools: local.isLocalBridge)),
            ("span", Self.spanColumn(local)),
            ("tie_class", AttributeColumn(name: "tie_class", strings: classes.isWeak.map { $0 ? "weak" : "strong" })),
        ]
        if let partition = results.partition, options.partition == "community" || options.communities != nil {
            results.edgeColumns.append(("crosses_community", AttributeColumn(
                name: "crosses_community", bools: TieClassification.crossesCommunities(graph, partition: partition))))
        } else {
            results.edgeColumns.append(("crosses_community", AttributeColumn(
                name: "crosses_community", bools: graph.edges.map { groups[Int($0.source)] != groups[Int($0.target)] })))
        }
        precondition(results.edgeColumns.allSatisfy { $0.column.count == m })
        results.granovetter = GranovetterSummary(graph: graph, weak: classes.isWeak, bridges: bridges,
                                                 localBridges: local.isLocalBridge, overlap: overlap.overlap.values)
    }
}

extension AnalysisRunner {
    /// Spans of local bridges; other edges have none (NetworkX does not list them).
    static func spanColumn(_ local: LocalBridges.Result) -> AttributeColumn {
        var column = AttributeColumn(name: "span", type: .double, count: local.span.count)
        for edge in local.span.indices where local.isLocalBridge[edge] { column.set(.double(local.span[edge]), at: edge) }
        return column
    }
}

/// Progress of long steps on stderr, only on a terminal and without `--quiet`.
struct Progress {
    let quiet: Bool

    func run<T>(_ name: String, _ body: (ProgressHandler?) throws -> T) rethrows -> T {
        guard !quiet, Terminal.stderrIsTerminal else { return try body(nil) }
        let start = Date()
        let handler: ProgressHandler = { fraction in
            guard Date().timeIntervalSince(start) > 1 else { return }
            FileHandle.standardError.write(Data(String(format: "\r%@ %3.0f%%", name, fraction * 100).utf8))
        }
        defer {
            if Date().timeIntervalSince(start) > 1 {
                FileHandle.standardError.write(Data("\r\(name) done in \(String(format: "%.1f", Date().timeIntervalSince(start))) s\n".utf8))
            }
        }
        return try body(handler)
    }
}
