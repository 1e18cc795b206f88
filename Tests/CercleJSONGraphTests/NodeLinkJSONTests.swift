import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Node-link JSON")
struct NodeLinkJSONTests {
    @Test("reads NetworkX's node_link_data layout, old 'links' key too")
    func reading() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = """
            {"directed": false, "multigraph": false, "graph": {"name": "x"},
             "nodes": [{"id": 1, "club": "Mr. Hi"}, {"id": 2, "club": "Officer", "w": 2.5}, {"id": "c"}],
             "links": [{"source": 1, "target": 2, "weight": 4}, {"source": 2, "target": "c"}]}
            """
        let (graph, report) = try TestGraphs.load([try folder.write("g.json", text)], registry: .builtIn)
        #expect(graph.ids == ["1", "2", "c"])
        #expect(graph.weight(from: 0, to: 1) == 4)
        #expect(graph.nodeAttributes.value("club", at: 1) == .string("Officer"))
        #expect(graph.nodeAttributes.value("w", at: 1) == .double(2.5))
        #expect(graph.metadata["name"] == "x")
        #expect(report.sources.first?.rows == 5)
    }

    @Test("a syntax error names line and column")
    func syntaxError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("g.json", "{\"nodes\": [\n  {\"id\": 1},\n  {\"id\" 2}\n]}")
        #expect {
            _ = try TestGraphs.load([url], registry: .builtIn)
        } throws: { error in
            (error as? ImportError)?.description == "\(url.path):3:9: invalid JSON: expected ':' after member name \"id\""
        }
    }

    @Test("writes what it reads")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let graph = TestGraphs.make([("a", "b", 2), ("b", "c", 0.5)])
        let out = folder.path("g.json")
        try PluginRegistry.builtIn.write(graph, to: out)
        let (again, _) = try TestGraphs.load([out], registry: .builtIn)
        #expect(again.ids == graph.ids)
        #expect(again.weights == graph.weights)
    }
}
