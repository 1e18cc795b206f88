import CercleAnalysis
import CercleBuiltins
import CercleCore
import CercleRender
import Foundation
import Testing
import _CercleTestSupport

/// The scenes the maps are drawn from: colours, sizes, labels, edge styles, budgets and
/// the ego map's rings, checked on graphs whose answers are known.
@Suite("Map scenes")
struct MapSceneTests {
    static func karate() throws -> ContactGraph {
        try TestGraphs.load([Fixtures.shared("networks/karate_weighted.edges.csv"),
                             Fixtures.shared("networks/karate_weighted.nodes.csv")], registry: .builtIn).graph
    }

    @Test("one node per person, one edge per tie, colours by community with the largest first")
    func fullMap() throws {
        let graph = try Self.karate()
        let data = try MapData.compute(graph, options: MapOptions())
        let scene = try NetworkMap.scene(data, options: MapOptions())
        #expect(scene.kind == .full)
        #expect(scene.drawnNodes.count == 34)
        #expect(scene.edges.count == 78)
        #expect(scene.engine == "neato")
        // The largest community takes the palette's first colour, the next the second.
        let sizes = data.partition.sizes
        let largest = sizes.indices.max { sizes[$0] != sizes[$1] ? sizes[$0] < sizes[$1] : $0 > $1 } ?? 0
        let member = try #require(graph.nodes.first { data.partition[$0] == largest })
        #expect(scene.nodes[Int(member)].fill == Palette.categorical[0])
        // Colours depend on the partition only: computing again gives the same scene.
        #expect(try NetworkMap.scene(MapData.compute(graph, options: MapOptions()), options: MapOptions()) == scene)
        // The node with the highest PageRank is the biggest and is labelled.
        let top = data.sizeScores.ranking()[0]
        #expect(scene.nodes[Int(top)].size == scene.nodes.map(\.size).max())
        #expect(!scene.nodes[Int(top)].label.isEmpty)
        // Labels: the 25 most central only.
        #expect(scene.nodes.filter { !$0.label.isEmpty }.count == 25)
        // Half of the ties (below the median strength) are dashed; bridges are not weak-styled.
        let dashed = scene.edges.filter { $0.style == "dashed" }.count
        #expect(dashed == data.isWeak.enumerated().filter { $0.element && !data.isBridge[$0.offset] }.count)
        #expect(dashed > 0)
    }

    @Test("colouring by an attribute: most frequent value first, unknown values grey")
    func attributeColours() throws {
        let graph = TestGraphs.make([("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("d", "e", 1)])
        var withClub = graph
        withClub.nodeAttributes.set(AttributeColumn(name: "club", strings: ["x", "y", "y", nil, "z"]))
        var options = MapOptions()
        options.coloring = .attribute("club")
        let data = try MapData.compute(withClub, options: options)
        let scene = try NetworkMap.full(data, options: options)
        let fills = scene.nodes.map(\.fill)
        #expect(fills[1] == Palette.categorical[0] && fills[2] == Palette.categorical[0])  // y: twice
        #expect(fills[0] == Palette.categorical[1])  // x before z by name
        #expect(fills[4] == Palette.categorical[2])
        #expect(fills[3] == "#DDDDDD")
        #expect(scene.legend.contains { $0.text == "no club (1)" })
        options.coloring = .attribute("missing")
        #expect(throws: RenderError.self) { try NetworkMap.full(data, options: options) }
    }

    @Test("beyond nine communities, colours follow the palette's fixed rule, never random")
    func manyCommunities() throws {
        // Twelve disjoint triangles: twelve communities of equal size, ranked by first member.
        var edges: [(Int, Int)] = []
        for block in 0..<12 { edges += [(3 * block, 3 * block + 1), (3 * block + 1, 3 * block + 2), (3 * block, 3 * block + 2)] }
        let graph = TestGraphs.make(edges)
        let scene = try NetworkMap.full(MapData.compute(graph, options: MapOptions()), options: MapOptions())
        let blockColours = (0..<12).map { scene.nodes[3 * $0].fill }
        #expect(Array(blockColours.prefix(9)) == Array(Palette.categorical.prefix(9)))
        #expect(blockColours[9] == Palette.color(10) && blockColours[11] == Palette.color(12))
        #expect(Set(blockColours).count == 12)
    }

    @Test("above the budget: one node per community, or the innermost core that fits")
    func budget() throws {
        let graph = try Self.karate()
        var options = MapOptions()
        options.nodeBudget = 20
        let data = try MapData.compute(graph, options: options)
        let communities = try NetworkMap.scene(data, options: options)
        #expect(communities.kind == .communities)
        #expect(communities.nodes.count == data.partition.count)
        let counts: [Int] = communities.nodes.map { node in
            let last = node.label.split(separator: "\n").last ?? ""
            return Int(last.split(separator: " ").first ?? "") ?? 0
        }
        #expect(counts.reduce(0, +) == 34)
        #expect(communities.notes.first?.contains("budget of 20") == true)
        options.largeGraphView = .core
        let core = try NetworkMap.scene(data, options: options)
        #expect(core.kind == .core)
        // Karate's 4-core has 10 nodes, its 3-core 22 (NetworkX's core_number).
        #expect(core.drawnNodes.count == 10)
        #expect(core.subtitle.contains("4-core"))
    }

    @Test("ego map: 5 very strong, 10 medium and 100 weak ties fall on the expected rings")
    func egoRings() throws {
        var edges: [(String, String, Double)] = []
        for i in 0..<5 { edges.append(("ego", "s\(i)", 50)) }
        for i in 0..<10 { edges.append(("ego", "m\(i)", 10)) }
        for i in 0..<100 { edges.append(("ego", "w\(i)", 1 + Double(i) / 1_000)) }
        edges.append(("s0", "s1", 5))
        let graph = TestGraphs.make(edges)
        let data = try MapData.compute(graph, options: MapOptions())
        let ego = try #require(graph.node(withID: "ego"))
        let scene = EgoMap.scene(data, ego: ego, options: MapOptions())
        func ring(_ prefix: String) -> Set<String> {
            Set(scene.nodes.filter { $0.source >= 0 && graph.ids[$0.source].hasPrefix(prefix) }.map(\.cssClass))
        }
        #expect(ring("s") == ["circle0"])
        #expect(ring("m") == ["circle1"])
        // The weak ones: ranks 15–49 on the third ring, 50–114 on the fourth.
        #expect(scene.nodes.filter { $0.cssClass == "circle2" }.count == 35)
        #expect(scene.nodes.filter { $0.cssClass == "circle3" }.count == 65)
        // Rings grow outwards: every strong contact is closer to the ego than every weak one.
        func distance(_ node: MapScene.Node) -> Double { node.position.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() } ?? .nan }
        let strong = scene.nodes.filter { $0.cssClass == "circle0" }.map(distance)
        let weak = scene.nodes.filter { $0.cssClass == "circle3" }.map(distance)
        #expect((strong.max() ?? .infinity) < (weak.min() ?? 0))
        #expect(scene.nodes.filter { $0.cssClass == "ring" }.count == 4)
        #expect(scene.drawnNodes.count == 116)
        #expect(scene.engine == "nop")
    }

    @Test("labels and tooltips come from the graph they are given: a redacted graph leaks nothing")
    func redaction() throws {
        var graph = TestGraphs.make([("ann@acme.example", "bo@acme.example", 2), ("bo@acme.example", "cy@beta.example", 1)])
        graph.nodeAttributes.set(AttributeColumn(name: PersonField.label, strings: ["Ann Smith", "Bo Jones", "Cy Brown"]))
        let redacted = graph.redacted([.emails, .names])
        let scene = try NetworkMap.scene(MapData.compute(redacted, options: MapOptions()), options: MapOptions())
        let text = scene.nodes.map { $0.label + $0.tooltip + $0.id }.joined() + scene.edges.map(\.tooltip).joined()
        for secret in ["Ann", "Smith", "Bo Jones", "Cy", "@", "acme"] { #expect(!text.contains(secret), "\(secret)") }
    }
}
