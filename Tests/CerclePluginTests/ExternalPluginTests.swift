import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

/// The external-plugin host: discovery, `--describe`, streaming import, export through
/// the host's temporary file, and one clear error for every way a plugin can fail.
@Suite("External plugins: discovery, import, export, failures")
struct ExternalPluginTests {
    static let records = """
        {"type":"header","format":"cercle-jsonl","version":1,"ids":"global"}
        {"type":"person","id":"ann","name":"Ann"}
        {"type":"person","id":"bo","name":"Bo"}
        {"type":"tie","source":"ann","target":"bo","weight":2}
        {"type":"tie","source":"bo","target":"cy","weight":1}

        """

    func registry(_ folder: TemporaryFolder) -> PluginRegistry {
        PluginRegistry.builtIn.addingExternalPlugins(ExternalPluginSearch(folders: [folder.url]))
    }

    func load(_ file: URL, _ registry: PluginRegistry, format: String? = nil, timeout: Double = 30) throws -> (ContactGraph, ImportReport) {
        var options = ImportOptions()
        options.pluginTimeout = timeout
        var builder = GraphBuilder()
        var report = try registry.read([ImportInput(url: file, displayName: file.lastPathComponent)], format: format,
                                       options: options, into: &builder)
        return (PluginRegistry.build(builder, report: &report), report)
    }

    @Test("a plugin found in a folder is described, listed and streams its records in")
    func importing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FakePlugins.write("relay", in: folder.url)
        let registry = registry(folder)
        let importer = try #require(registry.importer(id: "relay"))
        #expect(importer.format.origin == folder.url.appendingPathComponent("cercle-plugin-relay").path)
        #expect(importer.format.version == "0.1.0")
        #expect(registry.exporter(id: "relay") != nil)
        let data = try folder.write("team.relay", Self.records)
        // The content is JSON lines, which the built-in importer sniffs; the format is forced.
        let (graph, report) = try load(data, registry, format: "relay")
        #expect(graph.ids == ["ann", "bo", "cy"])
        #expect(graph.edgeCount == 2)
        #expect(report.sources.first?.format == "relay")
        #expect(report.sources.first?.rows == 4)
        #expect(report.sources.first?.isBalanced == true)
    }

    @Test("export pipes JSON lines into the plugin, which writes the host's temporary file")
    func exporting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plugins = try TemporaryFolder()
        defer { plugins.remove() }
        try FakePlugins.write("relay", in: plugins.url)
        let registry = registry(plugins)
        let graph = TestGraphs.make([("ann", "bo", 2), ("bo", "cy", 1)])
        let out = folder.path("g.relay")
        var options = ExportOptions()
        options.pluginTimeout = 30
        try registry.write(graph, to: out, options: options)
        #expect(folder.contents() == ["g.relay"])
        let (again, _) = try load(out, registry)
        #expect(again.ids == graph.ids)
        #expect(again.weights == graph.weights)
    }

    @Test("skip and note records reach the import report")
    func skipsAndNotes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FakePlugins.write("rows", in: folder.url, importBody: """
            echo '{"type":"person","id":"a"}'
            echo '{"type":"skip","line":7,"reason":"no name"}'
            echo '{"type":"note","text":"hello"}'
            """)
        let (_, report) = try load(try folder.write("x.rows", "x"), registry(folder))
        let source = try #require(report.sources.first)
        #expect(source.rows == 2)
        #expect(source.skipped.map(\.line) == [7])
        #expect(source.notes == ["hello"])
        #expect(source.isBalanced)
    }

    @Test("sniff patterns claim a file by its first line, whatever its extension")
    func sniffing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FakePlugins.write("scan", in: folder.url, descriptor: FakePlugins.descriptor("scan", extensions: ["csv"], sniff: ["^SCAN,"]))
        let registry = registry(folder)
        let mine = try folder.write("a.txt", "SCAN,1,2\n")
        #expect(try registry.importer(for: ImportInput(url: mine)).format.id == "scan")
        let other = try folder.write("b.csv", "source,target\na,b\n")
        #expect(try registry.importer(for: ImportInput(url: other)).format.id == "csv")
    }

    @Test("the first folder wins for a name; non-executables are ignored")
    func searchOrder() throws {
        let first = try TemporaryFolder()
        let second = try TemporaryFolder()
        defer { first.remove(); second.remove() }
        try FakePlugins.write("dup", in: first.url)
        try FakePlugins.write("dup", in: second.url)
        try first.write("cercle-plugin-plain", "#!/bin/sh\n")  // not executable
        let search = ExternalPluginSearch(folders: [first.url, second.url])
        let found = search.executables()
        #expect(found.map(\.name) == ["dup"])
        #expect(found.first?.url.path == first.url.appendingPathComponent("cercle-plugin-dup").path)
        let standard = ExternalPluginSearch.standard(extra: ["/x"], environment: ["XDG_DATA_HOME": "/d", "PATH": "/a:/b"])
        #expect(standard.folders.map(\.path) == ["/x", "/d/cercle/plugins", "/a", "/b"])
        let home = ExternalPluginSearch.standard(environment: ["HOME": "/h"])
        #expect(home.folders.map(\.path) == ["/h/.local/share/cercle/plugins"])
    }

    /// Every way an importing plugin can fail, and the one line it gives.
    static let failures: [(name: String, body: String, message: String)] = [
        ("exit", "echo '{\"type\":\"person\",\"id\":\"a\"}'\necho 'disk on fire' >&2\nexit 3",
         "in.x: plugin exit: exited with status 3: disk on fire (after 1 line of output)"),
        ("garbage", "echo '{\"type\":\"person\",\"id\":\"a\"}'\necho 'hello world'",
         "in.x: plugin garbage: line 2: invalid JSON at column 1: unexpected character 'h'"),
        ("unknown", "echo '{\"type\":\"friend\",\"id\":\"a\"}'",
         "in.x: plugin unknown: line 1: unknown record type 'friend' (known: header, person, tie, interaction, event, skip, note)"),
        ("newer", "echo '{\"type\":\"header\",\"format\":\"cercle-jsonl\",\"version\":2}'",
         "in.x: plugin newer: line 1: protocol version 2 is newer than this Cercle's (1)"),
        ("crash", "echo '{\"type\":\"person\",\"id\":\"a\"}'\nkill -SEGV $$",
         "in.x: plugin crash: crashed (signal 11, SIGSEGV) (nothing on stderr) (after 1 line of output)"),
        ("hang", "echo '{\"type\":\"person\",\"id\":\"a\"}'\nsleep 30",
         "in.x: plugin hang: line 2: timed out after 0.5 s (see --plugin-timeout)"),
    ]

    @Test("a failing plugin gives one line naming the file, the plugin and the line", arguments: failures.indices)
    func failing(index: Int) throws {
        let (name, body, message) = Self.failures[index]
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FakePlugins.write(name, in: folder.url, importBody: body)
        let file = try folder.write("in.x", "data\n")
        #expect {
            _ = try load(file, registry(folder), format: name, timeout: 0.5)
        } throws: { error in
            let text = (error as? ImportError)?.description ?? "\(error)"
            #expect(text == message)
            return text == message
        }
    }

    @Test("a plugin speaking a newer protocol is unusable, and says why")
    func protocolMismatch() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FakePlugins.write("future", in: folder.url, descriptor: FakePlugins.descriptor("future", protocolVersion: 2))
        try FakePlugins.write("liar", in: folder.url, descriptor: FakePlugins.descriptor("other"))
        try FakePlugins.write("mute", in: folder.url, descriptor: "not json")
        let registry = registry(folder)
        #expect(registry.importer(id: "future") == nil)
        #expect(registry.unavailable.map(\.name) == ["future", "liar", "mute"])
        #expect(registry.unavailable[0].reason == "speaks protocol version 2; this Cercle speaks 1")
        #expect(registry.unavailable[1].reason == "--describe names the plugin 'other', but the file is cercle-plugin-liar")
        #expect(registry.unavailable[2].reason.hasPrefix("--describe did not print JSON"))
        let file = try folder.write("in.future", "x")
        #expect {
            _ = try load(file, registry, format: "future")
        } throws: { error in
            (error as? ImportError)?.description == "in.future: plugin future: speaks protocol version 2; this Cercle speaks 1"
        }
    }

    /// Every way an exporting plugin can fail: the export fails and nothing is left.
    static let exportFailures: [(name: String, body: String, timeout: Double, reason: String)] = [
        ("refuse", "cat > /dev/null\necho 'no space left' >&2\nexit 1", 60, "plugin refuse: exited with status 1: no space left"),
        ("partial", "head -c 10 > \"$2\"\nkill -KILL $$", 60, "plugin partial: crashed (signal 9, SIGKILL) (nothing on stderr)"),
        ("stall", "sleep 30", 0.5, "plugin stall: timed out after 0.5 s (see --plugin-timeout)"),
    ]

    @Test("a failing exporter leaves no file behind", arguments: exportFailures.indices)
    func failingExport(index: Int) throws {
        let (name, body, timeout, reason) = Self.exportFailures[index]
        let plugins = try TemporaryFolder()
        let folder = try TemporaryFolder()
        defer { plugins.remove(); folder.remove() }
        try FakePlugins.write(name, in: plugins.url, exportBody: body)
        // A graph big enough to fill the pipe, so a plugin that stops reading is noticed.
        let graph = TestGraphs.random(nodes: 20_000, edges: 60_000, seed: 1)
        var options = ExportOptions()
        options.pluginTimeout = timeout
        let out = folder.path("g.\(name)")
        #expect {
            try registry(plugins).write(graph, to: out, options: options)
        } throws: { error in
            (error as? ExportError)?.reason == reason
        }
        #expect(folder.contents().isEmpty)
    }
}
