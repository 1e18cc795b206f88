import Foundation
import Testing
import _CercleTestSupport

/// `cercle plugins list | describe | check` and external plugins end to end, through the
/// built binary as a user runs it.
@Suite("cercle plugins: external plugins and the conformance kit")
struct PluginCommandTests {
    static let examples = Fixtures.repositoryRoot.appendingPathComponent("Examples/plugins")
    static let badgeSample = examples.appendingPathComponent("badgescan-sample.csv")
    static let contacts = Fixtures.url("contacts")

    /// No plugin from the user's own folder may leak into a test.
    func run(_ arguments: [String], home: TemporaryFolder) throws -> CercleCommand.Result {
        try CercleCommand.run(arguments, environment: ["XDG_DATA_HOME": home.url.path])
    }

    @Test("an external plugin is listed beside the built-ins with its version and path")
    func listing() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let result = try run(["plugins", "list", "--plugin-path", Self.examples.path], home: home)
        #expect(result.status == 0)
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("badgescan ") })
        #expect(row.contains("1.0.0"))
        #expect(row.contains(Self.examples.appendingPathComponent("cercle-plugin-badgescan").path))
        let describe = try run(["plugins", "describe", "badgescan", "--plugin-path", Self.examples.path], home: home)
        #expect(describe.stdout.contains(#""protocol":1"#))
    }

    @Test("the Python badge-scan importer runs end to end: sniffed, streamed, merged, reported")
    func pythonExample() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let out = home.path("met.jsonl")
        let result = try run(["import", Self.badgeSample.path, "--plugin-path", Self.examples.path, "-o", out.path], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(badgescan): 9 records"))
        #expect(result.stderr.contains("2 skipped (line 9: scan_time '' is not ISO 8601; line 10: no badge id or booth)"))
        let (graph, _) = try TestGraphs.load([out], registry: .builtIn)
        #expect(graph.nodeCount == 5)
        // Ann, Bo and Cy met at booth B12 in the morning; Bo and Dana at C03. Eve came alone.
        let pairs = Set(graph.edges.map { edge in
            [graph.ids[Int(edge.source)], graph.ids[Int(edge.target)]].sorted().joined(separator: " ")
        })
        #expect(pairs == [
            "ann@acme.example bo@beta.example", "ann@acme.example cy@gamma.example",
            "bo@beta.example cy@gamma.example", "bo@beta.example dana@delta.example",
        ])
        let check = try run(["plugins", "check", "badgescan", "--plugin-path", Self.examples.path,
                             "--sample", Self.badgeSample.path], home: home)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("0 failed"))
    }

    /// A sample for each importer that cannot write its own; the others are checked on
    /// what their exporter writes.
    static let samples: [String: String] = [
        "linkedin": "linkedin/max-mustermann/Connections.csv",
        "linkedin-messages": "linkedin/lena-vogel/messages.csv",
        "vcard": "vcard/karl-schmidt.vcf",
        "google-csv": "addressbook-csv/anna-berg.csv",
        "outlook-csv": "addressbook-csv/karin-lange.csv",
        "crm": "crm/accounts_contacts.csv",
        "mbox": "mbox/anna-becker.mbox",
        "ics": "ics/jonas-weber.ics",
    ]

    static let builtInFormats = [
        "linkedin", "linkedin-messages", "vcard", "google-csv", "outlook-csv", "crm", "mbox", "ics",
        "csv-nodes", "csv", "jsonl", "node-link", "graphml", "gexf", "gml", "pajek", "dot", "pairs",
    ]

    @Test("the test covers every built-in format")
    func everyBuiltInCovered() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let result = try run(["plugins", "list"], home: home)
        let ids = result.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(Set(ids) == Set(Self.builtInFormats))
    }

    @Test("every built-in plugin passes the conformance kit", arguments: builtInFormats)
    func builtInConformance(format: String) throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        var arguments = ["plugins", "check", format]
        if let sample = Self.samples[format] { arguments += ["--sample", Self.contacts.appendingPathComponent(sample).path] }
        let result = try run(arguments, home: home)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(" 0 failed, 0 skipped"), "\(result.stdout)")
        #expect(result.stdout.contains("pass  bad input"))
    }

    @Test("a shell plugin that imports and exports passes the kit, round trip included")
    func shellPluginConformance() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        try FakePlugins.write("relay", in: home.url)
        let result = try run(["plugins", "check", "relay", "--plugin-path", home.url.path], home: home)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("pass  round trip"))
        #expect(result.stdout.contains("pass  atomic output"))
    }

    /// Broken plugins and the one line each gives on the command line.
    static let broken: [(name: String, body: String, descriptor: String?, expected: String)] = [
        ("exit", "echo 'cannot parse row 4' >&2\nexit 2", nil, "plugin exit: exited with status 2: cannot parse row 4"),
        ("garbage", "echo '{\"type\":\"person\",\"id\":\"a\"}'\necho '<html>'", nil, "plugin garbage: line 2: invalid JSON"),
        ("hang", "sleep 60", nil, "plugin hang: line 1: timed out after 1 s"),
        ("crash", "kill -SEGV $$", nil, "plugin crash: crashed (signal 11, SIGSEGV)"),
        ("future", "cat \"$2\"", FakePlugins.descriptor("future", protocolVersion: 7),
         "plugin future: speaks protocol version 7; this Cercle speaks 1"),
    ]

    @Test("a broken plugin gives one line, exit status 1 and no output file", arguments: broken.indices)
    func brokenPlugin(index: Int) throws {
        let (name, body, descriptor, expected) = Self.broken[index]
        let home = try TemporaryFolder()
        let work = try TemporaryFolder()
        defer { home.remove(); work.remove() }
        try FakePlugins.write(name, in: home.url, descriptor: descriptor, importBody: body)
        let input = try work.write("in.\(name)", "data\n")
        let out = work.path("out.jsonl")
        let result = try run(["import", input.path, "--format", name, "--plugin-path", home.url.path,
                              "--plugin-timeout", "1", "-o", out.path], home: home)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("cercle: \(input.path): \(expected)") == true, "\(result.stderr)")
        #expect(work.contents() == ["in.\(name)"])
        // The kit sees the same failure and says so.
        let check = try run(["plugins", "check", name, "--plugin-path", home.url.path, "--plugin-timeout", "1",
                             "--sample", input.path], home: home)
        #expect(check.status == 1)
        #expect(check.stdout.contains("fail  "), "\(check.stdout)")
    }
}
