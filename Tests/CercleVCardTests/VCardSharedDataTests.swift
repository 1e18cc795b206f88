import CercleBuiltins
import CercleCore
import CerclePlugin
import CercleVCard
import Foundation
import Testing
import _CercleTestSupport

@Suite("vCard files from other projects")
struct VCardSharedDataTests {
    static let folders = ["vcard/horde-turba", "vcard/khard", "vcard/qtpim5"]

    static var files: [URL] {
        folders.flatMap { folder -> [URL] in
            let root = Fixtures.shared("formats/\(folder)")
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "vcf" }
        }.sorted { $0.path < $1.path }
    }

    @Test("every file imports, every card is accounted for")
    func everyFile() throws {
        let files = Self.files
        #expect(files.count == 37)
        for file in files {
            let (_, report) = try TestGraphs.load([file], registry: .builtIn)
            let source = try #require(report.sources.first)
            #expect(source.format == "vcard", "\(file.lastPathComponent)")
            #expect(source.isBalanced, "\(file.lastPathComponent)")
            #expect(source.rows >= 1, "\(file.lastPathComponent)")
        }
    }

    @Test("Horde: Mozilla and Palm exports in vCard 2.1 with lower-case names and QP addresses")
    func horde() throws {
        let (graph, report) = try TestGraphs.load([Fixtures.shared("formats/vcard/horde-turba/dimitris.vcf")], registry: .builtIn)
        #expect(report.sources.first?.accepted == 1)
        let id = "dimitris@ccf.auth.gr"
        #expect(graph.value(PersonField.label, of: id) == .string("Dimitris Daskopoulos"))
        #expect(graph.value(PersonField.organisation, of: id) == .string("Aristotle Univeristy of Thessaloniki"))
        #expect(graph.value("department", of: id) == .string("Network Operation Center"))
        #expect(graph.value(PersonField.location, of: id) == .string("Thessaloniki, Greece"))
        #expect(graph.value(PersonField.phones, of: id) == .stringList(["+30 31 998492", "+30 31 998490"]))
        #expect(graph.value("website", of: id) == .string("http://www.auth.gr/noc"))

        let (two, twoReport) = try TestGraphs.load([Fixtures.shared("formats/vcard/horde-turba/foo.vcf")], registry: .builtIn)
        #expect(twoReport.sources.first?.accepted == 2)
        #expect(two.ids == ["kg9ae@geocities.com", "larry@interactivate.com"])
        #expect(two.value(PersonField.label, of: "kg9ae@geocities.com") == .string("David L. Norris"))
    }

    @Test("khard: an unclosed card is skipped with its line, KIND:org is not a person, item groups, tel values")
    func khard() throws {
        let root = Fixtures.shared("formats/vcard/khard/vcards")
        let (_, broken) = try TestGraphs.load([root.appendingPathComponent("unparsable.vcf")], registry: .builtIn)
        #expect(broken.sources.first?.skipped == [.init(line: 1, reason: "card not closed: the file ends before END:VCARD")])
        let (_, org) = try TestGraphs.load([root.appendingPathComponent("org.vcf")], registry: .builtIn)
        #expect(org.sources.first?.skipped.first?.reason == "KIND:org describes an organisation, not a person")
        let (labels, _) = try TestGraphs.load([root.appendingPathComponent("labels.vcf")], registry: .builtIn)
        #expect(labels.value(PersonField.organisation, of: "labeled-guy") == .string("Test Inc"))
        let (tel, _) = try TestGraphs.load([root.appendingPathComponent("tel-value-uri.vcf")], registry: .builtIn)
        #expect(tel.ids == ["tel:67545678"])
        #expect(tel.value(PersonField.label, of: "tel:67545678") == .string("bug 195"))
        let (photo, _) = try TestGraphs.load([root.appendingPathComponent("photov3.vcf")], registry: .builtIn)
        #expect(photo.nodeAttributes.names.allSatisfy { !$0.lowercased().contains("photo") })
        let (nick, _) = try TestGraphs.load([root.appendingPathComponent("nickname.vcf")], registry: .builtIn)
        #expect(nick.value(PersonField.label, of: "ms@example.org") == .string("Michael Smith"))  // from N: no FN
        let (korean, _) = try TestGraphs.load([root.appendingPathComponent("korean-c.vcf")], registry: .builtIn)
        #expect(korean.nodeCount == 1)
        #expect(korean.label(of: 0) == "최유림")
    }

    @Test("Qt PIM: nine cards with several e-mails and phones, base64 photo data skipped")
    func qtpim() throws {
        let (graph, report) = try TestGraphs.load([Fixtures.shared("formats/vcard/qtpim5/example.vcf")], registry: .builtIn)
        #expect(report.sources.first?.accepted == 9)
        #expect(graph.nodeCount == 9)
        let aaron = "aaron@example.com"
        #expect(graph.value(PersonField.label, of: aaron) == .string("Ms. Aaron Gates"))
        #expect(graph.value(PersonField.emails, of: aaron) == .stringList([aaron, "aaron_extra@example.com"]))
        #expect(graph.value(PersonField.phones, of: aaron) == .stringList(["33333", "333331", "333332", "333333", "333334"]))
        #expect(graph.value(PersonField.title, of: aaron) == .string("Engineer"))
    }
}
