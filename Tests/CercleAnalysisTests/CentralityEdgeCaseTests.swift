import CercleAnalysis
import CercleCore
import Foundation
import Testing
import _CercleTestSupport

/// The edge-case catalogue (empty, one node, isolated nodes, star, path, complete, cycle,
/// self-loop, disconnected, directed, weighted) with every measure compared to NetworkX,
/// run here on the same graphs in one Python process.
@Suite("Centrality edge cases against NetworkX")
struct CentralityEdgeCaseTests {
    struct Case {
        var name: String
        var directed = false
        var nodes: [String]
        var edges: [(String, String, Double)]
    }

    static let cases: [Case] = {
        func numbered(_ pairs: [(Int, Int)], nodes: Int, directed: Bool = false, name: String) -> Case {
            Case(name: name, directed: directed, nodes: (0..<nodes).map(String.init),
                 edges: pairs.map { (String($0.0), String($0.1), 1) })
        }
        return [
            numbered([], nodes: 0, name: "empty"),
            numbered([], nodes: 1, name: "one node"),
            numbered([], nodes: 3, name: "three isolated"),
            numbered([(0, 1), (0, 2), (0, 3), (0, 4)], nodes: 5, name: "star"),
            numbered([(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)], nodes: 6, name: "path"),
            numbered((0..<5).flatMap { u in (u + 1..<5).map { (u, $0) } }, nodes: 5, name: "complete"),
            numbered((0..<7).map { ($0, ($0 + 1) % 7) }, nodes: 7, name: "cycle"),
            numbered([(0, 0), (0, 1), (1, 2), (2, 0), (2, 2)], nodes: 3, name: "self-loops"),
            numbered([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5)], nodes: 7, name: "disconnected"),
            numbered([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (5, 0)], nodes: 6, directed: true, name: "directed"),
            Case(name: "weighted", nodes: ["a", "b", "c", "d", "e"],
                 edges: [("a", "b", 0.5), ("b", "c", 2), ("a", "c", 3), ("c", "d", 1), ("d", "e", 0.25), ("b", "e", 4)]),
        ]
    }()

    static func graph(_ test: Case) -> ContactGraph {
        var builder = GraphBuilder(directed: test.directed, selfLoops: .keep)
        for node in test.nodes { _ = builder.node(node) }
        for (u, v, w) in test.edges { builder.addEdge(u, v, weight: w) }
        return builder.build()
    }

    static let script = """
        import json, sys, networkx as nx
        out = {}
        for case in json.load(sys.stdin):
            G = nx.DiGraph() if case["directed"] else nx.Graph()
            G.add_nodes_from(case["nodes"])
            G.add_weighted_edges_from(case["edges"])
            r = {}
            def put(name, f):
                try:
                    r[name] = {str(k): float(v) for k, v in f().items()}
                except Exception as e:
                    r[name] = None
            put("degree", lambda: dict(G.degree()))
            put("betweenness", lambda: nx.betweenness_centrality(G))
            put("betweenness_endpoints", lambda: nx.betweenness_centrality(G, endpoints=True))
            put("betweenness_raw", lambda: nx.betweenness_centrality(G, normalized=False))
            put("betweenness_distance", lambda: nx.betweenness_centrality(G, weight="weight"))
            put("closeness", lambda: nx.closeness_centrality(G))
            put("closeness_distance", lambda: nx.closeness_centrality(G, distance="weight"))
            put("harmonic", lambda: nx.harmonic_centrality(G))
            put("pagerank", lambda: nx.pagerank(G, weight=None, tol=1e-13, max_iter=10000))
            put("pagerank_weighted", lambda: nx.pagerank(G, weight="weight", tol=1e-13, max_iter=10000))
            put("katz", lambda: nx.katz_centrality(G, alpha=0.1, tol=1e-13, max_iter=100000))
            put("strength", lambda: dict(G.degree(weight="weight")))
            H = G.copy(); H.remove_edges_from(nx.selfloop_edges(H))
            put("coreness", lambda: nx.core_number(H))
            put("clustering", lambda: nx.clustering(G))
            put("clustering_weighted", lambda: nx.clustering(G, weight="weight") if not G.is_directed() else {}.fromkeys([]))
            put("triangles", lambda: nx.triangles(G) if not G.is_directed() else {}.fromkeys([]))
            # Burt's measures: node by node (NetworkX 3.6's vectorised whole-graph path
            # divides m_jq by the wrong endpoint's maximum), on the graph without its
            # self-loops (Burt's p_ij is defined for j ≠ i; Cercle ignores loops).
            nodes = list(H)
            put("constraint", lambda: nx.constraint(H, nodes=nodes))
            put("effective_size", lambda: nx.effective_size(H, nodes=nodes))
            put("constraint_weighted", lambda: nx.constraint(H, nodes=nodes, weight="weight"))
            put("effective_size_weighted", lambda: nx.effective_size(H, nodes=nodes, weight="weight"))
            try:
                eb = nx.edge_betweenness_centrality(G)
                r["edge_betweenness"] = {f"{u}|{v}": float(x) for (u, v), x in eb.items()}
            except Exception:
                r["edge_betweenness"] = None
            out[case["name"]] = r
        # JSON has no NaN (NetworkX gives it for isolated nodes' constraint): send it as text.
        print(json.dumps(out).replace("NaN", '"nan"'))
        """

    static let reference: [String: [String: [String: Double]?]] = {
        let payload = cases.map { test -> [String: Any] in
            ["name": test.name, "directed": test.directed, "nodes": test.nodes,
             "edges": test.edges.map { [$0.0, $0.1, $0.2] as [Any] }]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: payload),
              let result = try? Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], input: data),
              result.status == 0,
              let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]]
        else { return [:] }
        return object.mapValues { measures in
            measures.mapValues {
                ($0 as? [String: Any])?.compactMapValues { ($0 as? NSNumber)?.doubleValue ?? (($0 as? String) == "nan" ? .nan : nil) }
            }
        }
    }()

    func check(_ test: Case, _ measure: String, _ compute: (ContactGraph) throws -> [Double], tolerance: Double = 1e-9) throws {
        let expectedByCase = try #require(Self.reference[test.name], "NetworkX did not run")
        guard let expectedOrNil = expectedByCase[measure], let expected = expectedOrNil else { return }
        let graph = Self.graph(test)
        let values = try compute(graph)
        let lookup = NodeLookup(graph)
        for (id, value) in expected {
            let node = try #require(lookup[id])
            let got = values[Int(node)]
            #expect(abs(got - value) <= tolerance || (got.isNaN && value.isNaN),
                    "\(test.name) \(measure) \(id): \(got) vs NetworkX \(value)")
        }
    }

    @Test("every measure on every edge case", arguments: cases.map(\.name))
    func catalogue(name: String) throws {
        let test = try #require(Self.cases.first { $0.name == name })
        try check(test, "degree") { DegreeCentrality.degrees($0).map(Double.init) }
        try check(test, "strength") { Strength.strengths($0).values }
        try check(test, "betweenness") { try BetweennessCentrality().run(on: $0).values }
        try check(test, "betweenness_endpoints") { try BetweennessCentrality(endpoints: true).run(on: $0).values }
        try check(test, "betweenness_raw") { try BetweennessCentrality(normalized: false).run(on: $0).values }
        try check(test, "betweenness_distance") { try BetweennessCentrality(weighting: .distance).run(on: $0).values }
        try check(test, "closeness") { try ClosenessCentrality().run(on: $0).values }
        try check(test, "closeness_distance") { try ClosenessCentrality(weighting: .distance).run(on: $0).values }
        try check(test, "harmonic") { try HarmonicCentrality().run(on: $0).values }
        try check(test, "pagerank", { try PageRank().run(on: $0).values }, tolerance: 1e-10)
        try check(test, "pagerank_weighted", { try PageRank(weighting: .strength).run(on: $0).values }, tolerance: 1e-10)
        try check(test, "katz", { try KatzCentrality(alpha: 0.1).run(on: $0).values }, tolerance: 1e-9)
        try check(test, "coreness") { CoreDecomposition.coreness($0).values }
        try check(test, "clustering") { try ClusteringCoefficient().run(on: $0).values }
        if !test.directed {
            try check(test, "clustering_weighted") { try ClusteringCoefficient(weighting: .strength).run(on: $0).values }
            try check(test, "triangles") { ClusteringCoefficient.triangles($0).values }
        }
        try check(test, "constraint") { try BurtConstraint().run(on: $0).constraint.values }
        try check(test, "effective_size") { try BurtConstraint().run(on: $0).effectiveSize.values }
        try check(test, "constraint_weighted") { try BurtConstraint(weighted: true).run(on: $0).constraint.values }
        try check(test, "effective_size_weighted") { try BurtConstraint(weighted: true).run(on: $0).effectiveSize.values }

        if let expectedOrNil = Self.reference[test.name]?["edge_betweenness"], let expected = expectedOrNil {
            let graph = Self.graph(test)
            let scores = try EdgeBetweennessCentrality().run(on: graph)
            let lookup = NodeLookup(graph)
            let index = graph.makeEdgeIndex()
            for (key, value) in expected {
                let ends = key.split(separator: "|").map(String.init)
                let u = try #require(lookup[ends[0]]), v = try #require(lookup[ends[1]])
                let id = try #require(graph.edgeID(from: u, to: v, index: index))
                #expect(abs(scores[id] - value) < 1e-9, "\(test.name) edge \(key): \(scores[id]) vs \(value)")
            }
        }
    }
}
