import CercleAnalysis
import CercleCore
import Testing
import _CercleTestSupport

/// Every centrality against the NetworkX / igraph reference values of every graph in
/// `shared/data`: 1e-9 for exact measures, 1e-6 for iterative ones.
@Suite("Centrality against NetworkX references")
struct CentralityReferenceTests {
    static let exact = 1e-9
    static let iterative = 1e-6

    func check(_ name: String, _ metric: String, tolerance: Double, _ compute: (ContactGraph) throws -> [Double]) throws {
        let reference = try ReferenceGraphs.reference(name)
        guard reference.section(metric) != nil else { return }
        let graph = try ReferenceGraphs.load(reference)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        let problems = mismatches(try compute(graph), graph: graph, reference: reference, metric: metric, tolerance: tolerance)
        #expect(problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n"))")
    }

    @Test("degree, in- and out-degree, strength", arguments: ReferenceGraphs.names)
    func degree(name: String) throws {
        try check(name, "degree", tolerance: 0) { DegreeCentrality.degrees($0).map(Double.init) }
        try check(name, "in_degree", tolerance: 0) { graph in graph.nodes.map { Double(graph.inDegree(of: $0)) } }
        try check(name, "out_degree", tolerance: 0) { graph in graph.nodes.map { Double(graph.degree(of: $0)) } }
        try check(name, "strength", tolerance: Self.exact) { Strength.strengths($0).values }
    }

    @Test("betweenness, unweighted and with weights as distances", arguments: ReferenceGraphs.names)
    func betweenness(name: String) throws {
        try check(name, "betweenness", tolerance: Self.exact) { try BetweennessCentrality().run(on: $0).values }
        // References computed by igraph compare path lengths within 1e-10; NetworkX exactly.
        let reference = try ReferenceGraphs.reference(name)
        let computedWith = (reference.section("computed_with")?["betweenness_weighted"] as? String) ?? "networkx"
        var weighted = BetweennessCentrality(weighting: .distance)
        if computedWith.hasPrefix("igraph") { weighted.lengthTolerance = BetweennessCentrality.igraphTolerance }
        try check(name, "betweenness_weighted", tolerance: Self.exact) { try weighted.run(on: $0).values }
    }

    @Test("closeness and harmonic", arguments: ReferenceGraphs.names)
    func closeness(name: String) throws {
        try check(name, "closeness", tolerance: Self.exact) { try ClosenessCentrality().run(on: $0).values }
        try check(name, "harmonic", tolerance: Self.exact) { try HarmonicCentrality().run(on: $0).values }
    }

    @Test("eigenvector and PageRank", arguments: ReferenceGraphs.names)
    func spectral(name: String) throws {
        try check(name, "eigenvector", tolerance: Self.iterative) { try EigenvectorCentrality().run(on: $0).values }
        try check(name, "pagerank", tolerance: Self.iterative) { try PageRank().run(on: $0).values }
        try check(name, "pagerank_weighted", tolerance: Self.iterative) {
            try PageRank(weighting: .strength).run(on: $0).values
        }
    }

    @Test("coreness", arguments: ReferenceGraphs.names)
    func coreness(name: String) throws {
        try check(name, "core_number", tolerance: 0) { CoreDecomposition.coreness($0).values }
    }

    @Test("average clustering and transitivity", arguments: ReferenceGraphs.names)
    func clustering(name: String) throws {
        let reference = try ReferenceGraphs.reference(name)
        let graph = try ReferenceGraphs.load(reference)
        guard !graph.isDirected else { return }
        if let expected = reference.graph["average_clustering"] as? Double {
            let scores = try ClusteringCoefficient().run(on: graph)
            #expect(abs(ClusteringCoefficient.averageClustering(scores) - expected) < Self.exact)
        }
        if let expected = reference.graph["transitivity"] as? Double {
            #expect(abs(ClusteringCoefficient.transitivity(graph) - expected) < Self.exact)
        }
    }
}
