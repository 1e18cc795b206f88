import CercleBuiltins
import CercleCore
import CercleLinkedIn
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("LinkedIn Connections.csv")
struct LinkedInConnectionsTests {
    static let current = Fixtures.url("contacts/linkedin/lena-vogel/Connections.csv")
    static let old = Fixtures.url("contacts/linkedin/max-mustermann/Connections.csv")

    static func date(_ text: String) -> AttributeValue? { DateParsing.iso8601(text).map(AttributeValue.date) }

    @Test("the current layout: preamble, quoted commas, blank and half-empty rows, the ego from the folder")
    func currentLayout() throws {
        let (graph, report) = try TestGraphs.load([Self.current], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.format == "linkedin")
        #expect(source.rows == 9)
        #expect(source.accepted == 6)
        #expect(source.isBalanced)
        #expect(source.skipped == [
            .init(line: 7, reason: "blank row (a deleted or restricted account)"),
            .init(line: 10, reason: "no name, profile URL or e-mail"),
            .init(line: 13, reason: "expected 7 fields, found 9"),
        ])
        #expect(source.notes.contains("1 connection without a readable Connected On date, kept undated"))
        #expect(graph.nodeCount == 7)
        #expect(graph.edgeCount == 6)

        #expect(graph.memberIDs == ["lena-vogel"])
        #expect(graph.value(PersonField.label, of: "lena-vogel") == .string("Lena Vogel"))
        #expect(graph.degree(of: "lena-vogel") == 6)

        let paul = "paul.keller@kessler-voss.example"
        #expect(graph.value(PersonField.organisation, of: paul) == .string("Kessler, Voss & Partner"))
        #expect(graph.value(PersonField.urls, of: paul) == .stringList(["https://www.linkedin.com/in/paulkeller"]))
        #expect(graph.value(PersonField.member, of: paul) == .bool(false))
        let zoe = "linkedin.com/in/zo%c3%ab-m%c3%bcller-1a2b3c"
        #expect(graph.value(PersonField.label, of: zoe) == .string("Zoë Müller"))
        #expect(graph.value(PersonField.title, of: zoe) == .string("VP Sales, EMEA"))
        // Kept without a name: the URL identifies the person.
        #expect(graph.node(withID: "linkedin.com/in/hidden-member-77") != nil)
        #expect(graph.value(PersonField.label, of: "linkedin.com/in/hidden-member-77") == nil)

        #expect(graph.edgeValue(TieField.channels, between: "lena-vogel", and: zoe) == .stringList(["linkedin"]))
        #expect(graph.edgeValue(TieField.firstContact, between: "lena-vogel", and: zoe) == Self.date("2025-12-26"))
        #expect(graph.edgeValue(TieField.origin, between: "lena-vogel", and: zoe) == .string("observed"))
        #expect(graph.edgeID(between: "lena-vogel", and: "linkedin.com/in/ola-nordmann") != nil)
        #expect(graph.edgeValue(TieField.firstContact, between: "lena-vogel", and: "linkedin.com/in/ola-nordmann") == nil)
    }

    @Test("the old layout: no preamble, no URL column, US dates with a time")
    func oldLayout() throws {
        let (graph, report) = try TestGraphs.load([Self.old], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.rows == 4)
        #expect(source.skipped == [.init(line: 4, reason: "blank row (a deleted or restricted account)")])
        #expect(graph.nodeCount == 4)
        #expect(graph.memberIDs == ["max-mustermann"])
        #expect(graph.value(PersonField.label, of: "stefan.kuehn@kestrel.example") == .string("Stefan Kühn"))
        #expect(graph.value(PersonField.title, of: "stefan.kuehn@kestrel.example") == .string("Security Officer, IT"))
        #expect(graph.edgeValue(TieField.firstContact, between: "max-mustermann", and: "rahul-patel") == Self.date("2020-02-11T21:39:00Z"))
        #expect(graph.edgeValue(TieField.firstContact, between: "max-mustermann", and: "heike-muller") == Self.date("2019-12-04T18:13:00Z"))
    }

    @Test("--member names the ego by e-mail, URL or name")
    func memberOption() throws {
        var options = ImportOptions()
        options.member = "lena.vogel@nordlicht.example"
        let (graph, _) = try TestGraphs.load([Self.old], registry: .builtIn, options: options)
        #expect(graph.memberIDs == ["lena.vogel@nordlicht.example"])
        #expect(graph.degree(of: "lena.vogel@nordlicht.example") == 3)

        options.member = "https://www.linkedin.com/in/lena-vogel/"
        let (byURL, _) = try TestGraphs.load([Self.old], registry: .builtIn, options: options)
        #expect(byURL.memberIDs == ["linkedin.com/in/lena-vogel"])

        options.member = "Lena Vogel"
        let (byName, _) = try TestGraphs.load([Self.old], registry: .builtIn, options: options)
        #expect(byName.memberIDs == ["lena-vogel"])
    }

    @Test("a Connections.csv in a folder that names nobody gets an unnamed ego and a note")
    func unnamedOwner() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = try String(contentsOf: Self.old, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.path("Basic_LinkedInDataExport_12-26-2025"), withIntermediateDirectories: true)
        let url = try folder.write("Basic_LinkedInDataExport_12-26-2025/Connections.csv", text)
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        #expect(report.sources.first?.notes.first?.hasPrefix("no member named") == true)
        #expect(graph.memberIDs.count == 1)
        #expect(graph.degree(of: 0) == 3)
    }

    @Test("a profile listed twice is one person, counted as merged, tied once to the ego")
    func repeatedProfile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.path("ann-berg"), withIntermediateDirectories: true)
        let url = try folder.write("ann-berg/Connections.csv", """
            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Bo,Lind,https://www.linkedin.com/in/bo-lind,,Acme,Buyer,02 Jan 2024
            Cy,Dahl,,cy@acme.example,Acme,,03 Jan 2024
            Bo,Lind,http://linkedin.com/in/Bo-Lind/,bo@acme.example,,,02 Jan 2024

            """)
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.rows == 3)
        #expect(source.accepted == 3)
        #expect(source.isBalanced)
        #expect(source.personsMerged == 1)
        #expect(graph.nodeCount == 3)
        #expect(graph.edgeCount == 2)
        let bo = "bo@acme.example"  // the e-mail of the second row names the merged person
        #expect(graph.value(PersonField.urls, of: bo)
            == .stringList(["https://www.linkedin.com/in/bo-lind", "http://linkedin.com/in/Bo-Lind/"]))
        #expect(graph.value(PersonField.organisation, of: bo) == .string("Acme"))
        #expect(graph.edgeID(between: "ann-berg", and: bo) != nil)
        #expect(graph.edgeID(between: "ann-berg", and: "cy@acme.example") != nil)
    }

    @Test("owner names from file and folder names")
    func ownerNames() {
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/linkedin/anna-becker/Connections.csv"))?.name == "Anna Becker")
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/addressbook/jonas-weber.vcf"))?.name == "Jonas Weber")
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/sofia_ramirez.csv"))?.origin == .fileName)
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/horde-turba/palm.vcf")) == nil)
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/test.abook/contact1.vcf")) == nil)
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/Complete_LinkedInDataExport_01-02-2026/Connections.csv")) == nil)
        #expect(ContactOwner.fromPath(URL(fileURLWithPath: "/x/google-contacts.csv")) == nil)
        #expect(ContactOwner(member: "ann@acme.example").email == "ann@acme.example")
        #expect(ContactOwner(member: "Ann Berg").name == "Ann Berg")
    }

    @Test("a file without the header, or with a broken quote, is an error naming the file and line")
    func malformed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let noHeader = try folder.write("Connections.csv", "Notes:\nsomething else\n")
        var builder = GraphBuilder()
        #expect {
            _ = try PluginRegistry.builtIn.read([ImportInput(url: noHeader)], format: "linkedin", into: &builder)
        } throws: { error in
            (error as? ImportError)?.reason == "no LinkedIn header (First Name,Last Name,…,Connected On) in the first 20 lines"
        }
        let quote = try folder.write(
            "anna-berg.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Berg,,,\"Acme,Buyer,1 Jan 2024\n")
        #expect {
            _ = try TestGraphs.load([quote], registry: .builtIn)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == 2 && error.reason == "unterminated quoted field" && error.file.hasSuffix("anna-berg.csv")
        }
    }

    @Test("sniffing tells Connections.csv and messages.csv from other CSV files")
    func sniffing() throws {
        let registry = PluginRegistry.builtIn
        #expect(try registry.importer(for: ImportInput(url: Self.current)).format.id == "linkedin")
        #expect(try registry.importer(for: ImportInput(url: Self.old)).format.id == "linkedin")
        let messages = Fixtures.url("contacts/linkedin/lena-vogel/messages.csv")
        #expect(try registry.importer(for: ImportInput(url: messages)).format.id == "linkedin-messages")
    }
}
