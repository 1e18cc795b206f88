import Foundation
import Testing
import _CercleTestSupport

/// `cercle map` and `cercle report` end to end: formats, errors without partial files,
/// memory over repeated renders, and the report opened in headless Chromium.
@Suite("cercle map and cercle report")
struct MapCommandTests {
    static let karate = [Fixtures.shared("networks/karate_weighted.edges.csv").path,
                         Fixtures.shared("networks/karate_weighted.nodes.csv").path]
    static let demo = Fixtures.repositoryRoot.appendingPathComponent("Examples/demo/team.jsonl").path

    @Test("the format follows the extension: SVG, PNG, PDF, DOT", arguments: ["svg", "png", "pdf", "dot"])
    func formats(_ ext: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try CercleCommand.run(["map"] + Self.karate + ["-o", "map.\(ext)"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("wrote map.\(ext): 34 nodes, 78 edges, layout neato"))
        let data = try Data(contentsOf: folder.path("map.\(ext)"))
        let head = String(decoding: data.prefix(5), as: UTF8.self)
        switch ext {
        case "svg": #expect(head == "<?xml")
        case "png": #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        case "pdf": #expect(head == "%PDF-")
        default: #expect(head == "graph")
        }
    }

    @Test("bad layout, unwritable path, unknown person: one line, exit 1, no file left")
    func errors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let layout = try CercleCommand.run(["map"] + Self.karate + ["-o", "map.svg", "--layout", "bogus", "--quiet"], in: folder.url)
        #expect(layout.status == 1)
        #expect(layout.stderr.hasPrefix("cercle: map.svg: layout bogus failed: "))
        #expect(layout.stderr.contains("not recognized"))
        #expect(layout.stderr.split(separator: "\n").count == 1)
        let folderMissing = try CercleCommand.run(["map"] + Self.karate + ["-o", "nowhere/map.svg", "--quiet"], in: folder.url)
        #expect(folderMissing.status == 1)
        let ego = try CercleCommand.run(["map"] + Self.karate + ["-o", "map.svg", "--ego", "Nobody", "--quiet"], in: folder.url)
        #expect(ego.status == 1)
        #expect(ego.stderr.contains("--ego Nobody: no such person"))
        let format = try CercleCommand.run(["map"] + Self.karate + ["-o", "map.jpeg"], in: folder.url)
        #expect(format.status == 2)
        let colour = try CercleCommand.run(["map"] + Self.karate + ["-o", "map.svg", "--color", "shoe_size", "--quiet"], in: folder.url)
        #expect(colour.status == 1)
        #expect(colour.stderr.contains("no node attribute 'shoe_size'"))
        #expect(folder.contents().isEmpty)
    }

    /// Skipping `gvFreeLayout` alone made this grow by 8 MB (34 nodes, 100 renders) and by
    /// 24 MB on the 115-node football graph; with every free, it stays within 1 MB.
    @Test("100 renders do not grow the process")
    func noLeak() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try CercleCommand.run(["map"] + Self.karate + ["-o", "map.svg", "--quiet", "--repeat-render", "100"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let numbers = run.stderr.split(separator: ",").compactMap { part -> Double? in
            guard part.contains("MB") else { return nil }
            return part.split(separator: " ").compactMap { Double($0) }.first
        }
        #expect(numbers.count == 2, "\(run.stderr)")
        guard numbers.count == 2 else { return }
        #expect(numbers[1] - numbers[0] < 4, "resident memory grew from \(numbers[0]) to \(numbers[1]) MB")
    }

    @Test("the ego map of a team member, found by name")
    func egoMap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try CercleCommand.run(["map", Self.demo, "--ego", "anna becker", "-o", "anna.svg"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try String(contentsOf: folder.path("anna.svg"), encoding: .utf8)
        #expect(svg.contains("Anna Becker&#39;s circles") || svg.contains("Anna Becker's circles"))
        #expect(svg.contains("5 closest"))
    }

    /// Opens `file` in headless Chromium; returns the DOM after the scripts ran and stderr.
    static func chromium(_ file: URL, profile: URL) throws -> (dom: String, log: String) {
        let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let browser = try #require(path, "headless Chromium is needed (Scripts/setup-system.sh --test installs it)")
        let run = try Subprocess.run(URL(fileURLWithPath: browser), [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", file.absoluteString,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return (run.stdout, run.stderr)
    }

    static func bodyAttribute(_ name: String, in dom: String) -> String? {
        guard let body = dom.range(of: "<body"), let end = dom[body.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = dom[body.upperBound..<end]
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test("the demo's report loads in Chromium without errors and draws every person")
    func report() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try CercleCommand.run(["report", Self.demo, "-o", "report.html", "--quiet"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: folder.path("report.html"), encoding: .utf8)
        // Self-contained: nothing is fetched from anywhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
        for section in ["central", "brokers", "communities", "bridges", "circles", "weak-ties"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        let (dom, log) = try Self.chromium(folder.path("report.html"), profile: folder.path("profile"))
        #expect(Self.bodyAttribute("data-ready", in: dom) == "true")
        #expect(Self.bodyAttribute("data-errors", in: dom) == "0")
        #expect(Self.bodyAttribute("data-map-nodes", in: dom) == "1376")
        #expect(!log.contains("Uncaught"), "\(log)")
    }

    @Test("--redact names: no name, e-mail or profile link left anywhere in the report")
    func redactedReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try CercleCommand.run(["report", Self.demo, "-o", "report.html", "--redact", "all", "--quiet"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: folder.path("report.html"), encoding: .utf8)
        for secret in ["Anna Becker", "Jonas Weber", "Becker", "@example", "linkedin.com/in/"] {
            #expect(!html.contains(secret), "\(secret)")
        }
        let (dom, _) = try Self.chromium(folder.path("report.html"), profile: folder.path("profile"))
        #expect(Self.bodyAttribute("data-errors", in: dom) == "0")
        #expect(Self.bodyAttribute("data-map-nodes", in: dom) == "1376")
    }
}
