import CercleBuiltins
import CercleCore
import CercleRender
import Foundation
import Testing
import _CercleTestSupport

/// Rendering through libgvc in this process: every format, Graphviz's own error messages,
/// the SVG's ids and tooltips.
@Suite("Rendering with Graphviz")
struct GraphvizRendererTests {
    static func karateScene(engine: String? = nil) throws -> MapScene {
        let graph = try TestGraphs.load([Fixtures.shared("networks/karate_weighted.edges.csv"),
                                         Fixtures.shared("networks/karate_weighted.nodes.csv")], registry: .builtIn).graph
        var options = MapOptions()
        options.engine = engine
        return try NetworkMap.scene(MapData.compute(graph, options: options), options: options)
    }

    @Test("SVG: one element per node with its id and tooltip, the title and the legend")
    func svg() throws {
        let scene = try Self.karateScene()
        let svg = String(decoding: try GraphvizRenderer.render(scene, format: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        let nodeElements = svg.components(separatedBy: "class=\"node").count - 1
        #expect(nodeElements == 34)
        for node in scene.nodes { #expect(svg.contains("id=\"\(node.id)\""), "\(node.id)") }
        #expect(svg.contains("xlink:title=\"John A&#10;"))
        #expect(svg.contains(scene.title))
        #expect(svg.contains("size: pagerank"))
        // Edges: one path each, dashed ones for weak ties.
        #expect(svg.components(separatedBy: "class=\"edge").count - 1 == 78)
        #expect(svg.contains("stroke-dasharray"))
    }

    @Test("PNG, PDF and DOT come out of the same scene", arguments: [RenderFormat.png, .pdf, .dot])
    func otherFormats(_ format: RenderFormat) throws {
        let data = try GraphvizRenderer.render(Self.karateScene(), format: format)
        switch format {
        case .png: #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .pdf: #expect(String(decoding: data.prefix(5), as: UTF8.self) == "%PDF-")
        case .dot:
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasPrefix("graph map {"))
            #expect(text.contains("pos=\""))  // laid out: neato -n2 redraws it as it is
        case .svg: break
        }
    }

    @Test("every engine Cercle offers lays out the map", arguments: ["sfdp", "neato", "fdp", "dot", "twopi", "circo"])
    func engines(_ engine: String) throws {
        let svg = try GraphvizRenderer.render(Self.karateScene(engine: engine), format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).components(separatedBy: "class=\"node").count - 1 == 34)
    }

    @Test("an unknown engine fails with Graphviz's own message")
    func unknownEngine() throws {
        var scene = try Self.karateScene()
        scene.engine = "bogus"
        let error = #expect(throws: RenderError.self) { try GraphvizRenderer.render(scene, format: .svg) }
        #expect(error?.description.contains("\"bogus\" not recognized") == true, "\(error?.description ?? "")")
        // Graphviz is still usable afterwards.
        scene.engine = "neato"
        #expect(try GraphvizRenderer.render(scene, format: .svg).count > 1_000)
    }

    @Test("text with markup characters and control characters reaches the SVG escaped")
    func escaping() throws {
        var graph = TestGraphs.make([("a", "b", 1)])
        graph.nodeAttributes.set(AttributeColumn(name: PersonField.label, strings: ["A <b>&\"x\"", "B\u{1}"]))
        graph.metadata["name"] = "R&D <team>"
        let scene = try NetworkMap.scene(MapData.compute(graph, options: MapOptions()), options: MapOptions())
        let svg = String(decoding: try GraphvizRenderer.render(scene, format: .svg), as: UTF8.self)
        #expect(svg.contains("R&amp;D &lt;team&gt;"))
        #expect(!svg.contains("<b>"))
    }

    @Test("the ego map renders with its rings")
    func egoMap() throws {
        let graph = try TestGraphs.load([Fixtures.shared("networks/karate_weighted.edges.csv")], registry: .builtIn).graph
        let data = try MapData.compute(graph, options: MapOptions())
        let scene = EgoMap.scene(data, ego: try #require(graph.node(withID: "34")), options: MapOptions())
        let svg = String(decoding: try GraphvizRenderer.render(scene, format: .svg), as: UTF8.self)
        #expect(svg.contains("id=\"ring0\""))
        #expect(svg.contains("5 closest"))
        let people = svg.components(separatedBy: "class=\"node circle").count - 1
        #expect(people + 1 == scene.drawnNodes.count)
        #expect(svg.contains("class=\"node ego\""))
    }
}
