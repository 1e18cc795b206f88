import CercleCore
import Foundation
import Testing

@Suite("Identity resolution")
struct IdentityResolutionTests {
    @Test("keys normalise e-mails, profile URLs, phones, names")
    func normalisation() {
        #expect(IdentityKey.normalizedEmail(" mailto:Ann.B@Acme.EXAMPLE ") == "ann.b@acme.example")
        #expect(IdentityKey.normalizedEmail("not an address") == nil)
        #expect(IdentityKey.normalizedEmail("@acme.example") == nil)
        #expect(IdentityKey.normalizedEmail("ann@") == nil)
        #expect(IdentityKey.normalizedEmail("Alice@EDU") == "alice@edu")
        #expect(IdentityKey.normalizedURL("https://www.linkedin.com/in/Ann-B/?trk=x") == "linkedin.com/in/ann-b")
        #expect(IdentityKey.normalizedPhone("+33 6 12 34 56 78") == IdentityKey.normalizedPhone("06 12 34 56 78"))
        #expect(IdentityKey.normalizedPhone("12 34") == nil)
        #expect(IdentityKey.fold("  Zoë   MÜLLER-Schmidt ") == "zoe muller schmidt")
    }

    @Test("keys compare as text: composed and decomposed forms are one key; the ASCII paths agree with the Unicode ones")
    func keyEquality() {
        let composed = IdentityKey(kind: .nameAndOrganisation, value: "zo\u{EB} m\u{FC}ller|acme")
        let decomposed = IdentityKey(kind: .nameAndOrganisation, value: "zoe\u{308} mu\u{308}ller|acme")
        #expect(composed == decomposed)
        #expect(Set([composed, decomposed]).count == 1)
        #expect(IdentityKey(kind: .email, value: "a@x") != IdentityKey(kind: .profileURL, value: "a@x"))
        #expect(IdentityKey(kind: .email, value: "a@x") != IdentityKey(kind: .email, value: "b@x"))
        // Non-ASCII text takes the Unicode path; it must agree with the byte path on the rest.
        #expect(IdentityKey.normalizedEmail("\tZo\u{EB}@Acme.EXAMPLE\u{A0}") == "zo\u{EB}@acme.example")
        #expect(IdentityKey.normalizedEmail("<Ann@Acme.example>") == "ann@acme.example")
        #expect(IdentityKey.normalizedEmail("ann@@acme.example") == nil)
        #expect(IdentityKey.normalizedEmail("ann b@acme.example") == nil)
        #expect(IdentityKey.normalizedEmail("ann\u{A0}b@acme.example") == nil)
        #expect(IdentityKey.normalizedURL(" HTTP://LinkedIn.com/in/ann/// ") == "linkedin.com/in/ann")
        #expect(IdentityKey.normalizedURL("https://www.linkedin.com/in/J\u{D6}rg#top") == "linkedin.com/in/j\u{F6}rg")
        #expect(IdentityKey.normalizedURL("https://") == nil)
        #expect(IdentityKey.normalizedPhone("+49 (0)30 1234-5678") == "012345678")
        #expect(IdentityKey.normalizedPhone("\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}") == nil)  // Arabic-Indic digits are not read
    }

    @Test("trimming without Foundation agrees with Foundation's", arguments: [
        "", " ", "ann", "  ann  ", "\tann\n", "\u{A0}ann\u{2003}", "\u{85}a b\u{2028}", "a\u{A0}", "\r\n",
    ])
    func trimming(_ text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func contactBuilder() -> (GraphBuilder, GraphBuilder.SourceHandle, GraphBuilder.SourceHandle) {
        var builder = GraphBuilder()
        let vcard = builder.beginSource(name: "book.vcf", format: "vcard", scope: .local)
        let linkedin = builder.beginSource(name: "Connections.csv", format: "linkedin", scope: .local)
        return (builder, vcard, linkedin)
    }

    @Test("the same e-mail in two sources is one person, recorded as a merge")
    func mergeOnEmail() {
        var (builder, vcard, linkedin) = contactBuilder()
        builder.addPerson(PersonRecord(id: "1", name: "Ann Berg", emails: ["ann@acme.example"], phones: ["+46 70 123 45 67"]), source: vcard)
        let (_, outcome) = builder.addPerson(
            PersonRecord(id: "row-7", name: "Ann Berg", emails: ["ANN@acme.example"], organisation: "Acme"), source: linkedin)
        #expect(outcome == .merged(into: "1", key: IdentityKey(kind: .email, value: "ann@acme.example")))
        let graph = builder.build()
        #expect(graph.nodeCount == 1)
        #expect(graph.ids == ["ann@acme.example"])
        #expect(graph.nodeAttributes.value(PersonField.organisation, at: 0) == .string("Acme"))
        #expect(graph.nodeAttributes.value(PersonField.sources, at: 0) == .stringList(["book.vcf", "Connections.csv"]))
        #expect(builder.merges.count == 1)
        #expect(builder.merges.first?.key.kind == .email)
    }

    @Test("a profile URL, a phone, or a name with organisation merge; a name alone does not")
    func mergeKeys() {
        var (builder, vcard, linkedin) = contactBuilder()
        builder.addPerson(PersonRecord(id: "a", name: "Ann Berg", profileURLs: ["https://www.linkedin.com/in/ann-berg/"]), source: vcard)
        builder.addPerson(PersonRecord(id: "b", name: "A. Berg", profileURLs: ["linkedin.com/in/ann-berg"]), source: linkedin)
        builder.addPerson(PersonRecord(id: "c", name: "Bo Ek", phones: ["+46 70 111 22 33"]), source: vcard)
        builder.addPerson(PersonRecord(id: "d", name: "Bo Ek", phones: ["070-111 22 33"]), source: linkedin)
        builder.addPerson(PersonRecord(id: "e", name: "Cy Lund", organisation: "Volvo AB"), source: vcard)
        builder.addPerson(PersonRecord(id: "f", name: "cy lund", organisation: "VOLVO ab"), source: linkedin)
        builder.addPerson(PersonRecord(id: "g", name: "Dan Ny", emails: ["dan@one.example"]), source: vcard)
        builder.addPerson(PersonRecord(id: "h", name: "Dan Ny", emails: ["dan@two.example"]), source: linkedin)
        let graph = builder.build()
        #expect(graph.nodeCount == 5)
        #expect(builder.merges.map(\.key.kind) == [.profileURL, .phone, .nameAndOrganisation])
    }

    @Test("merging on names alone happens only when asked")
    func mergeOnNameWhenAsked() {
        var (builder, vcard, linkedin) = contactBuilder()
        builder.mergeOnName = true
        builder.addPerson(PersonRecord(id: "g", name: "Dan Ny", emails: ["dan@one.example"]), source: vcard)
        builder.addPerson(PersonRecord(id: "h", name: "Dan Ny", emails: ["dan@two.example"]), source: linkedin)
        let graph = builder.build()
        #expect(graph.nodeCount == 1)
        #expect(graph.nodeAttributes.value(PersonField.emails, at: 0) == .stringList(["dan@one.example", "dan@two.example"]))
    }

    @Test("a key shared by two earlier persons joins them transitively")
    func transitiveMerge() {
        var (builder, vcard, linkedin) = contactBuilder()
        builder.addPerson(PersonRecord(id: "1", name: "Eva", emails: ["eva@x.example"]), source: vcard)
        builder.addPerson(PersonRecord(id: "2", name: "Eva", phones: ["+33 6 12 34 56 78"]), source: vcard)
        builder.addPerson(PersonRecord(id: "3", name: "Eva", emails: ["eva@x.example"], phones: ["06 12 34 56 78"]), source: linkedin)
        builder.addTie(TieRecord(source: "1", target: "2"), source: vcard)
        let (graph, summary) = builder.buildWithSummary()
        #expect(graph.nodeCount == 1)
        #expect(summary.droppedSelfLoops == 1)
        #expect(builder.merges.count == 2)
    }

    @Test("stable ids: e-mail first, then profile URL, then phone, then name")
    func stableIDs() {
        var (builder, vcard, _) = contactBuilder()
        builder.addPerson(PersonRecord(id: "1", name: "Fay Holm", phones: ["0701234567"], profileURLs: ["linkedin.com/in/fay"]), source: vcard)
        builder.addPerson(PersonRecord(id: "2", name: "Gus Ek", phones: ["0709999999"]), source: vcard)
        builder.addPerson(PersonRecord(id: "3", name: "Hé Lo"), source: vcard)
        builder.addPerson(PersonRecord(id: "4", name: "Hé Lo"), source: vcard)
        let graph = builder.build()
        #expect(graph.ids == ["linkedin.com/in/fay", "tel:709999999", "he-lo", "he-lo#2"])
    }

    @Test("an edge list keyed by e-mail joins the contacts with those addresses")
    func globalEmailIDs() {
        var builder = GraphBuilder()
        let vcard = builder.beginSource(name: "book.vcf", format: "vcard", scope: .local)
        builder.addPerson(PersonRecord(id: "1", name: "Ann", emails: ["ann@acme.example"]), source: vcard)
        builder.addEdge("ann@acme.example", "bob@acme.example")
        let graph = builder.build()
        #expect(graph.nodeCount == 2)
        #expect(graph.ids == ["ann@acme.example", "bob@acme.example"])
        #expect(graph.label(of: 0) == "Ann")
    }
}
