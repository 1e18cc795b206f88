import CercleAnalysis
import CercleCore
import PropertyBased
import Testing
import _CercleTestSupport

@Suite("Centrality properties")
struct CentralityPropertyTests {
    @Test("PageRank sums to 1, with or without weights and personalisation")
    func pageRankSumsToOne() async {
        await propertyCheck(count: 30, input: Gen.int(in: 1...1_000_000), Gen.bool) { seed, directed in
            let graph = TestGraphs.random(nodes: 50, edges: 120, seed: UInt64(seed), directed: directed, weighted: true)
            for weighting in [EdgeWeighting.none, .strength] {
                let scores = try PageRank(weighting: weighting).run(on: graph)
                #expect(abs(scores.values.reduce(0, +) - 1) < 1e-10)
                #expect(scores.values.allSatisfy { $0 > 0 })
            }
            var personalised = PageRank()
            personalised.personalization = (0..<graph.nodeCount).map { $0 % 3 == 0 ? 1 : 0 }
            #expect(abs(try personalised.run(on: graph).values.reduce(0, +) - 1) < 1e-10)
        }
    }

    @Test("relabelling nodes permutes every score")
    func relabelling() async {
        await propertyCheck(count: 15, input: Gen.int(in: 1...1_000_000)) { seed in
            let graph = TestGraphs.random(nodes: 40, edges: 90, seed: UInt64(seed), weighted: true)
            var builder = GraphBuilder()
            for edge in graph.edges.reversed() {
                builder.addEdge(graph.ids[Int(edge.target)], graph.ids[Int(edge.source)], weight: edge.weight)
            }
            for id in graph.ids.reversed() { _ = builder.node(id) }
            let relabelled = builder.build()
            let lookup = NodeLookup(relabelled)
            let measures: [(String, (ContactGraph) throws -> [Double])] = [
                ("betweenness", { try BetweennessCentrality().run(on: $0).values }),
                ("weighted betweenness", { try BetweennessCentrality(weighting: .inverse).run(on: $0).values }),
                ("closeness", { try ClosenessCentrality().run(on: $0).values }),
                ("harmonic", { try HarmonicCentrality().run(on: $0).values }),
                ("pagerank", { try PageRank(weighting: .strength).run(on: $0).values }),
                ("coreness", { CoreDecomposition.coreness($0).values }),
                ("clustering", { try ClusteringCoefficient().run(on: $0).values }),
                ("constraint", { try BurtConstraint().run(on: $0).constraint.values }),
            ]
            for (name, compute) in measures {
                let a = try compute(graph), b = try compute(relabelled)
                for node in graph.nodes {
                    guard let other = lookup[graph.ids[Int(node)]] else { continue }
                    let x = a[Int(node)], y = b[Int(other)]
                    #expect(abs(x - y) < 1e-9 || (x.isNaN && y.isNaN), "\(name)")
                }
            }
        }
    }

    @Test("a star's centre lies on every path; leaves on none")
    func star() throws {
        let star = TestGraphs.star(6)
        let scores = try BetweennessCentrality().run(on: star)
        #expect(scores[0] == 1)
        #expect(scores.values.dropFirst().allSatisfy { $0 == 0 })
        #expect(scores.ranking().first == 0)
        #expect(DegreeCentrality.degrees(star).first == 6)
        #expect(DegreeCentrality.centralization(star) == 1)
        #expect(DegreeCentrality.centralization(TestGraphs.complete(5)) == 0)
    }

    @Test("results are the same on one thread and on all cores")
    func determinism() throws {
        let graph = TestGraphs.random(nodes: 300, edges: 1_500, seed: 5, weighted: true)
        let a = try BetweennessCentrality(weighting: .inverse).run(on: graph)
        let b = try BetweennessCentrality(weighting: .inverse).run(on: graph)
        #expect(a == b)
        let c = try ApproximateBetweenness(epsilon: 0.05, seed: 3).run(on: graph)
        let d = try ApproximateBetweenness(epsilon: 0.05, seed: 3).run(on: graph)
        #expect(c.scores == d.scores)
    }

    /// The guarantee of Riondato–Kornaropoulos, checked against the exact values on a
    /// 10,000-node graph (the exact values themselves match the reference top 10).
    @Test("sampled betweenness stays within its error bound on lfr_n10000")
    func approximateWithinBound() throws {
        let reference = try ReferenceValues(synthetic: "lfr_n10000_mu0.3")
        let graph = try ReferenceGraphs.load(reference)
        let exact = try BetweennessCentrality().run(on: graph)
        let sampled = try ApproximateBetweenness(epsilon: 0.005, delta: 0.1, seed: 1).run(on: graph)
        let worst = zip(exact.values, sampled.scores.values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= sampled.errorBound, "max error \(worst), bound \(sampled.errorBound)")
        #expect(sampled.samples > 0)
        // The ten most central nodes agree with the exact ones on at least eight.
        let top = Set(exact.top(10).map(\.node)), sampledTop = Set(sampled.scores.top(10).map(\.node))
        #expect(top.intersection(sampledTop).count >= 8)
    }

    @Test("weights: strengths refused as lengths, lengths refused as strengths")
    func weightConventions() {
        let graph = TestGraphs.make([("a", "b", 2), ("b", "c", 0)])
        #expect(throws: AnalysisError.self) { try BetweennessCentrality(weighting: .strength).run(on: graph) }
        #expect(throws: AnalysisError.self) { try BetweennessCentrality(weighting: .inverse).run(on: graph) }
        #expect(throws: AnalysisError.self) { try ClosenessCentrality(weighting: .neglog).run(on: graph) }
        #expect(throws: AnalysisError.self) { try PageRank(weighting: .inverse).run(on: graph) }
        #expect(throws: AnalysisError.self) {
            try KatzCentrality(alpha: 0.9).run(on: TestGraphs.complete(6))
        }
    }
}
