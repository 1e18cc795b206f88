import CercleCore
import Foundation
import PropertyBased
import Testing
import _CercleTestSupport

@Suite("GraphBuilder and the CSR")
struct GraphBuilderTests {
    @Test("the empty graph has no node and no edge")
    func emptyGraph() {
        let graph = GraphBuilder().build()
        #expect(graph.nodeCount == 0)
        #expect(graph.edgeCount == 0)
        #expect(graph.offsets == [0])
        #expect(Array(graph.edges).isEmpty)
    }

    @Test("isolated nodes are kept with degree 0")
    func isolatedNodes() {
        let graph = TestGraphs.make([("a", "b", 1)], isolated: ["c", "d"])
        #expect(graph.nodeCount == 4)
        #expect(graph.edgeCount == 1)
        #expect(graph.degree(of: 2) == 0)
        #expect(graph.ids == ["a", "b", "c", "d"])
    }

    @Test("parallel edges merge: weights summed, one edge")
    func parallelEdgesMerge() {
        var builder = GraphBuilder()
        builder.addEdge("a", "b", weight: 2)
        builder.addEdge("b", "a", weight: 3)
        builder.addEdge("a", "b", weight: 0.5)
        let (graph, summary) = builder.buildWithSummary()
        #expect(graph.edgeCount == 1)
        #expect(graph.weight(from: 0, to: 1) == 5.5)
        #expect(graph.weight(from: 1, to: 0) == 5.5)
        #expect(summary.mergedParallelEdges == 2)
    }

    @Test("directed parallel edges merge only in the same direction")
    func directedParallelEdges() {
        var builder = GraphBuilder(directed: true)
        builder.addEdge("a", "b", weight: 1)
        builder.addEdge("b", "a", weight: 1)
        builder.addEdge("a", "b", weight: 1)
        let graph = builder.build()
        #expect(graph.edgeCount == 2)
        #expect(graph.weight(from: 0, to: 1) == 2)
        #expect(graph.weight(from: 1, to: 0) == 1)
        #expect(Array(graph.inNeighbors(of: 1)) == [0])
        #expect(graph.inDegree(of: 0) == 1)
    }

    @Test("self-loops are dropped by default and kept on request")
    func selfLoops() {
        var dropping = GraphBuilder()
        dropping.addEdge("a", "a")
        dropping.addEdge("a", "b")
        let (dropped, summary) = dropping.buildWithSummary()
        #expect(dropped.edgeCount == 1)
        #expect(summary.droppedSelfLoops == 1)

        var keeping = GraphBuilder(selfLoops: .keep)
        keeping.addEdge("a", "a", weight: 2)
        keeping.addEdge("a", "b")
        let kept = keeping.build()
        #expect(kept.edgeCount == 2)
        #expect(Array(kept.neighbors(of: 0)) == [0, 1])
        #expect(kept.weight(from: 0, to: 0) == 2)
        // The loop is stored once, so the slot count is 2m − loops.
        #expect(kept.targets.count == 3)
    }

    @Test("Unicode ids survive untouched")
    func unicodeIDs() {
        let graph = TestGraphs.make([("Zoë Müller", "José Núñez", 1), ("José Núñez", "李雷", 1), ("🙂", "Zoë Müller", 1)])
        #expect(graph.ids == ["Zoë Müller", "José Núñez", "李雷", "🙂"])
        let lookup = NodeLookup(graph)
        #expect(lookup["李雷"] == 2)
        #expect(graph.edgeCount == 3)
    }

    @Test("edge ids enumerate undirected pairs once, in (u, v) order")
    func edgeIDs() throws {
        let graph = TestGraphs.make([(2, 0), (0, 1), (1, 2), (3, 1)], nodeCount: 4)
        let edges = Array(graph.edges)
        #expect(edges.map(\.id) == [0, 1, 2, 3])
        #expect(edges.map { [$0.source, $0.target] } == [[0, 1], [0, 2], [1, 2], [1, 3]])
        let index = graph.makeEdgeIndex()
        for edge in edges {
            #expect(graph.edgeID(from: edge.source, to: edge.target, index: index) == edge.id)
            #expect(graph.edgeID(from: edge.target, to: edge.source, index: index) == edge.id)
        }
        for u in graph.nodes {
            for slot in graph.offsets[Int(u)]..<graph.offsets[Int(u) + 1] {
                let v = graph.targets[slot]
                let id = index.edgeID(node: u, slot: slot, in: graph)
                #expect(edges[id].source == min(u, v) && edges[id].target == max(u, v))
            }
        }
        #expect(graph.edgeID(from: 0, to: 3, index: index) == nil)
    }

    @Test("edge attributes follow the merged edge (first non-missing value)")
    func edgeAttributesMerge() {
        var builder = GraphBuilder()
        let first = builder.addEdge("b", "a")
        builder.setEdgeAttribute("kind", nil, edge: first)
        let second = builder.addEdge("a", "c")
        builder.setEdgeAttribute("kind", .string("work"), edge: second)
        let third = builder.addEdge("a", "b")
        builder.setEdgeAttribute("kind", .string("friend"), edge: third)
        let graph = builder.build()
        let index = graph.makeEdgeIndex()
        let lookup = NodeLookup(graph)
        let (a, b, c) = (lookup["a"] ?? -1, lookup["b"] ?? -1, lookup["c"] ?? -1)
        let ab = graph.edgeID(from: a, to: b, index: index) ?? -1
        let ac = graph.edgeID(from: a, to: c, index: index) ?? -1
        #expect(graph.edgeAttributes.value("kind", at: ab) == .string("friend"))
        #expect(graph.edgeAttributes.value("kind", at: ac) == .string("work"))
    }

    @Test("an undirected weighted graph costs 24 bytes per edge plus 8 per node")
    func memoryPerEdge() {
        let graph = TestGraphs.random(nodes: 2_000, edges: 20_000, seed: 7, weighted: true)
        let expected = 24 * graph.edgeCount + 8 * (graph.nodeCount + 1)
        #expect(graph.adjacencyBytes == expected)
    }

    @Test("CSR invariants hold on random graphs", arguments: [false, true])
    func invariants(directed: Bool) async {
        await propertyCheck(count: 40, input: Gen.int(in: 1...1_000_000)) { seed in
            let graph = TestGraphs.random(nodes: 60, edges: 200, seed: UInt64(seed), directed: directed)
            // Degree sum is 2m (undirected, no loops) or m (directed out-degrees).
            let degreeSum = graph.nodes.reduce(0) { $0 + graph.degree(of: $1) }
            #expect(degreeSum == (directed ? graph.edgeCount : 2 * graph.edgeCount))
            for u in graph.nodes {
                let neighbors = Array(graph.neighbors(of: u))
                // Sorted, without duplicates (parallel edges merged).
                #expect(zip(neighbors, neighbors.dropFirst()).allSatisfy { $0 < $1 })
                for v in neighbors {
                    if directed {
                        #expect(graph.inNeighbors(of: v).contains(u))
                    } else {
                        #expect(graph.hasEdge(from: v, to: u))
                        #expect(graph.weight(from: u, to: v) == graph.weight(from: v, to: u))
                    }
                }
            }
        }
    }

    @Test("relabelling: the same edges in another order give the same graph up to the id map")
    func relabelling() async {
        await propertyCheck(count: 30, input: Gen.int(in: 1...1_000_000)) { seed in
            var generator = SeededGenerator(seed: UInt64(seed))
            var edges: [(String, String, Double)] = []
            for _ in 0..<80 {
                let u = Int.random(in: 0..<30, using: &generator)
                let v = Int.random(in: 0..<30, using: &generator)
                if u != v { edges.append(("n\(u)", "n\(v)", Double(Int.random(in: 1...5, using: &generator)))) }
            }
            let original = TestGraphs.make(edges)
            let shuffled = TestGraphs.make(edges.shuffled(using: &generator))
            #expect(original.nodeCount == shuffled.nodeCount)
            #expect(original.edgeCount == shuffled.edgeCount)
            let lookup = NodeLookup(shuffled)
            for edge in original.edges {
                let u = lookup[original.ids[Int(edge.source)]] ?? -1
                let v = lookup[original.ids[Int(edge.target)]] ?? -1
                #expect(shuffled.weight(from: u, to: v) == edge.weight)
            }
        }
    }
}
