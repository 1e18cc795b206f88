import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Pajek")
struct PajekTests {
    func load(_ text: String, name: String = "g.net") throws -> (ContactGraph, SourceReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, report) = try TestGraphs.load([try folder.write(name, text)], registry: .builtIn)
        return (graph, report.sources[0])
    }

    func message(_ text: String) -> String? {
        do {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = try folder.write("g.net", text)
            do {
                _ = try TestGraphs.load([url], registry: .builtIn)
            } catch let error as ImportError {
                return error.description.replacingOccurrences(of: url.path, with: "g.net")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test("igraph's example: CRLF, comments, coordinates, drawing parameters, arcs, self-loops")
    func igraphExample() throws {
        let url = Fixtures.shared("formats/graph-files/igraph-0.10.2-examples/links.net")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        #expect(graph.ids == ["1", "2", "3", "4"])
        #expect(graph.isDirected)
        #expect(graph.metadata["name"] == "TRALALA")
        #expect(graph.edgeCount == 5)
        #expect(graph.weight(from: 3, to: 1) == -1)
        #expect(graph.nodeAttributes.value("x", at: 0) == .double(0.0938))
        #expect(graph.nodeAttributes.value("y", at: 3) == .double(0.8563))
        #expect(report.droppedSelfLoops == 2)
        #expect(report.sources[0].rows == 11)
        #expect(report.sources[0].notes == ["vertex shapes and drawing parameters ignored"])
    }

    @Test("labels name the nodes; quoted labels with escapes; unlabelled vertices by number")
    func labels() throws {
        let text = """
            % a comment
            *Network team
            *Vertices 3
            1 "Ann Smith"
            2 "say \\"hi\\""
            3 Bob
            *Edges
            1 2 2.5
            2 3
            """
        let (graph, report) = try load(text)
        #expect(graph.ids == ["Ann Smith", "say \"hi\"", "Bob"])
        #expect(graph.weight(from: 0, to: 1) == 2.5)
        #expect(graph.weight(from: 1, to: 2) == 1)
        #expect(report.notes.isEmpty)
        let (partial, note) = try load("*Vertices 3\n1 \"a\"\n3 \"a\"\n*Edges\n1 2\n2 3\n")
        #expect(partial.ids == ["1", "2", "3"])
        #expect(partial.nodeAttributes.value("label", at: 2) == .string("a"))
        #expect(note.notes == ["vertex labels are missing or repeat: node ids are the vertex numbers, labels are kept as the label attribute"])
    }

    @Test("*Edgeslist, *Arcslist, *Matrix; *Edges in a directed file become two arcs; other sections skipped")
    func sections() throws {
        let lists = "*Vertices 4\n*Arcslist\n1 2 3\n*Edgeslist\n4 1\n*Partition p\n*Vertices 2\n1\n2\n*Network second\n*Vertices 1\n"
        let (graph, report) = try load(lists)
        #expect(graph.isDirected)
        #expect(graph.hasEdge(from: 0, to: 1) && graph.hasEdge(from: 0, to: 2) && !graph.hasEdge(from: 1, to: 0))
        #expect(graph.hasEdge(from: 3, to: 0) && graph.hasEdge(from: 0, to: 3))
        #expect(report.skipped.map(\.line) == [8, 9])
        #expect(report.notes == [
            "1 *Edges line(s) in a directed network read as two opposite arcs",
            "sections not read: *Partition, further networks",
        ])
        let (matrix, _) = try load("*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Matrix\n0 2 0\n0 0 1\n1 0 0\n")
        #expect(matrix.isDirected)
        #expect(matrix.edgeCount == 3)
        #expect(matrix.weight(from: 0, to: 1) == 2)
    }

    @Test("malformed files name line and reason", arguments: [
        ("*Vertices 2\n1 \"a\"\n*Edges\n1 3\n", "g.net:4: '3' is not a vertex number in 1…2"),
        ("*Vertices 2\n1 \"a\n", "g.net:2:3: unterminated quote"),
        ("*Vertices 2\n*Edges\n1 2 inf\n", "g.net:3: weight inf is not a finite number"),
        ("*Vertices x\n", "g.net:1: *Vertices needs the number of vertices"),
        ("*Edges\n1 2\n", "g.net:1: *edges before *Vertices"),
        ("*Vertices 2\n1 a\n1 b\n", "g.net:3: vertex 1 is listed twice"),
        ("1 2\n", "g.net:1: a line before *Vertices: '1 2'"),
        ("*Vertices 2\n*Matrix\n0 1\n1\n", "g.net:4: a matrix row needs 2 values, found 1"),
    ])
    func malformed(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("golden: quoted ids, coordinates, weights")
    func golden() throws {
        var builder = GraphBuilder(directed: true)
        let a = builder.node("Ann Smith")
        _ = builder.node("back\\slash \"q\"")
        builder.setNodeAttribute("x", .double(0.25), node: a)
        builder.setNodeAttribute("y", .double(0.5), node: a)
        builder.addEdge("Ann Smith", "back\\slash \"q\"", weight: 2)
        builder.addEdge("back\\slash \"q\"", "Ann Smith", weight: 0.5)
        builder.metadata["name"] = "demo"
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("g.net")
        try PluginRegistry.builtIn.write(builder.build(), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == """
            *Network demo
            *Vertices 2
            1 "Ann Smith" 0.25 0.5
            2 "back\\\\slash \\"q\\""
            *Arcs
            1 2 2.0
            2 1 0.5

            """)
    }

    @Test("round trip: ids, edges, weights and coordinates", arguments: 1...12)
    func roundTrip(seed: Int) throws {
        for directed in [false, true] {
            var graph = TestGraphs.attributed(seed: UInt64(seed), directed: directed, weighted: seed % 3 != 0)
            graph.nodeAttributes.set(AttributeColumn(name: "x", doubles: (0..<graph.nodeCount).map { Double($0) / 8 }))
            graph.nodeAttributes.set(AttributeColumn(name: "y", doubles: (0..<graph.nodeCount).map { 1 - Double($0) / 16 }))
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = folder.path("g.net")
            try PluginRegistry.builtIn.write(graph, to: url)
            let (again, _) = try TestGraphs.load([url], registry: .builtIn)
            #expect(again.ids == graph.ids)
            // Pajek carries structure, weights and coordinates only.
            #expect(GraphComparison.differences(graph, again, transform: { $0 }, checkAttributes: false) == [])
            #expect(again.nodeAttributes["x"] == graph.nodeAttributes["x"])
            #expect(again.nodeAttributes["y"] == graph.nodeAttributes["y"])
        }
    }

    @Test("NetworkX's read_pajek gives back Cercle's ids and weights", arguments: [false, true])
    func networkxReads(directed: Bool) throws {
        let graph = TestGraphs.attributed(seed: 4, nodes: 40, edges: 90, directed: directed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("g.net")
        try PluginRegistry.builtIn.write(graph, to: url)
        let peer = try PeerGraph.networkx("nx.read_pajek(path)", file: url)
        #expect(peer.differences(from: graph, expected: { _ in nil }, ignoringNode: ["id"]) == [])
    }

    @Test("Cercle reads the Pajek NetworkX writes as NetworkX reads it",
          arguments: ["karate", "les_miserables", "florentine_families", "uk_faculty", "power_grid"])
    func networkxWrites(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("\(name).net")
        let result = try Subprocess.python("""
            import sys, warnings, networkx as nx
            warnings.simplefilter("ignore")
            nx.write_pajek(nx.read_graphml(sys.argv[1]), sys.argv[2])
            """, [Fixtures.shared("networks/\(name).graphml").path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let reference = try ReferenceValues(network: name)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        #expect(report.sources[0].isBalanced)
        let peer = try PeerGraph.networkx("nx.read_pajek(path)", file: url)
        // NetworkX keeps string attributes as `key value` pairs on vertex lines; Pajek's
        // drawing parameters for Cercle, so only the structure, weights and coordinates compare.
        #expect(peer.differences(from: graph, ignoringNode: ["id"], checkExtras: false) == [])
    }
}
