import CercleAnalysis
import CercleCore
import Foundation
import Testing
import _CercleTestSupport

@Suite("Weak ties and structural holes")
struct WeakTiesTests {
    static func values(_ reference: ReferenceValues, _ metric: String) -> [String: Double]? {
        guard let section = reference.section(metric), let values = section["values"] as? [String: Any] else { return nil }
        return values.compactMapValues { ($0 as? NSNumber)?.doubleValue ?? (($0 as? String) == "nan" ? .nan : nil) }
    }

    func compare(_ actual: NodeScores, _ expected: [String: Double], graph: ContactGraph, name: String) {
        let lookup = NodeLookup(graph)
        var problems: [String] = []
        for (id, value) in expected {
            guard let node = lookup[id] else { problems.append("missing \(id)"); continue }
            let got = actual[node]
            if !(abs(got - value) <= 1e-9 || (got.isNaN && value.isNaN)) { problems.append("\(id): \(got) vs \(value)") }
        }
        #expect(problems.isEmpty, "\(name) \(actual.name): \(problems.prefix(5))")
    }

    @Test("constraint and effective size equal NetworkX's, with and without weights", arguments: ReferenceGraphs.names)
    func burtMeasures(name: String) throws {
        let reference = try ReferenceGraphs.reference(name)
        let graph = try ReferenceGraphs.load(reference)
        if Self.values(reference, "constraint") != nil {
            let plain = try BurtConstraint().run(on: graph)
            if let expected = Self.values(reference, "constraint") { compare(plain.constraint, expected, graph: graph, name: name) }
            if let expected = Self.values(reference, "effective_size") { compare(plain.effectiveSize, expected, graph: graph, name: name) }
        }
        if Self.values(reference, "constraint_weighted") != nil {
            let weighted = try BurtConstraint(weighted: true).run(on: graph)
            if let expected = Self.values(reference, "constraint_weighted") { compare(weighted.constraint, expected, graph: graph, name: name) }
            if let expected = Self.values(reference, "effective_size_weighted") {
                compare(weighted.effectiveSize, expected, graph: graph, name: name)
            }
        }
    }

    @Test("bridges and local bridges with span equal NetworkX's", arguments: ReferenceGraphs.names)
    func bridges(name: String) throws {
        let reference = try ReferenceGraphs.reference(name)
        let graph = try ReferenceGraphs.load(reference)
        let (sources, targets) = graph.edgeEndpoints()
        func pair(_ edge: Int) -> Set<String> { [graph.ids[Int(sources[edge])], graph.ids[Int(targets[edge])]] }
        if let section = reference.section("bridges") {
            let found = Bridges.find(graph)
            #expect(found.filter { $0 }.count == section["count"] as? Int, "\(name) bridge count")
            if let edges = section["edges"] as? [[String]] {
                let expected = Set(edges.map { Set($0) })
                let actual = Set(found.indices.filter { found[$0] }.map(pair))
                #expect(actual == expected, "\(name) bridges")
            }
        }
        if let section = reference.section("local_bridges") {
            let found = LocalBridges.find(graph)
            #expect(found.isLocalBridge.filter { $0 }.count == section["count"] as? Int, "\(name) local bridge count")
            if let edges = section["edges"] as? [[Any]] {
                var expected: [Set<String>: Double] = [:]
                for edge in edges {
                    guard edge.count == 3, let a = edge[0] as? String, let b = edge[1] as? String else { continue }
                    expected[[a, b]] = (edge[2] as? NSNumber)?.doubleValue ?? .infinity
                }
                var actual: [Set<String>: Double] = [:]
                for id in found.isLocalBridge.indices where found.isLocalBridge[id] { actual[pair(id)] = found.span[id] }
                #expect(actual == expected, "\(name) local bridges")
            }
        }
    }

    @Test("Borgatti's shortcut equals Burt's general formula on unweighted undirected graphs", arguments: [1, 2, 3])
    func borgattiShortcut(seed: Int) throws {
        // Every weight 1 (the random generator sums the weights of repeated pairs).
        let random = TestGraphs.random(nodes: 80, edges: 300, seed: UInt64(seed))
        let graph = TestGraphs.make(random.edges.map { (random.ids[Int($0.source)], random.ids[Int($0.target)], 1.0) })
        let shortcut = try BurtConstraint().run(on: graph)
        let general = try BurtConstraint(weighted: true).run(on: graph)   // every weight is 1
        for node in graph.nodes {
            let a = shortcut.effectiveSize[node], b = general.effectiveSize[node]
            #expect(abs(a - b) < 1e-12 || (a.isNaN && b.isNaN))
        }
    }

    /// Hierarchy, by hand. Ego i with contacts j, k, l; j–k tied. p = 1/3 each; p_kj = p_jk = ½.
    /// c_ij = c_ik = (1/3 + 1/3 · 1/2)² = 1/4, c_il = (1/3)² = 1/9, C = 11/18, N = 3,
    /// c̄ = 11/54: H = [2 (27/22) ln(27/22) + (6/11) ln(6/11)] / (3 ln 3).
    @Test("hierarchy: hand-computed cases")
    func hierarchy() throws {
        let graph = TestGraphs.make([("i", "j", 1), ("i", "k", 1), ("i", "l", 1), ("j", "k", 1)])
        let result = try BurtConstraint().run(on: graph)
        let expected = (2 * (27.0 / 22) * log(27.0 / 22) + (6.0 / 11) * log(6.0 / 11)) / (3 * log(3.0))
        #expect(abs(result.hierarchy[0] - expected) < 1e-12)
        #expect(abs(result.constraint[0] - 11.0 / 18) < 1e-12)
        // Effective size: 3 − 2·1/3 = 7/3; efficiency 7/9.
        #expect(abs(result.effectiveSize[0] - 7.0 / 3) < 1e-12)
        #expect(abs(result.efficiency[0] - 7.0 / 9) < 1e-12)
        // Evenly spread constraint (a star): hierarchy 0. One contact: 0.
        let star = try BurtConstraint().run(on: TestGraphs.star(4))
        #expect(abs(star.hierarchy[0]) < 1e-12)
        #expect(star.hierarchy[1] == 0)
        #expect(star.constraint[1] == 1)
        // Isolated nodes: NaN, as NetworkX.
        let lonely = try BurtConstraint().run(on: TestGraphs.make([("a", "b", 1)], isolated: ["z"]))
        #expect(lonely.constraint[2].isNaN)
        #expect(lonely.effectiveSize[2].isNaN)
    }

    /// Broker b; groups a:1 b:1 c:2 d:2 e:1 f:3; a→b, d→b, f→b, b→c, b→e.
    /// (a,c) representative; (a,e) coordinator; (d,c) itinerant; (d,e) gatekeeper;
    /// (f,c) liaison; (f,e) gatekeeper. With a→c present, (a,c) is no brokerage.
    @Test("brokerage roles: hand-computed directed and undirected cases")
    func brokerage() {
        let edges: [(String, String, Double)] = [("a", "b", 1), ("d", "b", 1), ("f", "b", 1), ("b", "c", 1), ("b", "e", 1)]
        let graph = TestGraphs.make(edges, directed: true)
        let lookup = NodeLookup(graph)
        let groupOf = ["a": 1, "b": 1, "c": 2, "d": 2, "e": 1, "f": 3]
        let groups = graph.ids.map { Int32(groupOf[$0] ?? 0) }
        let b = lookup["b"] ?? -1
        let roles = BrokerageRoles.compute(graph, groups: groups)
        #expect(roles.coordinator[b] == 1)
        #expect(roles.itinerant[b] == 1)
        #expect(roles.representative[b] == 1)
        #expect(roles.gatekeeper[b] == 2)
        #expect(roles.liaison[b] == 1)
        #expect(roles.total[b] == 6)
        #expect(roles.total[lookup["a"] ?? -1] == 0)
        let closed = TestGraphs.make(edges + [("a", "c", 1)], directed: true)
        let closedRoles = BrokerageRoles.compute(closed, groups: closed.ids.map { Int32(groupOf[$0] ?? 0) })
        #expect(closedRoles.representative[NodeLookup(closed)["b"] ?? -1] == 0)
        // Undirected: the path a – b – c counts once; b shares a group with a only:
        // ½ representative, ½ gatekeeper.
        let path = TestGraphs.make([("a", "b", 1), ("b", "c", 1)])
        let pathRoles = BrokerageRoles.compute(path, groups: [1, 1, 2])
        #expect(pathRoles.representative[1] == 0.5)
        #expect(pathRoles.gatekeeper[1] == 0.5)
        #expect(pathRoles.total[1] == 1)
    }

    @Test("overlap, embeddedness and Jaccard on a small case")
    func overlap() {
        // Triangle a-b-c plus a pendant d on a: edge a-b has one common neighbour (c).
        let graph = TestGraphs.make([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("a", "d", 1)])
        let result = NeighbourhoodOverlap.compute(graph)
        let index = graph.makeEdgeIndex()
        let ab = graph.edgeID(from: 0, to: 1, index: index) ?? -1
        let ad = graph.edgeID(from: 0, to: 3, index: index) ?? -1
        // k_a = 3, k_b = 2, n = 1: O = 1 / (2 + 1 − 1) = ½; Jaccard = 1 / (3 + 2 − 1) = ¼.
        #expect(result.embeddedness[ab] == 1)
        #expect(result.overlap[ab] == 0.5)
        #expect(result.jaccard[ab] == 0.25)
        #expect(result.overlap[ad] == 0)
    }

    @Test("ties classify as weak below the median strength; crossings follow the partition")
    func classification() {
        let graph = TestGraphs.make([("a", "b", 1), ("b", "c", 2), ("c", "d", 3), ("d", "a", 4)])
        let result = TieClassification().run(on: graph)
        #expect(result.threshold == 2.5)
        #expect(result.isWeak.filter { $0 }.count == 2)
        let fixed = TieClassification(threshold: 4).run(on: graph)
        #expect(fixed.isWeak.filter { $0 }.count == 3)
        let crossing = TieClassification.crossesCommunities(graph, partition: Partition(labels: [0, 0, 1, 1]))
        #expect(crossing.filter { $0 }.count == 2)
    }
}
