import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("GML")
struct GMLTests {
    func load(_ text: String) throws -> (ContactGraph, SourceReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, report) = try TestGraphs.load([try folder.write("g.gml", text)], registry: .builtIn)
        return (graph, report.sources[0])
    }

    func message(_ text: String) -> String? {
        do {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = try folder.write("g.gml", text)
            do {
                _ = try TestGraphs.load([url], registry: .builtIn)
            } catch let error as ImportError {
                return error.description.replacingOccurrences(of: url.path, with: "g.gml")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    func written(_ graph: ContactGraph) throws -> (folder: TemporaryFolder, url: URL, text: String) {
        let folder = try TemporaryFolder()
        let url = folder.path("g.gml")
        try PluginRegistry.builtIn.write(graph, to: url)
        return (folder, url, try String(contentsOf: url, encoding: .utf8))
    }

    /// What GML keeps of a value: booleans become 1/0, dates and lists text.
    static func asGML(_ value: AttributeValue) -> AttributeValue? {
        switch value {
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .date, .stringList: .string(value.text)
        default: value
        }
    }

    /// What NetworkX holds for a value of Cercle's GML.
    static func networkxValue(_ value: AttributeValue) -> PeerGraph.Value? {
        switch value {
        case .bool(let flag): .number(flag ? 1 : 0)
        default: PeerGraph.standard(value)
        }
    }

    @Test("NetworkX's layout: labels are the ids, entities decoded, repeated keys are lists")
    func networkxLayout() throws {
        let text = """
            graph [
              name "team"
              node [
                id 0
                label "Zo&#235; &amp; &quot;co&quot;"
                age 41
                score 2.5
                tags "_networkx_list_start"
                tags "north"
                graphics [ x 1.0 y 2.0 ]
              ]
              node [
                id 1
                label "7"
                tags "a"
                tags "b"
                big "99999999999"
                note "caf&eacute; AT&T &unknown; &#x41;"
              ]
              edge [
                source 0
                target 1
                weight 2.5
                kind "work"
              ]
            ]
            """
        let (graph, report) = try load(text)
        #expect(graph.ids == ["Zoë & \"co\"", "7"])
        #expect(!graph.isDirected)
        #expect(graph.metadata["name"] == "team")
        #expect(graph.nodeAttributes.value("age", at: 0) == .integer(41))
        #expect(graph.nodeAttributes.value("score", at: 0) == .double(2.5))
        #expect(graph.nodeAttributes.value("tags", at: 0) == .stringList(["north"]))
        #expect(graph.nodeAttributes.value("tags", at: 1) == .stringList(["a", "b"]))
        #expect(graph.nodeAttributes.value("big", at: 1) == .string("99999999999"))
        #expect(graph.nodeAttributes.value("note", at: 1) == .string("café AT&T &unknown; A"))
        #expect(graph.weight(from: 0, to: 1) == 2.5)
        #expect(graph.edgeAttributes.value("kind", at: 0) == .string("work"))
        #expect(report.rows == 3)
        #expect(report.notes == ["nested lists ignored: graphics"])
    }

    @Test("igraph's layout: names are the ids; no names, no labels: the GML ids")
    func igraphLayout() throws {
        let named = """
            Creator "igraph version 0.10"
            Version 1
            graph
            [
              directed 1
              node [ id 0 name "x y" num 1 ]
              node [ id 1 name "b" num 2.5 ]
              edge [ source 0 target 1 weight 1.5 ]
            ]
            """
        let (graph, _) = try load(named)
        #expect(graph.ids == ["x y", "b"])
        #expect(graph.isDirected)
        #expect(graph.nodeAttributes.value("num", at: 1) == .double(2.5))
        #expect(graph.nodeAttributes.value("num", at: 0) == .double(1))
        let karate = Fixtures.shared("formats/graph-files/igraph-0.10.2-examples/karate.gml")
        let (club, report) = try TestGraphs.load([karate], registry: .builtIn)
        #expect(club.nodeCount == 34)
        #expect(club.edgeCount == 78)
        #expect(club.ids.first == "1")
        #expect(report.sources[0].isBalanced)
    }

    @Test("repeated labels: the GML ids name the nodes, labels stay, a note says why")
    func repeatedLabels() throws {
        let (graph, report) = try load("graph [ node [ id 1 label \"Smith\" ] node [ id 2 label \"Smith\" ] edge [ source 1 target 2 ] ]")
        #expect(graph.ids == ["1", "2"])
        #expect(graph.nodeAttributes.value("label", at: 1) == .string("Smith"))
        #expect(report.notes == ["node labels repeat: node ids are the GML ids, labels are kept as the label attribute"])
    }

    @Test("the igraph examples read: weighted reals with comments, C. elegans with labels")
    func igraphExamples() throws {
        let weighted = Fixtures.shared("formats/graph-files/igraph-0.10.2-examples/weighted.gml")
        let (small, _) = try TestGraphs.load([weighted], registry: .builtIn)
        #expect(small.weight(from: 0, to: 1) == -377.9)
        #expect(small.nodeAttributes.value("value", at: 1) == .double(4.87e-5))
        let worm = Fixtures.shared("formats/graph-files/igraph-0.10.2-examples/celegansneural.gml")
        let (graph, report) = try TestGraphs.load([worm], registry: .builtIn)
        #expect(graph.nodeCount == 297)
        #expect(graph.isDirected)
        #expect(report.sources[0].rows == 297 + 2359)
        let igraph = try PeerGraph.igraph("igraph.Graph.Read_GML(path)", file: worm, nameAttribute: "label")
        #expect(Set(igraph.nodes.keys) == Set(graph.ids))
    }

    @Test("malformed files name line, column and reason", arguments: [
        ("graph [\n  node [ id 0 ]\n", "g.gml:3:1: unexpected end of file: '[' opened at line 1 is not closed"),
        ("graph [ node [ id 0 label \"open ] ]", "g.gml:1:27: unterminated string (the value of 'label')"),
        ("graph [ node [ id ] ]", "g.gml:1:16: key 'id' has no value"),
        ("graph [ node [ id 0 ] ] ]", "g.gml:1:25: ']' without a matching '['"),
        ("graph [\n node [ label \"a\" ] ]", "g.gml:2:2: a node without an id"),
        ("graph [\n node [ id 0 ]\n node [ id 0 ] ]", "g.gml:3:2: node id 0 is used twice"),
        ("graph [ node [ id 0 ]\n edge [ source 0 target 9 ] ]", "g.gml:2:2: edge target 9 is not the id of a node"),
        ("graph [ node [ id 0 ] node [ id 1 ]\n edge [ source 0 target 1 weight \"heavy\" ] ]", "g.gml:2:2: edge weight is not a number"),
        ("graph [ node [ id 0\n label \"bad &#0; escape\" ] ]", "g.gml:2: bad escape '&#0;': no such character"),
        ("graph [ node [ id 0 value 1.2.3 ] ]", "g.gml:1:27: '1.2.3' is not a number, string or list (the value of 'value')"),
        ("creator \"x\"", "g.gml: no 'graph [ … ]' in the file"),
    ])
    func malformed(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("golden: ids as labels, display names, typed values, escapes")
    func golden() throws {
        var builder = GraphBuilder(directed: true)
        let a = builder.node("Zoë")
        let b = builder.node("say \"hi\" & go")
        builder.setNodeAttribute("label", .string("Zoë M."), node: a)
        builder.setNodeAttribute("age", .integer(41), node: a)
        builder.setNodeAttribute("big", .integer(5_000_000_000), node: b)
        builder.setNodeAttribute("vip", .bool(true), node: b)
        builder.setNodeAttribute("first contact", .double(1e-5), node: b)
        let edge = builder.addEdge(a, b, weight: 0.5)
        builder.setEdgeAttribute("kind", .string("work"), edge: edge)
        let (folder, _, text) = try written(builder.build())
        defer { folder.remove() }
        #expect(text == """
            graph [
              directed 1
              node [
                id 0
                label "Zo&#235;"
                display_label "Zo&#235; M."
                age 41
              ]
              node [
                id 1
                label "say &quot;hi&quot; &amp; go"
                big "5000000000"
                vip 1
                first_contact 1.0E-05
              ]
              edge [
                source 0
                target 1
                weight 0.5
                kind "work"
              ]
            ]

            """)
    }

    @Test("round trip: write then read gives the same graph", arguments: 1...12)
    func roundTrip(seed: Int) throws {
        for directed in [false, true] {
            let graph = TestGraphs.attributed(seed: UInt64(seed), directed: directed, weighted: seed % 3 != 0)
            let (folder, url, _) = try written(graph)
            defer { folder.remove() }
            let (again, report) = try TestGraphs.load([url], registry: .builtIn)
            #expect(again.ids == graph.ids)
            #expect(GraphComparison.differences(graph, again, transform: Self.asGML) == [])
            #expect(report.sources[0].notes.isEmpty)
        }
    }

    @Test("NetworkX's read_gml(label=\"label\") gives back Cercle's ids and values", arguments: [false, true])
    func networkxReads(directed: Bool) throws {
        let graph = TestGraphs.attributed(seed: 3, nodes: 40, edges: 90, directed: directed)
        let (folder, url, _) = try written(graph)
        defer { folder.remove() }
        var peer = try PeerGraph.networkx("nx.read_gml(path, label=\"label\")", file: url)
        for (id, attributes) in peer.nodes {
            peer.nodes[id]?["label"] = attributes["display_label"]
            peer.nodes[id]?["display_label"] = nil
        }
        #expect(peer.differences(from: graph, expected: Self.networkxValue) == [])
    }

    @Test("igraph reads Cercle's GML: ASCII exactly, other characters as &#N; references")
    func igraphReads() throws {
        let ids = TestGraphs.awkwardIDs.filter { $0.unicodeScalars.allSatisfy { (" "..."~").contains($0) } }
        let graph = TestGraphs.attributed(seed: 9, nodes: 30, edges: 60, ids: ids)
        let (folder, url, _) = try written(graph)
        defer { folder.remove() }
        var peer = try PeerGraph.igraph("igraph.Graph.Read_GML(path)", file: url, nameAttribute: "label")
        for (id, attributes) in peer.nodes {
            peer.nodes[id]?["label"] = attributes["display_label"]
            peer.nodes[id]?["display_label"] = nil
        }
        let expected: (AttributeValue) -> PeerGraph.Value? = { value in
            switch value {
            case .bool(let flag): return .number(flag ? 1 : 0)
            case .string, .date, .stringList:
                var text = ""
                for scalar in value.text.unicodeScalars {
                    if (" "..."~").contains(scalar) { text.unicodeScalars.append(scalar) } else { text += "&#\(scalar.value);" }
                }
                return .string(text)
            default: return PeerGraph.standard(value)
            }
        }
        #expect(peer.differences(from: graph, expected: expected, ignoringNode: ["id"], checkExtras: false) == [])
    }

    @Test("Cercle reads the GML NetworkX writes as NetworkX reads it",
          arguments: ["karate", "les_miserables", "florentine_families", "uk_faculty", "dolphins"])
    func networkxWrites(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("\(name).gml")
        let result = try Subprocess.python("""
            import sys, networkx as nx
            nx.write_gml(nx.read_graphml(sys.argv[1]), sys.argv[2])
            """, [Fixtures.shared("networks/\(name).graphml").path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let reference = try ReferenceValues(network: name)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        #expect(report.sources[0].notes.isEmpty)
        let peer = try PeerGraph.networkx("nx.read_gml(path)", file: url)
        #expect(peer.differences(from: graph, expected: Self.networkxValue) == [])
    }
}
