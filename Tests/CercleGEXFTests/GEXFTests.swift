import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("GEXF")
struct GEXFTests {
    func load(_ text: String) throws -> (ContactGraph, SourceReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, report) = try TestGraphs.load([try folder.write("g.gexf", text)], registry: .builtIn)
        return (graph, report.sources[0])
    }

    func message(_ text: String) -> String? {
        do {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = try folder.write("g.gexf", text)
            do {
                _ = try TestGraphs.load([url], registry: .builtIn)
            } catch let error as ImportError {
                return error.description.replacingOccurrences(of: url.path, with: "g.gexf")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    func written(_ graph: ContactGraph) throws -> (folder: TemporaryFolder, url: URL, text: String) {
        let folder = try TemporaryFolder()
        let url = folder.path("g.gexf")
        try PluginRegistry.builtIn.write(graph, to: url)
        return (folder, url, try String(contentsOf: url, encoding: .utf8))
    }

    /// What NetworkX holds after `read_gexf`, without the label it adds when there is none
    /// and the edge ids it keeps as attributes.
    func networkx(_ url: URL) throws -> PeerGraph {
        var peer = try PeerGraph.networkx("nx.read_gexf(path)", file: url)
        for (id, attributes) in peer.nodes where attributes["label"] == .string(id) {
            peer.nodes[id]?["label"] = nil
        }
        return peer
    }

    /// GEXF keeps dates and lists as text.
    static func asGEXF(_ value: AttributeValue) -> AttributeValue? {
        switch value {
        case .date, .stringList: .string(value.text)
        default: value
        }
    }

    static let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
          <meta><creator>Gephi 0.10</creator><description>A web</description></meta>
          <graph defaultedgetype="directed">
            <attributes class="node">
              <attribute id="0" title="url" type="string"/>
              <attribute id="1" title="indegree" type="float"/>
              <attribute id="2" title="frog" type="boolean"><default>true</default></attribute>
              <attribute id="3" title="tags" type="liststring"/>
              <attribute id="4" title="visits" type="long"/>
            </attributes>
            <attributes class="edge">
              <attribute id="0" title="since" type="integer"/>
            </attributes>
            <nodes>
              <node id="0" label="Gephi">
                <attvalues>
                  <attvalue for="0" value="https://gephi.org"/>
                  <attvalue for="1" value="1"/>
                  <attvalue for="3" value="[graph, network]"/>
                </attvalues>
                <viz:color r="239" g="173" b="66" a="0.6"/>
                <viz:position x="15.5" y="-40.25" z="0.0"/>
                <viz:size value="2.0375757"/>
              </node>
              <node id="1" label="Webatlas">
                <attvalues><attvalue for="2" value="false"/><attvalue for="3" value="a|b"/><attvalue for="4" value="12"/></attvalues>
              </node>
              <node id="2" label="2"/>
            </nodes>
            <edges>
              <edge id="0" source="0" target="1" weight="2.5" label="cites"><attvalues><attvalue for="0" value="2009"/></attvalues></edge>
              <edge id="1" source="1" target="2" type="mutual"/>
            </edges>
          </graph>
        </gexf>
        """

    @Test("reads typed attributes, defaults, lists, labels, weights and viz positions")
    func reading() throws {
        let (graph, report) = try load(Self.sample)
        #expect(graph.ids == ["0", "1", "2"])
        #expect(graph.isDirected)
        #expect(graph.metadata["name"] == "A web")
        let nodes = graph.nodeAttributes
        #expect(nodes.value("label", at: 0) == .string("Gephi"))
        #expect(nodes.value("label", at: 2) == nil)
        #expect(nodes.value("url", at: 0) == .string("https://gephi.org"))
        #expect(nodes.value("indegree", at: 0) == .double(1))
        #expect(nodes.value("frog", at: 0) == .bool(true))
        #expect(nodes.value("frog", at: 1) == .bool(false))
        #expect(nodes.value("tags", at: 0) == .stringList(["graph", "network"]))
        #expect(nodes.value("tags", at: 1) == .stringList(["a", "b"]))
        #expect(nodes.value("visits", at: 1) == .integer(12))
        #expect(nodes.value("x", at: 0) == .double(15.5))
        #expect(nodes.value("y", at: 0) == .double(-40.25))
        #expect(graph.weight(from: 0, to: 1) == 2.5)
        #expect(graph.hasEdge(from: 1, to: 2) && graph.hasEdge(from: 2, to: 1))
        let edgeIndex = graph.makeEdgeIndex()
        let cites = try #require(graph.edgeID(from: 0, to: 1, index: edgeIndex))
        #expect(graph.edgeAttributes.value("label", at: cites) == .string("cites"))
        #expect(graph.edgeAttributes.value("since", at: cites) == .integer(2009))
        #expect(report.rows == 5)
        #expect(report.notes == [
            "viz colour, size, shape and thickness ignored (2 element(s)); viz positions are read as x and y",
            "1 undirected or mutual edge(s) in a directed graph read as two opposite arcs",
        ])
    }

    @Test("dynamic values keep the last; hierarchies are flattened")
    func dynamicAndHierarchy() throws {
        let text = """
            <gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
              <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
                <attributes class="node" mode="dynamic"><attribute id="s" title="score" type="double"/></attributes>
                <nodes>
                  <node id="team" label="Team">
                    <attvalues>
                      <attvalue for="s" value="1.5" start="2020-01-01" end="2020-12-31"/>
                      <attvalue for="s" value="2.5" start="2021-01-01"/>
                    </attvalues>
                    <nodes><node id="ann"/><node id="bob"/></nodes>
                  </node>
                </nodes>
                <edges><edge source="ann" target="bob"/></edges>
              </graph>
            </gexf>
            """
        let (graph, report) = try load(text)
        #expect(graph.ids == ["team", "ann", "bob"])
        #expect(graph.nodeAttributes.value("score", at: 0) == .double(2.5))
        #expect(graph.edgeCount == 1)
        #expect(report.notes == [
            "dynamic graph: time bounds ignored; an attribute with several dated values keeps the last one written",
            "hierarchy flattened: 1 node(s) with sub-nodes, all read as nodes of one graph",
        ])
    }

    @Test("malformed files name line, column and reason", arguments: [
        ("<gexf><graph><attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\"/></attributes>\n<nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"x1\"/></attvalues></node></nodes></graph></gexf>",
         "g.gexf:2:32: 'x1' is not an integer (attribute 'n' is integer)"),
        ("<gexf><graph>\n<nodes><node id=\"a\"><attvalues><attvalue for=\"9\" value=\"1\"/></attvalues></node></nodes></graph></gexf>",
         "g.gexf:2:32: <attvalue for=\"9\">: no node attribute has that id"),
        ("<gexf><graph><nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"b\"/></edges></graph></gexf>",
         "g.gexf:2:8: edge endpoint 'b' is not a node of the graph (no <node id=\"b\">)"),
        ("<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" weight=\"heavy\"/></edges></graph></gexf>",
         "g.gexf:2:8: edge weight 'heavy' is not a number"),
        ("<gexf><graph><nodes>\n<node id=\"a\">", "g.gexf:2:14: unexpected end of file: <node> opened at line 2 is not closed"),
        ("<gexf_archive/>", "g.gexf:1:1: not GEXF: the root element is <gexf_archive>, not <gexf>"),
        ("<!DOCTYPE gexf [<!ENTITY x SYSTEM \"file:///etc/hosts\">]><gexf/>",
         "g.gexf:1:17: the DOCTYPE declares entities (<!ENTITY …>); Cercle refuses XML entity declarations, which enable entity-expansion bombs and external-entity reads"),
    ])
    func malformed(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("golden: GEXF 1.3 with viz colour, size and position from analysis results")
    func golden() throws {
        var builder = GraphBuilder()
        for (id, community, pagerank, x) in [("a", 0, 0.5, 1.0), ("b", 1, 0.25, 2.0), ("c & d", 12, 0.125, 3.0)] {
            let node = builder.node(id)
            builder.setNodeAttribute("community", .integer(community), node: node)
            builder.setNodeAttribute("pagerank", .double(pagerank), node: node)
            builder.setNodeAttribute("x", .double(x), node: node)
            builder.setNodeAttribute("y", .double(-x), node: node)
        }
        builder.setNodeAttribute("label", .string("Ann"), node: 0)
        builder.addEdge("a", "b", weight: 3)
        builder.addEdge("b", "c & d", weight: 1)
        let (folder, _, text) = try written(builder.build())
        defer { folder.remove() }
        #expect(text == """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>Cercle \(CercleVersion.current)</creator>
              </meta>
              <graph defaultedgetype="undirected" mode="static">
                <attributes class="node">
                  <attribute id="0" title="community" type="long"/>
                  <attribute id="1" title="pagerank" type="double"/>
                  <attribute id="2" title="x" type="double"/>
                  <attribute id="3" title="y" type="double"/>
                </attributes>
                <nodes count="3">
                  <node id="a" label="Ann">
                    <attvalues>
                      <attvalue for="0" value="0"/>
                      <attvalue for="1" value="0.5"/>
                      <attvalue for="2" value="1.0"/>
                      <attvalue for="3" value="-1.0"/>
                    </attvalues>
                    <viz:color r="51" g="34" b="136"/>
                    <viz:size value="50.0"/>
                    <viz:position x="1.0" y="-1.0" z="0.0"/>
                  </node>
                  <node id="b" label="b">
                    <attvalues>
                      <attvalue for="0" value="1"/>
                      <attvalue for="1" value="0.25"/>
                      <attvalue for="2" value="2.0"/>
                      <attvalue for="3" value="-2.0"/>
                    </attvalues>
                    <viz:color r="136" g="204" b="238"/>
                    <viz:size value="20.0"/>
                    <viz:position x="2.0" y="-2.0" z="0.0"/>
                  </node>
                  <node id="c &amp; d" label="c &amp; d">
                    <attvalues>
                      <attvalue for="0" value="12"/>
                      <attvalue for="1" value="0.125"/>
                      <attvalue for="2" value="3.0"/>
                      <attvalue for="3" value="-3.0"/>
                    </attvalues>
                    <viz:color r="\(Palette.rgb(12).red)" g="\(Palette.rgb(12).green)" b="\(Palette.rgb(12).blue)"/>
                    <viz:size value="5.0"/>
                    <viz:position x="3.0" y="-3.0" z="0.0"/>
                  </node>
                </nodes>
                <edges count="2">
                  <edge id="0" source="a" target="b" weight="3.0"/>
                  <edge id="1" source="b" target="c &amp; d" weight="1.0"/>
                </edges>
              </graph>
            </gexf>

            """)
    }

    @Test("viz size falls back to betweenness, then degree; equal values give size 10")
    func sizeFallback() throws {
        var builder = GraphBuilder()
        for id in ["a", "b"] {
            let node = builder.node(id)
            builder.setNodeAttribute("degree", .integer(3), node: node)
        }
        builder.addEdge("a", "b")
        let (folder, _, text) = try written(builder.build())
        defer { folder.remove() }
        #expect(text.components(separatedBy: "<viz:size value=\"10.0\"/>").count == 3)
        #expect(!text.contains("viz:color"))
    }

    @Test("round trip: write then read gives the same graph", arguments: 1...12)
    func roundTrip(seed: Int) throws {
        for directed in [false, true] {
            let graph = TestGraphs.attributed(seed: UInt64(seed), directed: directed, weighted: seed % 3 != 0)
            let (folder, url, _) = try written(graph)
            defer { folder.remove() }
            let (again, report) = try TestGraphs.load([url], registry: .builtIn)
            // A label equal to the id is not kept (GEXF writes the id as label when there is none).
            #expect(GraphComparison.differences(graph, again, transform: Self.asGEXF) == [])
            #expect(report.sources[0].notes.isEmpty)
        }
    }

    @Test("NetworkX reads Cercle's GEXF with the same nodes, edges, values and viz colours", arguments: [false, true])
    func networkxReads(directed: Bool) throws {
        var graph = TestGraphs.attributed(seed: 5, nodes: 40, edges: 90, directed: directed)
        graph.nodeAttributes.set(AttributeColumn(name: "community", integers: (0..<graph.nodeCount).map { $0 % 13 }))
        let (folder, url, _) = try written(graph)
        defer { folder.remove() }
        let peer = try networkx(url)
        #expect(peer.differences(from: graph, ignoringNode: ["viz"], ignoringEdge: ["id"]) == [])
        let colours = try Subprocess.python("""
            import sys, json, networkx as nx
            g = nx.read_gexf(sys.argv[1])
            json.dump({n: [d["viz"]["color"][k] for k in "rgb"] for n, d in g.nodes(data=True)}, sys.stdout)
            """, [url.path])
        #expect(colours.status == 0)
        let decoded = try JSONSerialization.jsonObject(with: Data(colours.stdout.utf8)) as? [String: [Int]]
        let lookup = NodeLookup(graph)
        #expect(decoded?.count == graph.nodeCount)
        for (id, rgb) in decoded ?? [:] {
            let node = try #require(lookup[id])
            let expected = Palette.rgb(Int(node) % 13)
            #expect(rgb == [expected.red, expected.green, expected.blue])
        }
    }

    @Test("Cercle reads the GEXF NetworkX writes as NetworkX reads it",
          arguments: ["karate", "les_miserables", "florentine_families", "uk_faculty", "davis_southern_women"])
    func networkxWrites(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("\(name).gexf")
        let result = try Subprocess.python("""
            import sys, networkx as nx
            nx.write_gexf(nx.read_graphml(sys.argv[1]), sys.argv[2])
            """, [Fixtures.shared("networks/\(name).graphml").path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let reference = try ReferenceValues(network: name)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        #expect(report.sources[0].notes.isEmpty)
        #expect(try networkx(url).differences(from: graph, ignoringEdge: ["id"]) == [])
    }
}
