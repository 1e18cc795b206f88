import CercleBuiltins
import CercleCore
import CerclePlugin
import CercleTemplate
import Foundation
import Testing
import _CercleTestSupport

@Suite("Template plugin: the Cercle pairs format")
struct PairsTests {
    static let sample = """
        # cercle-pairs
        Ann Berg -- Bo Ek 3
        Bo Ek -- Cy Dahl

        # a comment
        Cy Dahl -- Ann Berg 0.5
        no separator here
        Dan -- Eve -2
        """

    @Test("pairs become weighted edges; bad rows are skipped with their line")
    func reading() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, report) = try TestGraphs.load([try folder.write("team.pairs", Self.sample)], registry: .builtIn)
        #expect(graph.ids == ["Ann Berg", "Bo Ek", "Cy Dahl"])
        #expect(graph.edgeCount == 3)
        #expect(graph.edges.map(\.weight).sorted() == [0.5, 1, 3])
        let source = try #require(report.sources.first)
        #expect(source.format == "pairs")
        #expect(source.rows == 5)
        #expect(source.isBalanced)
        #expect(source.skipped.map(\.line) == [7, 8])
    }

    @Test("the signature line is sniffed whatever the extension")
    func sniffing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("team.txt", "# cercle-pairs\na -- b\n")
        #expect(try PluginRegistry.builtIn.importer(for: ImportInput(url: url)).format.id == "pairs")
        let plain = try folder.write("x.pairs", "a -- b\n")
        #expect(PairsImporter().sniff(try PluginRegistry.sample(of: ImportInput(url: plain))) == .possible)
    }

    @Test("export then import keeps nodes, edges and weights")
    func roundTrip() throws {
        let graph = TestGraphs.make([("Ann", "Bo", 2), ("Bo", "Cy", 1.5), ("Cy", "Dan", 1)])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("g.pairs")
        try PluginRegistry.builtIn.write(graph, to: url)
        #expect(try String(contentsOf: url, encoding: .utf8).hasPrefix("# cercle-pairs\nAnn -- Bo 2.0\n"))
        let (again, _) = try TestGraphs.load([url], registry: .builtIn)
        #expect(again.ids == graph.ids)
        #expect(again.weights == graph.weights)
    }

    @Test("a name the format cannot hold fails the export and leaves no file")
    func unwritable() throws {
        let graph = TestGraphs.make([("a -- b", "c", 1)])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: ExportError.self) { try PluginRegistry.builtIn.write(graph, to: folder.path("g.pairs")) }
        #expect(folder.contents().isEmpty)
    }
}
