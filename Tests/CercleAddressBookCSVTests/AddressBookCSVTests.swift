import CercleAddressBookCSV
import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Google Contacts and Outlook CSV")
struct AddressBookCSVTests {
    static let folder = Fixtures.url("contacts/addressbook-csv")

    @Test("Google, current layout: BOM, ' ::: ' multi-values, multi-line address, labels without system ones")
    func googleCurrent() throws {
        let (graph, report) = try TestGraphs.load([Self.folder.appendingPathComponent("anna-berg.csv")], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.format == "google-csv")
        #expect(source.rows == 5)
        #expect(source.accepted == 3)
        #expect(source.skipped == [
            .init(line: 7, reason: "blank row"),
            .init(line: 8, reason: "row has no name, e-mail, phone or profile URL"),
        ])
        #expect(graph.memberIDs == ["anna-berg"])
        let seun = "o.adeyemi@brightline.example"
        #expect(graph.value(PersonField.label, of: seun) == .string("Oluwaseun Adeyemi"))
        #expect(graph.value(PersonField.emails, of: seun) == .stringList([seun, "oluwaseun.adeyemi9@webpost.example"]))
        #expect(graph.value(PersonField.phones, of: seun) == .stringList(["+44 7700 900123", "+44 20 7946 0958"]))
        #expect(graph.value(PersonField.categories, of: seun) == .stringList(["Clients", "FinTech Leaders Circle"]))
        #expect(graph.value(PersonField.urls, of: seun) == .stringList(["https://www.linkedin.com/in/oluwaseun-adeyemi"]))
        #expect(graph.value(PersonField.location, of: seun) == .string("London, United Kingdom"))
        #expect(graph.value("department", of: seun) == .string("Strategy"))
        let carmen = "c.sanchez@garnet-insurance.example"
        #expect(graph.value(PersonField.categories, of: carmen) == .stringList(["Friends"]))
        #expect(graph.value("website", of: carmen) == .string("https://www.garnet-insurance.example"))
        #expect(graph.edgeValue(TieField.channels, between: "anna-berg", and: carmen) == .stringList(["addressbook"]))
        #expect(graph.degree(of: "anna-berg") == 3)
        let notes = graph.nodeAttributes.names.filter { $0.lowercased().contains("note") }
        #expect(notes.isEmpty)
    }

    @Test("Google, older layout: Name, Group Membership, Organization 1 - Name, CRLF")
    func googleOlder() throws {
        let (graph, report) = try TestGraphs.load([Self.folder.appendingPathComponent("paul-meier.csv")], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.format == "google-csv")
        #expect(source.accepted == 2)
        let bjorn = "bjorn.lindgren@fjord.example"
        #expect(graph.value(PersonField.label, of: bjorn) == .string("Björn Lindgren"))
        #expect(graph.value(PersonField.emails, of: bjorn) == .stringList([bjorn, "bjorn@home.example"]))
        #expect(graph.value(PersonField.phones, of: bjorn) == .stringList(["+46 70 123 45 67", "+46 8 555 01 23"]))
        #expect(graph.value(PersonField.organisation, of: bjorn) == .string("Fjord AB"))
        #expect(graph.value(PersonField.title, of: bjorn) == .string("CTO"))
        #expect(graph.value(PersonField.categories, of: bjorn) == .stringList(["Suppliers"]))
        #expect(graph.value(PersonField.label, of: "tel:055550199") == .string("Mei Chen"))
        #expect(graph.memberIDs == ["paul-meier"])
    }

    @Test("Outlook: Windows-1252, every field quoted, phones without faxes and pagers, ';' categories")
    func outlook() throws {
        let (graph, report) = try TestGraphs.load([Self.folder.appendingPathComponent("karin-lange.csv")], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.format == "outlook-csv")
        #expect(source.notes.contains("read as Windows-1252"))
        #expect(source.rows == 3)
        #expect(source.skipped == [.init(line: 4, reason: "row has no name, e-mail, phone or profile URL")])
        let jurgen = "j.groess@mueller-soehne.example"
        #expect(graph.value(PersonField.label, of: jurgen) == .string("Jürgen Größ"))
        #expect(graph.value(PersonField.organisation, of: jurgen) == .string("Müller & Söhne GmbH"))
        #expect(graph.value(PersonField.title, of: jurgen) == .string("Leiter Einkauf"))
        #expect(graph.value("department", of: jurgen) == .string("Einkauf"))
        #expect(graph.value(PersonField.phones, of: jurgen) == .stringList(["+49 89 123456", "0171 2345678"]))
        #expect(graph.value(PersonField.categories, of: jurgen) == .stringList(["Kunden", "VIP"]))
        #expect(graph.value(PersonField.location, of: jurgen) == .string("München, Deutschland"))
        #expect(graph.value("website", of: jurgen) == .string("www.mueller-soehne.example"))
        let anais = "anais@cafe-creme.example"
        #expect(graph.value(PersonField.emails, of: anais) == .stringList([anais, "anais.lefevre@perso.example"]))
        #expect(graph.memberIDs == ["karin-lange"])
        #expect(graph.degree(of: "karin-lange") == 2)
    }

    @Test("a Google file and a vCard of the same people merge on their keys")
    func mergesWithOtherSources() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let card = try folder.write("contacts.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Seun Adeyemi\nEMAIL:oluwaseun.adeyemi9@webpost.example\nEND:VCARD\n")
        let (graph, _) = try TestGraphs.load([Self.folder.appendingPathComponent("anna-berg.csv"), card], registry: .builtIn)
        #expect(graph.nodeCount == 4)
        #expect(graph.value(PersonField.label, of: "o.adeyemi@brightline.example") == .string("Oluwaseun Adeyemi"))
    }

    @Test("a Google or Outlook file with a broken quote is an error naming the file and the line", arguments: [
        ("google-csv", "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value\nAnn,Berg,* Home,ann@acme.example\nBo,\"Lind,* Work,bo@acme.example\n", 3),
        ("outlook-csv", "\"First Name\",\"Last Name\",\"E-mail Address\"\n\"Ann\",\"Berg\",\"ann@acme.example\"\n\n\"Bo\",\"Lind,bo@acme.example\n", 4),
    ])
    func brokenQuote(_ format: String, _ text: String, _ line: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("contacts.csv", text)
        #expect {
            var builder = GraphBuilder()
            _ = try PluginRegistry.builtIn.read([ImportInput(url: url)], format: format, options: ImportOptions(), into: &builder)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file.hasSuffix("contacts.csv") && error.line == line && error.reason == "unterminated quoted field"
        }
    }
}
