import CercleBuiltins
import CercleCRM
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("CRM contact exports")
struct CRMImporterTests {
    static let folder = Fixtures.url("contacts/crm")
    static let salesforce = folder.appendingPathComponent("accounts_contacts.csv")
    static let hubspot = folder.appendingPathComponent("hubspot_contacts.csv")
    static let pipedrive = folder.appendingPathComponent("pipedrive_people.csv")

    func load(_ urls: [URL], format: String? = nil, options: ImportOptions = ImportOptions()) throws -> (ContactGraph, ImportReport) {
        var builder = GraphBuilder()
        var report = try PluginRegistry.builtIn.read(urls.map { ImportInput(url: $0) }, format: format, options: options, into: &builder)
        return (PluginRegistry.build(builder, report: &report), report)
    }

    @Test("a Salesforce report: quoted CRLF rows, German dates, owners by name or e-mail, the footer left out")
    func salesforce() throws {
        let (graph, report) = try load([Self.salesforce])
        let source = try #require(report.sources.first)
        #expect(source.format == "crm")
        #expect(source.rows == 5)
        #expect(source.accepted == 4)
        #expect(source.skipped == [.init(line: 5, reason: "row has no name, e-mail, phone or URL")])
        #expect(source.notes == ["report footer of 5 lines ignored", "1 contact without an owner, not tied to a member"])
        let sabine = "sbauer@acme-retail.example"
        #expect(graph.value(PersonField.organisation, of: sabine) == .string("Acme Retail"))
        #expect(graph.value(PersonField.title, of: sabine) == .string("VP Operations"))
        #expect(graph.value(PersonField.sector, of: sabine) == .string("Retail"))
        #expect(graph.value(PersonField.location, of: sabine) == .string("Frankfurt am Main, Germany"))
        #expect(graph.value(PersonField.label, of: "jbrandt@acme-retail.example") == .string("Jürgen Brandt"))
        #expect(Set(graph.memberIDs) == ["jonas-weber", "jonas.weber@nordlicht.example", "sofia-ramirez"])
        #expect(graph.edgeValue(TieField.channels, between: "jonas-weber", and: sabine) == .stringList(["crm"]))
        #expect(graph.edgeValue("last_activity", between: "jonas-weber", and: sabine) == DateParsing.iso8601("2024-04-20").map(AttributeValue.date))
        #expect(graph.edgeValue("last_activity", between: "jonas.weber@nordlicht.example", and: "jbrandt@acme-retail.example") == nil)
        #expect(graph.edgeID(between: "sofia-ramirez", and: "g.taylor@wren-assurance.example") != nil)
        #expect(graph.degree(of: "m.olsen@wren-assurance.example") == 0)
    }

    @Test("an owner known by name and one known by e-mail meet through another source")
    func ownersMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let card = try folder.write("team.vcf", "BEGIN:VCARD\nFN:Jonas Weber\nEMAIL:jonas.weber@nordlicht.example\nEND:VCARD\n")
        let (graph, _) = try load([Self.salesforce, card])
        #expect(Set(graph.memberIDs) == ["jonas.weber@nordlicht.example", "sofia-ramirez"])
        #expect(graph.degree(of: "jonas.weber@nordlicht.example") == 2)
    }

    @Test("a HubSpot export: record ids, owners, date and time of the last activity")
    func hubspot() throws {
        let (graph, report) = try load([Self.hubspot])
        #expect(report.sources.first?.accepted == 2)
        let moritz = "moritz_friedrich@klinikum-westerkamp.example"
        #expect(graph.value("crm_id", of: moritz) == .string("5032634"))
        #expect(graph.value(PersonField.phones, of: moritz) == .stringList(["+49 (0)152 56068551"]))
        #expect(graph.value(PersonField.sector, of: moritz) == .string("Hospital & Health Care"))
        #expect(graph.memberIDs == ["amara-okafor"])
        #expect(graph.edgeValue("last_activity", between: "amara-okafor", and: moritz) == DateParsing.iso8601("2024-12-11T14:26:00Z").map(AttributeValue.date))
        #expect(graph.degree(of: "amara-okafor") == 2)
    }

    @Test("--map maps any CRM's columns, and adds to a preset")
    func columnMap() throws {
        var options = ImportOptions()
        options.columnMap = ["Person - Name": "name", "Person - Email": "email", "Organization - Name": "organization",
                             "Person - Job title": "title", "Owner": "member"]
        let (graph, report) = try load([Self.pipedrive], format: "crm", options: options)
        #expect(report.sources.first?.accepted == 2)
        #expect(graph.value(PersonField.organisation, of: "lars@nordvik.example") == .string("Nordvik AB"))
        #expect(graph.value(PersonField.title, of: "emma@nordvik.example") == .string("CTO"))
        #expect(Set(graph.memberIDs) == ["henrik.lindqvist@nordlicht.example", "henrik-lindqvist"])

        options.columnMap = ["Mailing City": "location"]
        let (mapped, _) = try load([Self.salesforce], options: options)
        #expect(mapped.value(PersonField.location, of: "sbauer@acme-retail.example") == .string("Frankfurt am Main"))
    }

    @Test("mapping errors name the column or field and list what exists", arguments: [
        (["Email": "e_mail"], "unknown field 'e_mail' in --map (fields: id, name, first_name, last_name, email, phone, organisation, title, sector, location, city, country, owner, url, last_activity, member)"),
        (["Mail": "email"], "--map names column 'Mail', which the header does not have (columns: Person - Name, Person - Email, Organization - Name, Person - Job title, Owner, Deal stage)"),
        ([:], "no column mapping: name a preset (--preset hubspot|salesforce) or map the columns with --map \"Email=email,Owner=member\""),
    ])
    func mappingErrors(map: [String: String], reason: String) throws {
        var options = ImportOptions()
        options.columnMap = map
        #expect {
            _ = try load([Self.pipedrive], format: "crm", options: options)
        } throws: { error in
            (error as? ImportError)?.reason == reason
        }
    }

    @Test("an unknown preset is an error; a named preset overrides sniffing")
    func presets() throws {
        var options = ImportOptions()
        options.preset = "pipedrive"
        #expect {
            _ = try load([Self.salesforce], options: options)
        } throws: { error in
            (error as? ImportError)?.reason == "unknown CRM preset 'pipedrive' (known: hubspot, salesforce)"
        }
        options.preset = "Salesforce"
        let (graph, _) = try load([Self.salesforce], options: options)
        #expect(graph.nodeCount == 7)
    }

    @Test("sniffing: Salesforce and HubSpot headers are recognised, a plain edge list is not a CRM file")
    func sniffing() throws {
        let registry = PluginRegistry.builtIn
        #expect(try registry.importer(for: ImportInput(url: Self.salesforce)).format.id == "crm")
        #expect(try registry.importer(for: ImportInput(url: Self.hubspot)).format.id == "crm")
        #expect(try registry.importer(for: ImportInput(url: Self.pipedrive)).format.id == "crm")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let edges = try folder.write("edges.csv", "source,target\na,b\n")
        #expect(try registry.importer(for: ImportInput(url: edges)).format.id == "csv")
    }

    @Test("a CRM export with a broken quote is an error naming the file and the line")
    func brokenQuote() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("hubspot.csv", """
            Record ID,First Name,Last Name,Email,Company Name,Contact owner
            1,Ann,Berg,ann@acme.example,Acme,Bo Lind
            2,Cy,"Dahl,cy@acme.example,Acme,Bo Lind

            """)
        #expect {
            _ = try load([url], format: "crm")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.file.hasSuffix("hubspot.csv") && error.line == 3 && error.reason == "unterminated quoted field"
        }
    }
}
