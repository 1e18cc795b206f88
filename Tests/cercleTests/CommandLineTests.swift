import Foundation
import Testing
import _CercleTestSupport

@Suite("The cercle command")
struct CommandLineTests {
    @Test("--version and --help succeed")
    func versionAndHelp() throws {
        let version = try CercleCommand.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try CercleCommand.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:"))
        let analyzeHelp = try CercleCommand.run(["analyze", "--help"])
        #expect(analyzeHelp.stdout.contains("--metrics"))
    }

    @Test("misuse exits with 2, bad input with 1 and one line naming the file")
    func exitCodes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let noSource = try CercleCommand.run(["analyze"])
        #expect(noSource.status == 2)
        let unknownFlag = try CercleCommand.run(["analyze", "x.csv", "--bogus"])
        #expect(unknownFlag.status == 2)
        let missing = try CercleCommand.run(["analyze", "missing.csv"], in: folder.url)
        #expect(missing.status == 1)
        #expect(missing.stderr == "cercle: missing.csv: no such file\n")
        try folder.write("bad.csv", "source,target,weight\na,b,1\nc,d,x\n")
        let bad = try CercleCommand.run(["analyze", "bad.csv"], in: folder.url)
        #expect(bad.status == 1)
        #expect(bad.stderr == "cercle: bad.csv:3:3: weight 'x' is not a number\n")
    }

    @Test("a failed export leaves no file behind")
    func atomicOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("e.csv", "a,b\nb,c\n")
        let unknown = try CercleCommand.run(["import", "e.csv", "-o", "out.xyz"], in: folder.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("cannot tell the format"))
        #expect(unknown.stderr.contains("name it with --to"))
        let toStandardOutput = try CercleCommand.run(["import", "e.csv", "-o", "-"], in: folder.url)
        #expect(toStandardOutput.status == 1)
        #expect(toStandardOutput.stderr.contains("cercle: standard output: cannot tell the format to write; name it with --to"))
        let written = try CercleCommand.run(["import", "e.csv", "-o", "-", "--to", "jsonl", "--quiet"], in: folder.url)
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("{\"type\":\"header\""))
        let noFolder = try CercleCommand.run(["import", "e.csv", "-o", "nowhere/out.csv"], in: folder.url)
        #expect(noFolder.status == 1)
        #expect(folder.contents() == ["e.csv"])
        let ok = try CercleCommand.run(["import", "e.csv", "-o", "out.jsonl"], in: folder.url)
        #expect(ok.status == 0)
        #expect(folder.contents() == ["e.csv", "out.jsonl"])
    }

    @Test("analyze prints the summary and writes node tables as CSV and JSON")
    func analyze() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("e.csv", "source,target\na,b\nb,c\nc,a\nd,e\n")
        try folder.write("n.csv", "id,label\na,Ann\nb,Bo\nc,Cy\nd,Di\ne,Ed\nf,Fi\n")
        let result = try CercleCommand.run(["analyze", "e.csv", "n.csv", "--metrics", "degree", "-o", "out.csv", "--quiet"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("nodes 6, edges 4, components 3 (largest 3), isolated 1"))
        let csv = try String(contentsOf: folder.path("out.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("id,label,degree\na,Ann,2"))
        let json = try CercleCommand.run(["analyze", "e.csv", "n.csv", "--metrics", "degree", "-o", "out.json", "--quiet"], in: folder.url)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.path("out.json"))) as? [String: Any]
        let graph = object?["graph"] as? [String: Any]
        #expect(graph?["nodes"] as? Int == 6)
        #expect(graph?["components"] as? Int == 3)
        #expect((object?["nodes"] as? [[String: Any]])?.count == 6)
    }

    @Test("--redact removes e-mail addresses from the output")
    func redact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("e.csv", "source,target\nann@acme.example,bo@acme.example\n")
        let result = try CercleCommand.run(["import", "e.csv", "-o", "out.csv", "--redact", "emails", "--quiet"], in: folder.url)
        #expect(result.status == 0)
        let text = try String(contentsOf: folder.path("out.csv"), encoding: .utf8)
        #expect(!text.contains("@"))
        #expect(text == "source,target\np1,p2\n")
    }
}

@Suite("The demo network against NetworkX")
struct DemoNetworkTests {
    static let demo = Fixtures.repositoryRoot.appendingPathComponent("Examples/demo")

    @Test("import to node-link JSON, analyze it: the node and edge counts NetworkX finds")
    func countsMatchNetworkX() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("out.json").path
        let imported = try CercleCommand.run(["import", Self.demo.appendingPathComponent("team.jsonl").path, "-o", out, "--quiet"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let analyzed = try CercleCommand.run(["analyze", out, "--quiet"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        let python = try Subprocess.python("""
            import sys, json, csv, networkx as nx
            G = nx.Graph()
            with open(sys.argv[1]) as f:
                G.add_nodes_from(row['id'] for row in csv.DictReader(f))
            with open(sys.argv[2]) as f:
                G.add_edges_from((row['source'], row['target']) for row in csv.DictReader(f))
            H = nx.node_link_graph(json.load(open(sys.argv[3])), edges="edges")
            print(G.number_of_nodes(), G.number_of_edges(), H.number_of_nodes(), H.number_of_edges())
            """, [Self.demo.appendingPathComponent("nodes.csv").path, Self.demo.appendingPathComponent("edges.csv").path, out])
        #expect(python.status == 0, "\(python.stderr)")
        let counts = python.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(counts.count == 4)
        guard counts.count == 4 else { return }
        #expect(analyzed.stdout.contains("nodes \(counts[0]), edges \(counts[1]),"))
        #expect(counts[2] == counts[0] && counts[3] == counts[1])
    }
}
