import CercleBuiltins
import CercleCSV
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("CSV edge lists and node tables")
struct CSVEdgeListTests {
    func load(_ files: [(String, String)], options: ImportOptions = ImportOptions()) throws -> (ContactGraph, ImportReport) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let urls = try files.map { try folder.write($0.0, $0.1) }
        return try TestGraphs.load(urls, registry: .builtIn, options: options)
    }

    func importError(_ name: String, _ text: String) throws -> ImportError {
        do {
            _ = try load([(name, text)])
        } catch let error as ImportError {
            return error
        }
        Issue.record("no error for \(name)")
        throw CancellationError()
    }

    @Test("header, weight and typed edge attributes")
    func headerAndAttributes() throws {
        let (graph, report) = try load([("e.csv", "source,target,weight,since,kind\na,b,2.5,2019,work\nb,c,,2020,friend\n")])
        #expect(graph.nodeCount == 3)
        #expect(graph.edgeCount == 2)
        #expect(graph.weight(from: 0, to: 1) == 2.5)
        #expect(graph.weight(from: 1, to: 2) == 1)
        #expect(graph.edgeAttributes["since"]?.type == .integer)
        #expect(graph.edgeAttributes.value("kind", at: 1) == .string("friend"))
        #expect(report.sources.first?.rows == 2)
        #expect(report.sources.first?.isBalanced == true)
    }

    @Test("no header: two or three columns; semicolons and tabs detected")
    func headerless() throws {
        let (plain, _) = try load([("e.csv", "1,2\n2,3\n3,1\n")])
        #expect(plain.edgeCount == 3)
        let (semicolon, _) = try load([("e.csv", "a;b;3\nb;c;4\n")])
        #expect(semicolon.weight(from: 0, to: 1) == 3)
        let (tabs, _) = try load([("e.tsv", "a\tb\nb\tc\n")])
        #expect(tabs.edgeCount == 2)
    }

    @Test("BOM, CRLF, quoted fields with delimiters, quotes and line breaks")
    func quoting() throws {
        let text = "\u{FEFF}source,target,note\r\n\"Doe, Jane\",\"O\"\"Brien\",\"two\r\nlines\"\r\nx,y,plain\r\n"
        let (graph, report) = try load([("e.csv", text)])
        #expect(graph.ids == ["Doe, Jane", "O\"Brien", "x", "y"])
        #expect(graph.edgeAttributes.value("note", at: 0) == .string("two\r\nlines"))
        #expect(report.sources.first?.rows == 2)
    }

    @Test("Windows-1252 bytes are read as such")
    func windows1252() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // "Zoë,Müller" in Windows-1252.
        let url = try folder.write("e.csv", bytes: [0x5A, 0x6F, 0xEB, 0x2C, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A])
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        #expect(graph.ids == ["Zoë", "Müller"])
        #expect(report.sources.first?.notes == ["read as Windows-1252"])
    }

    @Test("parallel rows merge into one edge whose weight is the count")
    func eventLog() throws {
        let (graph, report) = try load([("e.csv", "source,target,Time\n1,2,10\n2,1,20\n1,2,30\n1,1,40\n")])
        #expect(graph.edgeCount == 1)
        #expect(graph.weight(from: 0, to: 1) == 3)
        #expect(graph.edgeAttributes.value("Time", at: 0) == .integer(10))
        #expect(report.mergedParallelEdges == 2)
        #expect(report.droppedSelfLoops == 1)
    }

    @Test("--directed keeps both directions apart")
    func directed() throws {
        var options = ImportOptions()
        options.directed = true
        let (graph, _) = try load([("e.csv", "source,target\na,b\nb,a\na,b\n")], options: options)
        #expect(graph.isDirected)
        #expect(graph.edgeCount == 2)
        #expect(graph.weight(from: 0, to: 1) == 2)
    }

    @Test("a node table names nodes, adds isolated ones and sets the node order")
    func nodeTable() throws {
        let (graph, report) = try load([
            ("e.csv", "source,target\nb,a\n"),
            ("n.csv", "id,label,age,member\na,Ann,31,true\nb,Bo,40,false\nc,Cy,,true\n"),
        ])
        #expect(graph.ids == ["a", "b", "c"])
        #expect(graph.label(of: 0) == "Ann")
        #expect(graph.nodeAttributes.value("age", at: 1) == .integer(40))
        #expect(graph.nodeAttributes.value("age", at: 2) == nil)
        #expect(graph.nodeAttributes.value("member", at: 2) == .bool(true))
        #expect(graph.degree(of: 2) == 0)
        #expect(report.sources.map(\.format) == ["csv-nodes", "csv"])
    }

    @Test("malformed files name the line", arguments: [
        ("unterminated.csv", "source,target\na,b\n\"c,d\ne,f\n", 3, "unterminated quoted field"),
        ("columns.csv", "source,target,weight\na,b,1\nc,d\n", 3, "expected 3 fields, found 2"),
        ("weight.csv", "source,target,weight\na,b,1\nc,d,heavy\n", 3, "weight 'heavy' is not a number"),
        ("emptyid.csv", "a,b\n,c\n", 2, "empty source node id"),
        ("dup.csv", "id,label\na,A\na,B\n", 3, "node 'a' is listed twice (first on line 2)"),
    ])
    func malformed(name: String, text: String, line: Int, reason: String) throws {
        let error = try importError(name, text)
        #expect(error.line == line)
        #expect(error.reason == reason)
        #expect(error.description.hasSuffix("\(name):\(line)\(error.column.map { ":\($0)" } ?? ""): \(reason)"))
    }

    @Test("an empty file is an error")
    func emptyFile() throws {
        let error = try importError("empty.csv", "")
        #expect(error.reason == "empty file: no edge")
        let blank = try importError("blank.csv", "\n\n")
        #expect(blank.reason == "empty file: no edge")
    }

    @Test("exports write edges and nodes that read back the same")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (graph, _) = try load([
            ("e.csv", "source,target,weight,note\n\"a,1\",b,2,\"x\"\"y\"\nb,c,3,\n"),
            ("n.csv", "id,label,score\n\"a,1\",Ann,1.5\nb,Bo,2\nc,,\n"),
        ])
        let edges = folder.path("out.csv")
        let nodes = folder.path("out.nodes.csv")
        try PluginRegistry.builtIn.write(graph, to: edges)
        try PluginRegistry.builtIn.write(graph, to: nodes)
        #expect(try String(contentsOf: edges, encoding: .utf8) == "source,target,weight,note\n\"a,1\",b,2.0,\"x\"\"y\"\nb,c,3.0,\n")
        #expect(try String(contentsOf: nodes, encoding: .utf8) == "id,label,score\n\"a,1\",Ann,1.5\nb,Bo,2.0\nc,,\n")
        let (again, _) = try TestGraphs.load([edges, nodes], registry: .builtIn)
        #expect(again.ids == graph.ids)
        #expect(again.weights == graph.weights)
        #expect(again.nodeAttributes["score"] == graph.nodeAttributes["score"])
    }
}
