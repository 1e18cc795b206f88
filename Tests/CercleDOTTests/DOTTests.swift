import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("DOT")
struct DOTTests {
    func load(_ text: String) throws -> (ContactGraph, SourceReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, report) = try TestGraphs.load([try folder.write("g.gv", text)], registry: .builtIn)
        return (graph, report.sources[0])
    }

    func message(_ text: String) -> String? {
        do {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = try folder.write("g.gv", text)
            do {
                _ = try TestGraphs.load([url], registry: .builtIn)
            } catch let error as ImportError {
                return error.description.replacingOccurrences(of: url.path, with: "g.gv")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    static let samples: [String] = {
        let root = Fixtures.shared("formats/dot/graphviz-2.42.2")
        return ["directed", "undirected"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".gv") }.map { "\(folder)/\($0)" }
        }.sorted()
    }()

    @Test("the 52 Graphviz samples exist")
    func sampleCount() {
        #expect(Self.samples.count == 52)
    }

    @Test("every Graphviz sample reads with Graphviz's own node and edge counts", arguments: samples)
    func graphvizSamples(name: String) throws {
        let url = Fixtures.shared("formats/dot/graphviz-2.42.2/\(name)")
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        // `gc -n -e` is Graphviz's counter: nodes and edges (parallel edges and loops included).
        let counts = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["gc", "-n", "-e", url.path])
        #expect(counts.status == 0)
        let numbers = counts.stdout.split(whereSeparator: \.isWhitespace).prefix(2).compactMap { Int($0) }
        #expect(numbers.count == 2)
        #expect(graph.nodeCount == numbers.first)
        #expect(report.sources[0].ties == numbers.last)
        #expect(report.sources[0].isBalanced)
        #expect(graph.isDirected == name.hasPrefix("directed"))
    }

    @Test("the Latin-1 sample reads its label")
    func latin1() throws {
        let (graph, report) = try TestGraphs.load([Fixtures.shared("formats/dot/graphviz-2.42.2/directed/Latin1.gv")], registry: .builtIn)
        #expect(graph.ids == ["a"])
        #expect(graph.nodeAttributes.value("label", at: 0) == .string("áâãäåæçèéêëìíîïðñòóôõöøùúûü"))
        #expect(graph.nodeAttributes.value("fontsize", at: 0) == .string("10"))
        #expect(report.sources[0].notes.isEmpty)
    }

    @Test("attributes, defaults, subgraph edges, weights, escapes, \\N labels")
    func attributes() throws {
        let text = #"""
            strict digraph "team map" {
              label="Sales";
              node [shape=box];
              a [label="Ann\nSmith"];
              b [label="\N", note="back\\slash and \"quote\""];
              subgraph cluster_x { c; d; c -> d [weight=2.5]; }
              a -> b [weight=3, kind=work];
              a -> b;
              b -> c [weight=heavy];
            }
            """#
        let (graph, report) = try load(text)
        #expect(graph.ids == ["a", "b", "c", "d"])
        #expect(graph.isDirected)
        #expect(graph.metadata["name"] == "team map")
        #expect(graph.metadata["label"] == "Sales")
        #expect(graph.nodeAttributes.value("shape", at: 3) == .string("box"))
        #expect(graph.nodeAttributes.value("label", at: 0) == .string("Ann\nSmith"))
        #expect(graph.nodeAttributes.value("label", at: 1) == nil)
        #expect(graph.nodeAttributes.value("note", at: 1) == .string("back\\slash and \"quote\""))
        #expect(graph.weight(from: 2, to: 3) == 2.5)
        #expect(graph.weight(from: 0, to: 1) == 3)  // strict: the second a -> b is the same edge
        #expect(report.ties == 3)
        let index = graph.makeEdgeIndex()
        let heavy = try #require(graph.edgeID(from: 1, to: 2, index: index))
        #expect(graph.edgeAttributes.value("weight_text", at: heavy) == .string("heavy"))
        #expect(report.notes == ["1 edge weight(s) that are not numbers kept as the attribute weight_text"])
    }

    @Test("Graphviz's parse errors are reported with its words and the line", arguments: [
        ("digraph {\n  a -> b\n  c -> \n}", "g.gv:4: Graphviz: syntax error in line 4 near '}'"),
        ("graph { a -- b ] }", "g.gv:1: Graphviz: syntax error in line 1 near ']'"),
        ("digraph { a -- b }", "g.gv:1: Graphviz: syntax error in line 1 near '--'"),
        ("", "g.gv: not a DOT graph (Graphviz read nothing)"),
    ])
    func parseErrors(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("golden: quoted ids and values, escapes, weights")
    func golden() throws {
        var builder = GraphBuilder()
        let a = builder.node("node")
        _ = builder.node("say \"hi\"\\")
        builder.setNodeAttribute("label", .string("Ann\nSmith"), node: a)
        builder.setNodeAttribute("age", .integer(41), node: a)
        let edge = builder.addEdge("node", "say \"hi\"\\", weight: 2.5)
        builder.setEdgeAttribute("since", .date(Date(timeIntervalSince1970: 0)), edge: edge)
        builder.metadata["name"] = "team"
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("g.gv")
        try PluginRegistry.builtIn.write(builder.build(), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == #"""
            graph "team" {
              "node" ["label"="Ann\nSmith", "age"="41"];
              "say \"hi\"\\";
              "node" -- "say \"hi\"\\" ["weight"="2.5", "since"="1970-01-01"];
            }

            """#)
    }

    @Test("round trip: ids, edges, weights and attribute texts", arguments: 1...12)
    func roundTrip(seed: Int) throws {
        for directed in [false, true] {
            let graph = TestGraphs.attributed(seed: UInt64(seed), directed: directed, weighted: seed % 3 != 0)
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = folder.path("g.gv")
            try PluginRegistry.builtIn.write(graph, to: url)
            let (again, report) = try TestGraphs.load([url], registry: .builtIn)
            #expect(again.ids == graph.ids)
            #expect(GraphComparison.differences(graph, again, transform: { .string($0.text) }) == [])
            #expect(report.sources[0].notes.isEmpty)
        }
    }

    @Test("dot lays out what Cercle writes", arguments: [false, true])
    func dotAccepts(directed: Bool) throws {
        let graph = TestGraphs.attributed(seed: 2, nodes: 30, edges: 60, directed: directed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.path("g.gv")
        try PluginRegistry.builtIn.write(graph, to: url)
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"), ["dot", "-Tsvg", "-o", folder.path("g.svg").path, url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: folder.path("g.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"node\"").count == graph.nodeCount + 1)
        #expect(svg.components(separatedBy: "class=\"edge\"").count == graph.edgeCount + 1)
    }
}
