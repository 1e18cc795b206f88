import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("cercle import with contact sources")
struct ContactImportTests {
    static let contacts = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/contacts")
    static let demo = Fixtures.repositoryRoot.appendingPathComponent("Examples/demo")

    static var fixtures: [URL] {
        ["linkedin/lena-vogel/Connections.csv", "linkedin/lena-vogel/messages.csv", "linkedin/max-mustermann/Connections.csv",
         "vcard/karl-schmidt.vcf", "vcard/ines-garcia.vcf", "addressbook-csv/anna-berg.csv", "addressbook-csv/karin-lange.csv",
         "crm/accounts_contacts.csv", "crm/hubspot_contacts.csv", "mbox/anna-becker.mbox", "ics/jonas-weber.ics"]
            .map { contacts.appendingPathComponent($0) }
    }

    @Test("--explain-merges lists every merge with its key and place, members named by folders included")
    func explainMerges() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let folders = ["linkedin", "addressbook", "google", "crm", "mail", "calendar"]
        let files = folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.subpathsOfDirectory(atPath: Self.demo.appendingPathComponent(folder).path)) ?? []
            return names.filter { ["csv", "vcf", "mbox", "ics"].contains(($0 as NSString).pathExtension) }.sorted().map { "\(folder)/\($0)" }
        }
        #expect(files.count == 19)
        let result = try CercleCommand.run(
            ["import"] + files + ["--as-of", "2026-10-31", "-o", folder.path("out.jsonl").path, "--explain-merges", "--quiet"],
            in: Self.demo)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2639)
        #expect(lines.allSatisfy { $0.hasPrefix("merged ") })
        // The members named by their folders, files and CRM owner columns meet their own records.
        #expect(lines.contains("merged member:Sofia Ramirez into linkedin.com/in/sofia-ramirez-e6e90052 on name sofia ramirez (linkedin/sofia-ramirez/Connections.csv)"))
        #expect(lines.contains("merged member:Thomas Krüger into linkedin.com/in/thomas-kruger-0d7761a1 on name thomas kruger (crm/accounts_contacts.csv:22)"))
        #expect(lines.filter { $0.contains(" on name ") }.count == 16)
        #expect(lines.contains { $0.contains(" on url linkedin.com/in/") && $0.contains("(linkedin/sofia-ramirez/Connections.csv:") })
        #expect(lines.contains { $0.contains(" on email ") && $0.contains("(mail/anna-becker.mbox:") })
        #expect(lines.contains { $0.contains(" on phone ") })
        #expect(lines.contains { $0.contains(" on name+organisation ") && $0.contains("(linkedin/thomas-kruger/Connections.csv:") })
        #expect(result.stderr.isEmpty)
    }

    @Test("a round trip through JSON lines keeps every person, tie, field and interaction of every contact format")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("y.jsonl")
        let result = try CercleCommand.run(["import"] + Self.fixtures.map(\.path) + ["-o", out.path, "--as-of", "2026-10-31", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        var options = ImportOptions()
        options.asOf = DateParsing.iso8601("2026-10-31")
        var builder = GraphBuilder()
        var report = try PluginRegistry.builtIn.read(Self.fixtures.map { ImportInput(url: $0, displayName: $0.path) }, options: options, into: &builder)
        let original = PluginRegistry.build(builder, report: &report, asOf: options.asOf)
        let (again, _) = try TestGraphs.load([out], registry: .builtIn)
        #expect(again.ids == original.ids)
        #expect(again.offsets == original.offsets)
        #expect(again.targets == original.targets)
        #expect(again.weights == original.weights)
        #expect(again.interactions.events == original.interactions.events)
        #expect(again.nodeAttributes.names.sorted() == original.nodeAttributes.names.sorted())
        for column in original.nodeAttributes.columns {
            #expect(again.nodeAttributes[column.name] == column, "node column \(column.name)")
        }
        #expect(again.edgeAttributes.names.sorted() == original.edgeAttributes.names.sorted())
        for column in original.edgeAttributes.columns {
            #expect(again.edgeAttributes[column.name] == column, "edge column \(column.name)")
        }
        for name in ["department", "website", "crm_id"] { #expect(original.nodeAttributes.contains(name), "\(name)") }
        for name in ["relation", "last_activity"] { #expect(original.edgeAttributes.contains(name), "\(name)") }
    }

    @Test("a malformed contact file stops the import with file, line and reason, and writes nothing")
    func malformed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("anna-berg.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Berg,,,\"Acme,Buyer,1 Jan 2024\n")
        let result = try CercleCommand.run(["import", "anna-berg.csv", "-o", "out.jsonl"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "cercle: anna-berg.csv:2: unterminated quoted field\n")
        #expect(folder.contents() == ["anna-berg.csv"])
    }
}
