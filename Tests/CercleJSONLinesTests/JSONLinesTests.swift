import CercleBuiltins
import CercleCore
import CercleJSONLines
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("JSON-lines interchange")
struct JSONLinesTests {
    static let sample = """
        {"type":"header","format":"cercle-jsonl","version":1,"directed":false,"ids":"local","name":"demo"}
        {"type":"person","id":"ann","name":"Ann Berg","emails":["ann@acme.example"],"organisation":"Acme","member":true,"attributes":{"age":31,"score":0.5,"vip":true,"tags":["a","b"]}}
        {"type":"person","id":"bo","name":"Bo Ek","phones":["+46 70 111 22 33"],"title":"CTO"}
        {"type":"tie","source":"ann","target":"bo","channels":["linkedin"],"since":"2021-03-04"}
        {"type":"interaction","channel":"email","date":"2024-05-06T07:08:09Z","from":"ann","to":["bo"],"cc":["cy@x.example"],"id":"<m1>"}

        {"type":"interaction","channel":"meeting","date":"2024-06-01","from":"bo","to":["ann","cy@x.example"]}
        """

    func load(_ text: String) throws -> (ContactGraph, ImportReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        return try TestGraphs.load([try folder.write("g.jsonl", text)], registry: .builtIn)
    }

    @Test("records become persons, ties and interactions")
    func reading() throws {
        let (graph, report) = try load(Self.sample)
        #expect(graph.ids == ["ann@acme.example", "tel:701112233", "cy@x.example"])
        #expect(graph.edgeCount == 3)
        #expect(graph.nodeAttributes.value("age", at: 0) == .integer(31))
        #expect(graph.nodeAttributes.value("tags", at: 0) == .stringList(["a", "b"]))
        #expect(graph.nodeAttributes.value(PersonField.member, at: 0) == .bool(true))
        #expect(graph.interactions.interactionCount == 2)
        #expect(graph.metadata["name"] == "demo")
        let source = try #require(report.sources.first)
        #expect(source.rows == 5)  // the header is not a data row
        #expect(source.isBalanced)
        #expect(source.interactions == 2)
    }

    @Test("export then import gives the same graph, fields and events")
    func roundTrip() throws {
        let (graph, _) = try load(Self.sample)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("out.jsonl")
        try PluginRegistry.builtIn.write(graph, to: out)
        let (again, _) = try TestGraphs.load([out], registry: .builtIn)
        #expect(again.ids == graph.ids)
        #expect(again.offsets == graph.offsets)
        #expect(again.targets == graph.targets)
        #expect(again.weights == graph.weights)
        #expect(again.interactions.events == graph.interactions.events)
        for column in graph.nodeAttributes.columns {
            #expect(again.nodeAttributes[column.name] == column, "node column \(column.name)")
        }
        for column in graph.edgeAttributes.columns {
            #expect(again.edgeAttributes[column.name] == column, "edge column \(column.name)")
        }
        // A second round trip writes the same bytes.
        let second = folder.path("again.jsonl")
        try PluginRegistry.builtIn.write(again, to: second)
        #expect(try Data(contentsOf: out) == Data(contentsOf: second))
    }

    @Test("bad lines name the line and the reason", arguments: [
        ("{\"type\":\"person\"}\n", 1, "person record without \"id\""),
        ("{\"type\":\"person\",\"id\":\"a\"}\n{\"type\":\"friend\"}\n", 2, "unknown record type 'friend' (known: header, person, tie, interaction, event, skip, note)"),
        ("{\"type\":\"person\",\"id\":\"a\"\n", 1, "invalid JSON at column 26: unterminated object"),
        ("[1,2]\n", 1, "a record is a JSON object"),
        ("{\"type\":\"tie\",\"source\":\"a\",\"target\":\"b\",\"weight\":\"x\"}\n", 1, "tie weight is not a number"),
        ("{\"type\":\"header\",\"version\":9}\n", 1, "protocol version 9 is newer than this Cercle's (1)"),
        ("{\"type\":\"tie\",\"source\":\"a\",\"target\":\"b\",\"channels\":[\"pigeon\"]}\n", 1, "unknown channel 'pigeon'"),
    ])
    func malformed(text: String, line: Int, reason: String) throws {
        #expect {
            _ = try load(text)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == line && error.reason == reason
        }
    }
}
