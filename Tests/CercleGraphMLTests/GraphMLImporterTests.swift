import CercleBuiltins
import CercleCore
import CercleGraphML
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("GraphML reading")
struct GraphMLImporterTests {
    func load(_ text: String, options: ImportOptions = ImportOptions()) throws -> (ContactGraph, SourceReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, report) = try TestGraphs.load([try folder.write("g.graphml", text)], registry: .builtIn, options: options)
        return (graph, report.sources[0])
    }

    /// The error importing `text`, and its description with the temporary path as `g.graphml`.
    func importError(_ text: String) -> (error: ImportError, message: String)? {
        do {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = try folder.write("g.graphml", text)
            do {
                _ = try TestGraphs.load([url], registry: .builtIn)
            } catch let error as ImportError {
                return (error, error.description.replacingOccurrences(of: url.path, with: "g.graphml"))
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        """

    @Test("typed keys, defaults, for=all, attr.name, the weight key")
    func typedKeys() throws {
        let text = Self.header + """
            <key id="k0" for="node" attr.name="name" attr.type="string"><default>nobody</default></key>
            <key id="k1" for="node" attr.name="age" attr.type="int"/>
            <key id="k2" for="node" attr.name="rank" attr.type="long"/>
            <key id="k3" for="node" attr.name="score" attr.type="float"/>
            <key id="k4" for="all" attr.name="ok" attr.type="boolean"><default>true</default></key>
            <key id="k5" for="edge" attr.name="weight" attr.type="double"><default>2.5</default></key>
            <key id="k6" for="edge" attr.name="since" attr.type="int"/>
            <key id="plain" for="node"/>
            <key id="k7" for="graph" attr.name="name" attr.type="string"/>
            <graph id="G" edgedefault="undirected">
              <data key="k7">team</data>
              <node id="a"><data key="k0">Ann</data><data key="k1"> 41 </data><data key="k3">1e-3</data><data key="plain">p</data></node>
              <node id="b"><data key="k2">12345678901</data><data key="k4">FALSE</data><data key="k1">3.0</data></node>
              <node id="c"><data key="k4">0</data><data key="k3">-inf</data></node>
              <edge source="a" target="b"><data key="k5">4</data><data key="k6">2019</data></edge>
              <edge source="b" target="c"><data key="k4">false</data></edge>
            </graph>
            </graphml>
            """
        let (graph, report) = try load(text)
        #expect(graph.ids == ["a", "b", "c"])
        #expect(!graph.isDirected)
        #expect(graph.metadata["name"] == "team")
        let nodes = graph.nodeAttributes
        #expect(nodes.value("name", at: 0) == .string("Ann"))
        #expect(nodes.value("name", at: 1) == .string("nobody"))
        #expect(nodes.value("age", at: 0) == .integer(41))
        #expect(nodes.value("age", at: 1) == .integer(3))
        #expect(nodes.value("rank", at: 1) == .integer(12_345_678_901))
        #expect(nodes.value("score", at: 0) == .double(0.001))
        #expect(nodes.value("score", at: 2) == .double(-.infinity))
        #expect(nodes.value("ok", at: 0) == .bool(true))
        #expect(nodes.value("ok", at: 1) == .bool(false))
        #expect(nodes.value("ok", at: 2) == .bool(false))
        #expect(nodes.value("plain", at: 0) == .string("p"))
        #expect(nodes["age"]?.type == .integer)
        #expect(graph.weight(from: 0, to: 1) == 4)
        #expect(graph.weight(from: 1, to: 2) == 2.5)
        #expect(!graph.edgeAttributes.contains("weight"))
        #expect(graph.edgeAttributes.value("since", at: 0) == .integer(2019))
        #expect(graph.edgeAttributes.value("ok", at: 0) == .bool(true))
        #expect(graph.edgeAttributes.value("ok", at: 1) == .bool(false))
        #expect(report.rows == 5)
        #expect(report.isBalanced)
        #expect(report.notes.isEmpty)
    }

    @Test("edgedefault and per-edge direction; --directed overrides")
    func direction() throws {
        let directed = Self.header + """
            <graph edgedefault="directed">
              <node id="a"/><node id="b"/><node id="c"/>
              <edge source="a" target="b"/>
              <edge source="b" target="c" directed="false"/>
            </graph></graphml>
            """
        let (graph, report) = try load(directed)
        #expect(graph.isDirected)
        #expect(graph.edgeCount == 3)
        #expect(graph.hasEdge(from: 2, to: 1))
        #expect(!graph.hasEdge(from: 1, to: 0))
        #expect(report.notes == ["1 edge(s) marked directed=\"false\" in a directed graph read as two opposite arcs"])

        let undirected = Self.header + """
            <graph edgedefault="undirected">
              <node id="a"/><node id="b"/>
              <edge source="a" target="b" directed="true"/>
            </graph></graphml>
            """
        let (plain, notes) = try load(undirected)
        #expect(!plain.isDirected)
        #expect(notes.notes == ["1 edge(s) marked directed=\"true\" in an undirected graph read as undirected"])
        var options = ImportOptions()
        options.directed = true
        let (forced, _) = try load(undirected, options: options)
        #expect(forced.isDirected)
    }

    @Test("several graphs: the first is read and a note says so; hyperedges and ports")
    func remarks() throws {
        let text = Self.header + """
            <graph id="first" edgedefault="undirected">
              <node id="a"><port name="p"/></node><node id="b"/><node id="c"/>
              <edge source="a" target="b" sourceport="p"/>
              <hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="c"/></hyperedge>
            </graph>
            <graph id="second" edgedefault="undirected"><node id="z"/></graph>
            </graphml>
            """
        let (graph, report) = try load(text)
        #expect(graph.ids == ["a", "b", "c"])
        #expect(graph.edgeCount == 1)
        #expect(report.rows == 5)
        #expect(report.skipped == [.init(line: 5, reason: "hyperedge: Cercle's edges join two nodes")])
        #expect(report.notes == [
            "the file holds 2 graphs; read the first ('first') and skipped the other 1",
            "1 hyperedge(s) skipped: Cercle's edges join two nodes",
            "ports ignored (2 element(s)): edges join the nodes themselves",
        ])
    }

    @Test("nested graphs are flattened; NetworkX and igraph see only what top-level edges name")
    func nested() throws {
        let url = Fixtures.shared("formats/graph-files/ruby-graphviz-graphml/nested.graphml")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let peer = try PeerGraph.networkx("nx.read_graphml(path)", file: url)
        #expect(Set(graph.ids).isSuperset(of: peer.nodes.keys))
        #expect(graph.nodeCount == 14)
        #expect(graph.edgeCount == peer.edges.count + 4)
        #expect(graph.hasEdge(from: try #require(graph.node(withID: "n6::n1")), to: try #require(graph.node(withID: "n6::n0::n0"))))
        #expect(report.sources[0].notes == [
            "3 nested graph(s) flattened: their nodes and edges belong to the top-level graph (NetworkX and igraph skip them)",
        ])
    }

    @Test("igraph's example file: trimmed booleans, entities, a key of another domain")
    func igraphExample() throws {
        let url = Fixtures.shared("formats/graph-files/igraph-0.10.2-examples/test.graphml")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        #expect(graph.nodeCount == 6)
        #expect(graph.edgeCount == 7)
        let lookup = NodeLookup(graph)
        func node(_ id: String) -> Int { Int(lookup[id] ?? -1) }
        #expect(graph.nodeAttributes.value("gender", at: node("n0")) == .bool(true))
        #expect(graph.nodeAttributes.value("gender", at: node("n1")) == .bool(true))  // the default, 1
        #expect(graph.nodeAttributes.value("gender", at: node("n5")) == .bool(false))
        #expect(graph.nodeAttributes.value("color", at: node("n1")) == .string("yellow"))
        #expect(graph.nodeAttributes.value("color", at: node("n3")) == .string("red \"with entities\""))
        #expect(graph.nodeAttributes.value("color", at: node("n4")) == .string(""))
        #expect(graph.weight(from: NodeIndex(node("n1")), to: NodeIndex(node("n3"))) == 2)
        #expect(graph.weight(from: NodeIndex(node("n5")), to: NodeIndex(node("n4"))) == 1.1)
        #expect(graph.metadata["date"] == "2006-11-12")
        #expect(report.sources[0].notes == ["data of a key declared for other elements ignored: 'd3' (for graph) on a node"])
    }

    @Test("the ruby-graphviz samples import or fail clearly",
          arguments: ["attributes", "attributes.ext", "cluster", "failed_graph", "hyper", "nested", "port", "simple"])
    func rubyGraphviz(name: String) throws {
        let url = Fixtures.shared("formats/graph-files/ruby-graphviz-graphml/\(name).graphml")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let expected: [String: (nodes: Int, edges: Int)] = [
            "attributes": (6, 7), "attributes.ext": (2, 1), "cluster": (12, 13), "failed_graph": (12, 13),
            "hyper": (7, 1), "nested": (14, 12), "port": (4, 1), "simple": (11, 12),
        ]
        #expect(graph.nodeCount == expected[name]?.nodes)
        #expect(graph.edgeCount == expected[name]?.edges)
        #expect(report.sources[0].isBalanced)
        if name == "failed_graph" { #expect(report.sources[0].notes.contains("yFiles graphics (6 key(s)) ignored")) }
        if name == "hyper" { #expect(report.sources[0].skipped.count == 3) }
    }

    @Test("every NetworkX-written GraphML of shared/data reads as NetworkX reads it",
          arguments: Fixtures.networkNames)
    func networkxFiles(name: String) throws {
        let url = Fixtures.shared("networks/\(name).graphml")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let reference = try ReferenceValues(network: name)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        #expect(graph.isDirected == reference.isDirected)
        #expect(report.sources[0].notes.isEmpty)
        let peer = try PeerGraph.networkx("nx.read_graphml(path)", file: url)
        #expect(peer.differences(from: graph) == [])
    }

    @Test("malformed files name line, column and reason", arguments: [
        ("truncated", "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n<node id=\"b\"",
         "g.graphml:5:1: unexpected end of file inside a tag"),
        ("unclosed", "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n",
         "g.graphml:5:1: unexpected end of file: <graph> opened at line 3 is not closed"),
        ("unknown key", "<graph>\n<node id=\"a\">\n  <data key=\"d9\">x</data></node></graph></graphml>",
         "g.graphml:5:3: undeclared key 'd9' (no <key id=\"d9\"> before the graph)"),
        ("wrong type", "<key id=\"n\" for=\"node\" attr.name=\"age\" attr.type=\"int\"/>\n<graph>\n<node id=\"a\"><data key=\"n\">old</data></node></graph></graphml>",
         "g.graphml:5:14: 'old' is not an integer (key 'n', age, is int)"),
        ("bad boolean", "<key id=\"b\" for=\"node\" attr.type=\"boolean\"/>\n<graph>\n<node id=\"a\"><data key=\"b\">yes</data></node></graph></graphml>",
         "g.graphml:5:14: 'yes' is not a boolean (key 'b', b, is boolean)"),
        ("bad default", "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default>heavy</default></key>\n<graph/></graphml>",
         "g.graphml:3:62: bad <default>: 'heavy' is not a number (key 'w', weight, is double)"),
        ("dangling endpoint", "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"ghost\"/>\n</graph></graphml>",
         "g.graphml:5:1: edge endpoint 'ghost' is not a node of the graph (no <node id=\"ghost\">)"),
        ("bad escape", "<graph>\n<node id=\"a&amp b\"/></graph></graphml>",
         "g.graphml:4:12: '&' that starts no reference (write &amp;)"),
        ("bad character reference", "<graph>\n<node id=\"&#xD800;\"/></graph></graphml>",
         "g.graphml:4:11: bad character reference '&#xD800;' (not a character XML 1.0 allows)"),
        ("infinite weight", "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">inf</data></edge></graph></graphml>",
         "g.graphml:6:1: edge weight inf is not a finite number"),
        ("no graph", "<key id=\"w\" for=\"edge\"/></graphml>", "g.graphml:3:35: no <graph> element in the file"),
        ("node without id", "<graph>\n<node/></graph></graphml>", "g.graphml:4:1: a <node> without an id"),
    ])
    func malformed(name: String, body: String, message: String) {
        #expect(importError(Self.header + "\n" + body)?.message == message, "\(name)")
    }

    @Test("not GraphML: another root element")
    func notGraphML() {
        #expect(importError("<?xml version=\"1.0\"?>\n<svg/>")?.message == "g.graphml:2:1: not GraphML: the root element is <svg>, not <graphml>")
    }

    @Test("billion laughs and external entities are refused as unsafe")
    func unsafe() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [
              <!ENTITY a "aaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            ]>
            <graphml><graph><node id="&c;"/></graph></graphml>
            """
        let bomb = try #require(importError(laughs)?.error)
        #expect(bomb == .unsafe(bomb.reason, file: bomb.file, line: 3, column: 3))
        #expect(bomb.reason.contains("entity-expansion bombs"))
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <graphml><graph><node id="&secret;"/></graph></graphml>
            """
        let xxe = try #require(importError(external)?.error)
        #expect(xxe == .unsafe(bomb.reason, file: xxe.file, line: 2, column: 20))
    }

    @Test("a file far larger than the read block streams through")
    func streaming() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var text = Self.header + "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n<graph edgedefault=\"undirected\">\n"
        for node in 0..<20_000 { text += "<node id=\"n\(node)\"/>\n" }
        for edge in 0..<60_000 {
            text += "<edge source=\"n\(edge % 20_000)\" target=\"n\((edge * 7 + 1) % 20_000)\"><data key=\"w\">\(edge % 5 + 1)</data></edge>\n"
        }
        text += "</graph></graphml>\n"
        #expect(text.utf8.count > 4 << 20)
        let (graph, report) = try TestGraphs.load([try folder.write("big.graphml", text)], registry: .builtIn)
        #expect(graph.nodeCount == 20_000)
        #expect(report.sources[0].rows == 80_000)
        #expect(graph.weights.reduce(0, +) == 2 * Double((0..<60_000).reduce(0) { $0 + $1 % 5 + 1 }))
    }
}
