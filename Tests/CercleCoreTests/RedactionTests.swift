import CercleCore
import Testing

@Suite("Redaction")
struct RedactionTests {
    func contacts() -> ContactGraph {
        var builder = GraphBuilder()
        let book = builder.beginSource(name: "book", format: "vcard", scope: .local)
        builder.addPerson(PersonRecord(id: "1", name: "Ann Berg", emails: ["ann@acme.example"], phones: ["+46 70 123 45 67"],
                                       profileURLs: ["linkedin.com/in/ann-berg"], organisation: "Acme",
                                       attributes: [("note", .string("call +46 70 123 45 67 or mail ann@acme.example"))]),
                          source: book)
        builder.addPerson(PersonRecord(id: "2", name: "Bo Ek", phones: ["0701112233"]), source: book)
        builder.addTie(TieRecord(source: "1", target: "2", channels: ChannelSet(.addressbook)), source: book)
        return builder.build()
    }

    @Test("emails: columns removed, addresses masked, address ids pseudonymised")
    func emails() {
        let graph = contacts().redacted(.emails)
        #expect(!graph.nodeAttributes.contains(PersonField.emails))
        #expect(graph.ids == ["p1", "tel:701112233"])
        #expect(graph.nodeAttributes.value("note", at: 0) == .string("call +46 70 123 45 67 or mail [redacted]"))
        #expect(graph.label(of: 0) == "Ann Berg")
        #expect(graph.edgeCount == 1)
    }

    @Test("phones and names")
    func phonesAndNames() {
        let graph = contacts().redacted([.phones, .names])
        #expect(!graph.nodeAttributes.contains(PersonField.phones))
        #expect(!graph.nodeAttributes.contains(PersonField.urls))
        #expect(graph.ids == ["p1", "p2"])
        #expect(graph.label(of: 1) == "Person 2")
        #expect(graph.nodeAttributes.value("note", at: 0) == .string("call [redacted] or mail ann@acme.example"))
        #expect(graph.nodeAttributes.value(PersonField.organisation, at: 0) == .string("Acme"))
    }

    @Test("parsing the option")
    func parsing() {
        #expect(Redaction(list: "emails,phones") == [.emails, .phones])
        #expect(Redaction(list: "all") == [.emails, .phones, .names])
        #expect(Redaction(list: "addresses") == nil)
    }
}
