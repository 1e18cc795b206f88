import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Node-link JSON with NetworkX")
struct NodeLinkPeerTests {
    static let reading = "nx.node_link_graph(json.load(open(path)))"

    /// Node-link JSON keeps dates as text; lists stay lists of strings.
    static func expected(_ value: AttributeValue) -> PeerGraph.Value? {
        switch value {
        case .stringList(let items): .other("[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]")
        default: PeerGraph.standard(value)
        }
    }

    @Test("NetworkX's node_link_graph reads Cercle's node-link JSON with the same graph", arguments: [false, true])
    func networkxReads(directed: Bool) throws {
        let graph = TestGraphs.attributed(seed: 8, nodes: 40, edges: 90, directed: directed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("g.json")
        try PluginRegistry.builtIn.write(graph, to: url)
        let peer = try PeerGraph.networkx(Self.reading, file: url)
        #expect(peer.differences(from: graph, expected: Self.expected) == [])
    }

    @Test("Cercle reads the node-link JSON NetworkX writes as NetworkX reads it",
          arguments: ["karate", "les_miserables", "uk_faculty", "davis_southern_women"])
    func networkxWrites(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("\(name).json")
        let result = try Subprocess.python("""
            import sys, json, networkx as nx
            json.dump(nx.node_link_data(nx.read_graphml(sys.argv[1])), open(sys.argv[2], "w"))
            """, [Fixtures.shared("networks/\(name).graphml").path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let (graph, _) = try TestGraphs.load([url], registry: .builtIn)
        let reference = try ReferenceValues(network: name)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        let peer = try PeerGraph.networkx(Self.reading, file: url)
        #expect(peer.differences(from: graph, expected: Self.expected) == [])
    }
}
