import CercleAnalysis
import CercleCore
import Foundation
import Testing
import _CercleTestSupport

@Suite("Warm paths: Yen's k shortest simple paths on −log strength")
struct WarmPathsTests {
    func ids(_ graph: ContactGraph, _ path: WarmPaths.Path) -> [String] { path.nodes.map { graph.ids[Int($0)] } }

    @Test("a path through a strong chain beats a shorter weak one")
    func strongChainWins() throws {
        let graph = InsightGraphs.make([], [
            ("s", "a", 0.9), ("a", "b", 0.9), ("b", "t", 0.9),
            ("s", "c", 0.3), ("c", "t", 0.3),
        ])
        let s = InsightGraphs.node(graph, "s"), t = InsightGraphs.node(graph, "t")
        let paths = try WarmPaths().run(on: graph, from: s, to: [t], k: 3)
        #expect(paths.map { ids(graph, $0) } == [["s", "a", "b", "t"], ["s", "c", "t"]])
        #expect(abs(paths[0].strength - 0.729) < 1e-12)
        #expect(abs(paths[1].strength - 0.09) < 1e-12)
        #expect(abs(paths[0].length + log(0.729)) < 1e-12)
        // A hop limit of 2 leaves only the weak path.
        let short = try WarmPaths(maximumHops: 2).run(on: graph, from: s, to: [t], k: 3)
        #expect(short.map { ids(graph, $0) } == [["s", "c", "t"]])
    }

    @Test("paths through different intermediaries are preferred; penalty 0 gives Yen's order")
    func diversified() throws {
        let graph = InsightGraphs.make([], [
            ("s", "x", 0.9), ("x", "t1", 0.9), ("x", "t2", 0.9), ("s", "y", 0.8), ("y", "t3", 0.8),
        ])
        let s = InsightGraphs.node(graph, "s")
        let targets = ["t1", "t2", "t3"].map { InsightGraphs.node(graph, $0) }
        let plain = try WarmPaths(sharedIntermediaryPenalty: 0).run(on: graph, from: s, to: targets, k: 2)
        #expect(plain.map { ids(graph, $0) } == [["s", "x", "t1"], ["s", "x", "t2"]])
        let varied = try WarmPaths().run(on: graph, from: s, to: targets, k: 2)
        #expect(varied.map { ids(graph, $0) } == [["s", "x", "t1"], ["s", "y", "t3"]])
    }

    @Test("a path never passes through one target to reach another")
    func targetsEndPaths() throws {
        let graph = InsightGraphs.make([], [("s", "t1", 0.5), ("t1", "t2", 1.0), ("s", "u", 0.2), ("u", "t2", 0.2)])
        let s = InsightGraphs.node(graph, "s")
        let paths = try WarmPaths.shortestSimplePaths(
            in: graph, from: s, to: [InsightGraphs.node(graph, "t1"), InsightGraphs.node(graph, "t2")], k: 5)
        #expect(paths.map { ids(graph, $0) } == [["s", "t1"], ["s", "u", "t2"]])
    }

    @Test("no path, no target, weights outside (0, 1]")
    func edgeCases() throws {
        let graph = InsightGraphs.make([InsightGraphs.Person(id: "lonely")], [("s", "a", 0.5)])
        let s = InsightGraphs.node(graph, "s")
        #expect(try WarmPaths().run(on: graph, from: s, to: [InsightGraphs.node(graph, "lonely")], k: 3).isEmpty)
        #expect(try WarmPaths().run(on: graph, from: s, to: [s], k: 3).isEmpty)
        let heavy = InsightGraphs.make([], [("s", "a", 2)])
        #expect(throws: AnalysisError.self) {
            try WarmPaths().run(on: heavy, from: 0, to: [1], k: 1)
        }
    }

    @Test("Yen's paths and lengths equal NetworkX's shortest_simple_paths on −log weights")
    func matchesNetworkX() throws {
        var state: UInt64 = 2_026
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var ties: [(String, String, Double)] = []
        var seen = Set<String>()
        while ties.count < 70 {
            let u = Int(next() % 25), v = Int(next() % 25)
            guard u != v, seen.insert("\(min(u, v))-\(max(u, v))").inserted else { continue }
            ties.append(("n\(u)", "n\(v)", 0.05 + 0.95 * Double(next() % 1_000_000) / 1_000_000))
        }
        let graph = InsightGraphs.make((0..<25).map { InsightGraphs.Person(id: "n\($0)") }, ties)
        let k = 12
        var expectedRuns: [[String]] = []
        var gotRuns: [[String]] = []
        let pairs = [("n0", "n24"), ("n3", "n17"), ("n11", "n5")]
        for (source, target) in pairs {
            let paths = try WarmPaths.shortestSimplePaths(
                in: graph, from: InsightGraphs.node(graph, source), to: [InsightGraphs.node(graph, target)], k: k)
            gotRuns.append(paths.map { ids(graph, $0).joined(separator: ">") + String(format: "=%.9f", $0.length) })
        }
        let edges = ties.map { "\($0.0) \($0.1) \(AttributeValue.format($0.2))" }.joined(separator: ";")
        let python = try Subprocess.python("""
            import sys, math, itertools, networkx as nx
            G = nx.Graph()
            G.add_nodes_from('n%d' % i for i in range(25))
            for item in sys.argv[1].split(';'):
                u, v, w = item.split(' ')
                G.add_edge(u, v, length=-math.log(float(w)))
            k = int(sys.argv[2])
            for pair in sys.argv[3].split(';'):
                s, t = pair.split(' ')
                rows = []
                for path in itertools.islice(nx.shortest_simple_paths(G, s, t, weight='length'), k):
                    length = sum(G[a][b]['length'] for a, b in zip(path, path[1:]))
                    rows.append('>'.join(path) + '=%.9f' % length)
                print('|'.join(rows))
            """, [edges, String(k), pairs.map { "\($0.0) \($0.1)" }.joined(separator: ";")])
        #expect(python.status == 0, "\(python.stderr)")
        expectedRuns = python.stdout.split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        #expect(expectedRuns.count == pairs.count)
        for (got, expected) in zip(gotRuns, expectedRuns) {
            #expect(got.count == k)
            #expect(got == expected)
        }
    }
}
