import CercleAnalysis
import CercleCore
import Foundation
import PropertyBased
import Testing
import _CercleTestSupport

@Suite("Community detection")
struct CommunityTests {
    /// Rings of `k` cliques of `size` nodes, neighbouring cliques joined by one edge.
    static func ringOfCliques(_ k: Int, size: Int) -> ContactGraph {
        var edges: [(Int, Int)] = []
        for c in 0..<k {
            let base = c * size
            for i in 0..<size { for j in i + 1..<size { edges.append((base + i, base + j)) } }
            edges.append((base, ((c + 1) % k) * size + 1))
        }
        return TestGraphs.make(edges, nodeCount: k * size)
    }

    static func communityWeighting(_ reference: ReferenceValues) -> EdgeWeighting {
        ((reference.section("communities")?["weighted"] as? Bool) ?? false) ? .strength : .none
    }

    @Test("modularity equals NetworkX's on NetworkX's own Louvain partition", arguments: ReferenceGraphs.names)
    func modularityMatchesNetworkX(name: String) throws {
        let reference = try ReferenceGraphs.reference(name)
        guard let louvain = reference.section("communities")?["networkx_louvain_seed1"] as? [String: Any],
              let membership = louvain["membership"] as? [String: Any],
              let expected = louvain["modularity"] as? Double else { return }
        let graph = try ReferenceGraphs.load(reference)
        let lookup = NodeLookup(graph)
        var labels = [Int32](repeating: -1, count: graph.nodeCount)
        for (id, community) in membership {
            guard let node = lookup[id], let value = (community as? NSNumber)?.int32Value else { continue }
            labels[Int(node)] = value
        }
        #expect(!labels.contains(-1))
        let q = try Modularity.undirected(Partition(labels: labels), on: graph, weighting: Self.communityWeighting(reference))
        #expect(abs(q - expected) < 1e-9, "\(name): \(q) vs \(expected)")
    }

    /// The bar of the issue: Leiden's best of 10 seeds at least the best modularity the
    /// references found (igraph's Leiden and multilevel, NetworkX's Louvain) less 0.002.
    @Test("Leiden (best of 10 seeds) reaches the best modularity igraph and NetworkX found, less 0.002",
          arguments: ReferenceGraphs.names)
    func leidenQuality(name: String) throws {
        let reference = try ReferenceGraphs.reference(name)
        guard let communities = reference.section("communities"),
              let best = (communities["best_modularity_found"] as? [String: Any])?["modularity"] as? Double
        else { return }
        let graph = try ReferenceGraphs.load(reference)
        let weighting = Self.communityWeighting(reference)
        var leiden = Leiden(weighting: weighting)
        leiden.restarts = 10
        let partition = try leiden.run(on: graph)
        let q = try Modularity.undirected(partition, on: graph, weighting: weighting)
        #expect(q >= best - 0.002, "\(name): Leiden \(q), best reference \(best)")
        #expect(partition.membership.count == graph.nodeCount)
        // Louvain, best of 10, against NetworkX's Louvain.
        if let networkx = (communities["networkx_louvain_seed1"] as? [String: Any])?["modularity"] as? Double {
            var louvain = Louvain(weighting: weighting)
            louvain.restarts = 10
            let louvainQ = try Modularity.undirected(try louvain.run(on: graph), on: graph, weighting: weighting)
            #expect(louvainQ >= networkx - 0.002, "\(name): Louvain \(louvainQ), NetworkX \(networkx)")
        }
    }

    /// Mean NMI against the planted partition over ten seeds, ours and igraph's (run here,
    /// in the same process tree), so that one lucky or unlucky seed decides nothing.
    @Test("on LFR graphs Leiden recovers the planted communities at least as well as igraph's Leiden",
          arguments: Fixtures.syntheticNames)
    func plantedCommunities(name: String) throws {
        let reference = try ReferenceValues(synthetic: name)
        let graph = try ReferenceGraphs.load(reference)
        let planted = try Self.groundTruth(name, graph: graph)
        var total = 0.0
        for seed in 1...10 {
            let partition = try Leiden(seed: UInt64(seed), weighting: .none).run(on: graph)
            total += PartitionComparison.normalizedMutualInformation(partition, planted)
        }
        let ours = total / 10
        let peer = try Subprocess.python("""
            import sys, csv, random, igraph as ig
            rows = list(csv.DictReader(open(sys.argv[1])))
            truth = {r['node']: r['community'] for r in csv.DictReader(open(sys.argv[2]))}
            ids = sorted({r['source'] for r in rows} | {r['target'] for r in rows} | set(truth), key=int)
            index = {v: i for i, v in enumerate(ids)}
            g = ig.Graph(n=len(ids), edges=[(index[r['source']], index[r['target']]) for r in rows]).simplify()
            planted = ig.VertexClustering(g, [int(truth[v]) for v in ids])
            total = 0.0
            for seed in range(10):
                random.seed(seed)
                found = g.community_leiden(objective_function="modularity", n_iterations=-1)
                total += ig.compare_communities(planted, found, method="nmi")
            print(total / 10)
            """, [Fixtures.shared("synthetic/\(name).edges.csv").path, Fixtures.shared("synthetic/\(name).communities.csv").path])
        #expect(peer.status == 0, "\(peer.stderr)")
        let igraphNMI = Double(peer.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .infinity
        // 0.002 of slack, as for modularity: on lfr_n10000 one seed in ten of either
        // implementation may settle in a neighbouring optimum (NMI −0.003).
        #expect(ours >= igraphNMI - 0.002, "\(name): mean NMI \(ours) vs igraph \(igraphNMI)")
    }

    static func groundTruth(_ name: String, graph: ContactGraph) throws -> Partition {
        let text = try String(contentsOf: Fixtures.shared("synthetic/\(name).communities.csv"), encoding: .utf8)
        let lookup = NodeLookup(graph)
        var labels = [Int32](repeating: 0, count: graph.nodeCount)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 2, let node = lookup[String(fields[0])], let community = Int32(fields[1]) else { continue }
            labels[Int(node)] = community
        }
        return Partition(labels: labels)
    }

    @Test("the same seed gives the same partition; partitions cover every node once")
    func determinism() throws {
        let graph = try ReferenceGraphs.load(try ReferenceValues(network: "polbooks"))
        for method in ["leiden", "louvain", "lpa"] {
            func run(_ seed: UInt64) throws -> Partition {
                switch method {
                case "leiden": try Leiden(seed: seed, weighting: .none).run(on: graph)
                case "louvain": try Louvain(seed: seed, weighting: .none).run(on: graph)
                default: try LabelPropagation(seed: seed, weighting: .none).run(on: graph)
                }
            }
            let first = try run(7)
            #expect(try run(7) == first, "\(method)")
            #expect(first.membership.count == graph.nodeCount)
            #expect(first.sizes.reduce(0, +) == graph.nodeCount)
            #expect(first.sizes == first.sizes.sorted(by: >))
        }
    }

    @Test("a ring of cliques: each clique is a community, and merging two lowers modularity")
    func ringOfCliques() throws {
        let graph = Self.ringOfCliques(8, size: 5)
        for partition in [try Leiden(weighting: .none).run(on: graph), try Louvain(weighting: .none).run(on: graph)] {
            #expect(partition.count == 8)
            for community in partition.communities {
                #expect(Set(community.map { Int($0) / 5 }).count == 1)
            }
            let q = try Modularity.of(partition, on: graph, weighting: .none)
            var merged = partition.membership
            for node in merged.indices where merged[node] == 1 { merged[node] = 0 }
            #expect(try Modularity.of(Partition(labels: merged), on: graph, weighting: .none) < q)
        }
    }

    @Test("disconnected graphs and isolated nodes")
    func disconnected() throws {
        let graph = TestGraphs.make([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("x", "y", 1), ("y", "z", 1), ("x", "z", 1)],
                                    isolated: ["lonely"])
        for partition in [try Leiden().run(on: graph), try Louvain().run(on: graph), try LabelPropagation().run(on: graph)] {
            #expect(partition.count == 3)
            #expect(partition.sizes == [3, 3, 1])
        }
        let empty = GraphBuilder().build()
        #expect(try Leiden().run(on: empty).count == 0)
        #expect(try Modularity.of(Partition(labels: []), on: empty) == 0)
    }

    @Test("relabelling nodes does not change modularity", arguments: [3, 11, 29])
    func relabelling(seed: Int) throws {
        let graph = TestGraphs.random(nodes: 60, edges: 200, seed: UInt64(seed), weighted: true)
        let partition = try Leiden().run(on: graph)
        let q = try Modularity.of(partition, on: graph)
        // The same graph with edges inserted in reverse order gets other node indices.
        var builder = GraphBuilder()
        for edge in graph.edges.reversed() {
            builder.addEdge(graph.ids[Int(edge.target)], graph.ids[Int(edge.source)], weight: edge.weight)
        }
        let relabelled = builder.build()
        let lookup = NodeLookup(relabelled)
        var labels = [Int32](repeating: 0, count: relabelled.nodeCount)
        for node in graph.nodes {
            if let other = lookup[graph.ids[Int(node)]] { labels[Int(other)] = partition.membership[Int(node)] }
        }
        let q2 = try Modularity.of(Partition(labels: labels), on: relabelled)
        #expect(abs(q - q2) < 1e-12)
    }

    @Test("the constant Potts model splits a graph into denser parts as γ grows")
    func constantPotts() throws {
        let graph = Self.ringOfCliques(6, size: 6)
        // γ = 0.001: one community (96 − 0.63 = 95.37) beats six cliques (90 − 0.09);
        // γ = 0.5: six cliques (90 − 45 = 45) beat any merge.
        var loose = Leiden(quality: .constantPotts, resolution: 0.001, weighting: .none)
        loose.seed = 1
        let merged = try loose.run(on: graph)
        #expect(merged.count == 1, "\(merged.sizes)")
        var tight = Leiden(quality: .constantPotts, resolution: 0.5, weighting: .none)
        tight.seed = 1
        #expect(try tight.run(on: graph).count == 6)
    }

    @Test("NMI and ARI: identical, relabelled, independent")
    func comparison() {
        let a = Partition(labels: [0, 0, 0, 1, 1, 1, 2, 2, 2])
        let b = Partition(labels: [5, 5, 5, 3, 3, 3, 9, 9, 9])
        #expect(abs(PartitionComparison.normalizedMutualInformation(a, b) - 1) < 1e-12)
        #expect(abs(PartitionComparison.adjustedRandIndex(a, b) - 1) < 1e-12)
        let c = Partition(labels: [0, 1, 2, 0, 1, 2, 0, 1, 2])
        #expect(PartitionComparison.normalizedMutualInformation(a, c) < 1e-12)
        // ARI of this pair, by hand: index 0, expected 9·9/36 = 2.25, max 9 → −2.25/6.75.
        #expect(abs(PartitionComparison.adjustedRandIndex(a, c) - (-1.0 / 3.0)) < 1e-12)
    }
}
