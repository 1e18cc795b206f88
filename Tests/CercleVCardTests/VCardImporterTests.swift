import CercleBuiltins
import CercleCore
import CerclePlugin
import CercleVCard
import Foundation
import Testing
import _CercleTestSupport

@Suite("vCard address books")
struct VCardImporterTests {
    static let apple = Fixtures.url("contacts/vcard/karl-schmidt.vcf")
    static let android = Fixtures.url("contacts/vcard/ines-garcia.vcf")

    @Test("vCard 3.0 and 4.0: folding inside a UTF-8 sequence, escapes, groups, ORG units, RELATED, the owner")
    func appleAndVersion4() throws {
        let (graph, report) = try TestGraphs.load([Self.apple], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.format == "vcard")
        #expect(source.rowUnit == "card")
        #expect(source.rows == 7)
        #expect(source.accepted == 3)
        #expect(source.isBalanced)
        #expect(source.skipped == [
            .init(line: 43, reason: "KIND:org describes an organisation, not a person"),
            .init(line: 49, reason: "card has no name, e-mail, phone or profile URL"),
            .init(line: 53, reason: "line 56: no ':' in 'this line has no colon'"),
            .init(line: 59, reason: "card not closed: the file ends before END:VCARD"),
        ])
        #expect(source.notes == ["1 RELATED value(s) name no card of the file or no address, not tied"])

        #expect(graph.ids == ["karl-schmidt", "zoe.mueller@acme-retail.example", "lena.gross@acme-retail.example",
                              "mdubois@acme-retail.example", "kim.park@example.org"])
        #expect(graph.memberIDs == ["karl-schmidt"])
        let zoe = "zoe.mueller@acme-retail.example"
        #expect(graph.value(PersonField.label, of: zoe) == .string("Zoë Müller"))
        #expect(graph.value(PersonField.emails, of: zoe) == .stringList([zoe, "zoe.m@inbox.example"]))
        #expect(graph.value(PersonField.phones, of: zoe) == .stringList(["+49 151 1234567", "+49 30 7654321"]))
        #expect(graph.value(PersonField.urls, of: zoe) == .stringList(["https://www.linkedin.com/in/zoe-mueller"]))
        #expect(graph.value("website", of: zoe) == .string("https://www.acme-retail.example/"))
        #expect(graph.value(PersonField.organisation, of: zoe) == .string("Acme Retail"))
        #expect(graph.value("department", of: zoe) == .string("Operations"))
        #expect(graph.value(PersonField.title, of: zoe) == .string("Head of Procurement, EMEA"))
        #expect(graph.value(PersonField.categories, of: zoe) == .stringList(["Clients", "Retail Innovators Club", "VIP"]))

        let lena = "lena.gross@acme-retail.example"
        #expect(graph.value(PersonField.label, of: lena) == .string("Lena Groß"))  // the first of the ALTID names
        #expect(graph.value(PersonField.phones, of: lena) == .stringList(["+49-30-7676329"]))
        #expect(graph.value(PersonField.urls, of: lena) == .stringList(["https://www.xing.com/profile/Lena_Gross"]))
        let manon = "mdubois@acme-retail.example"
        #expect(graph.value(PersonField.organisation, of: manon) == .string("Brückner Maschinenbau GmbH & Co. KG, Werk Süd"))
        #expect(graph.value("department", of: manon) == .string("Einkauf, Strategischer Einkauf"))

        #expect(graph.edgeCount == 5)
        for contact in [zoe, lena, manon] {
            #expect(graph.edgeValue(TieField.channels, between: "karl-schmidt", and: contact) == .stringList(["addressbook"]))
        }
        #expect(graph.edgeValue("relation", between: lena, and: manon) == .string("colleague"))
        #expect(graph.edgeValue(TieField.origin, between: lena, and: manon) == .string("observed"))
        #expect(graph.edgeValue(TieField.channels, between: lena, and: manon) == .stringList(["addressbook"]))
        #expect(graph.edgeValue("relation", between: lena, and: "kim.park@example.org") == .string("friend"))
        #expect(graph.degree(of: "kim.park@example.org") == 1)
    }

    @Test("vCard 2.1 from Android: quoted-printable with soft breaks and charsets, bare types, photos, lower-case names")
    func android() throws {
        let (graph, report) = try TestGraphs.load([Self.android], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.rows == 4)
        #expect(source.accepted == 4)
        let ines = "ines.garcia@sol-energia.example"
        #expect(graph.value(PersonField.label, of: ines) == .string("Inés García"))
        #expect(graph.value(PersonField.title, of: ines) == .string("Directora de Compras y Logística para España y Portugal"))
        #expect(graph.value(PersonField.phones, of: ines) == .stringList(["+34 612 345 678", "91 555 12 34"]))
        #expect(graph.value(PersonField.emails, of: ines) == .stringList([ines, "ines.g@correo.example"]))
        #expect(graph.value(PersonField.organisation, of: ines) == .string("Sol Energía S.A."))
        // The owner, named by the file, is the card of the same name: one member, no self-tie.
        #expect(graph.memberIDs == [ines])
        #expect(graph.nodeCount == 4)
        #expect(graph.edgeCount == 3)
        #expect(graph.value("department", of: "jonas.weber@nordlicht.example") == .string("Sales"))
        let jurgen = "tel:301234567"
        #expect(graph.value(PersonField.label, of: jurgen) == .string("Jürgen Müller"))
        #expect(graph.value(PersonField.location, of: jurgen) == .string("Berlin, Germany"))
        #expect(graph.value("website", of: "brad@kieser.example") == .string("http://www.kieser.example/"))
        #expect(graph.value(PersonField.urls, of: "brad@kieser.example") == nil)
        #expect(graph.value(PersonField.label, of: "brad@kieser.example") == .string("Bradley Kieser"))
    }

    @Test("TYPE parameters in the syntaxes of 2.1, 3.0 and 4.0")
    func typeParameters() {
        let text = """
            BEGIN:VCARD
            TEL;CELL;PREF:1
            TEL;type=WORK;type=voice:2
            TEL;TYPE="work,voice":3
            TEL;TYPE=home,cell;PREF=1:4
            item3.EMAIL;TYPE=INTERNET:a@b.example
            LABEL;TYPE=work;LABEL="Main St. 1: Floor 2":x
            END:VCARD
            """
        let result = VCardParser.parse(Array(text.utf8))
        guard case .card(let card)? = result.entries.first else {
            Issue.record("no card")
            return
        }
        #expect(card.all("TEL").map(\.types) == [["cell", "pref"], ["work", "voice"], ["work", "voice"], ["home", "cell"]])
        #expect(card.first("EMAIL")?.group == "item3")
        #expect(card.first("LABEL")?.parameter("label") == ["Main St. 1: Floor 2"])
        #expect(card.first("LABEL")?.text == "x")
    }

    @Test("escapes: \\, \\; \\n \\\\ in text, lists and structured values")
    func escaping() {
        let property = VCardProperty(name: "ORG", rawValue: #"Kessler\, Voss & Partner;Sales\; EMEA;Line\nbreak \\ done"#, line: 1)
        #expect(property.components == ["Kessler, Voss & Partner", "Sales; EMEA", "Line\nbreak \\ done"])
        let categories = VCardProperty(name: "CATEGORIES", rawValue: #"a\,b,c , ,d"#, line: 1)
        #expect(categories.list == ["a,b", "c", "d"])
    }

    @Test("a file without any card is an error")
    func notAVCard() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("empty.vcf", "hello\nworld\n")
        #expect {
            _ = try TestGraphs.load([url], registry: .builtIn)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.reason == "no BEGIN:VCARD: not a vCard file" && error.file.hasSuffix("empty.vcf")
        }
    }
}
