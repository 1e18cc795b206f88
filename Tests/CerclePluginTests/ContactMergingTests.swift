import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Merging contact sources")
struct ContactMergingTests {
    static let contacts = Fixtures.url("contacts")

    func write(_ folder: TemporaryFolder) throws -> [URL] {
        [
            try folder.write("mail.mbox", """
                From ann@one.example Mon Jan  2 10:00:00 2023
                From: Ann Berg <ann@one.example>
                To: Bo Ek <bo@acme.example>, Cy Lund <cy@acme.example>
                Date: Mon, 2 Jan 2023 10:00:00 +0000
                Message-ID: <m1@one.example>

                Hi

                """),
            try folder.write("book.vcf", """
                BEGIN:VCARD
                VERSION:3.0
                FN:Ann Berg
                EMAIL:ann@two.example
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Dag Holm
                ORG:Acme
                EMAIL:dag@acme.example
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Bo Ek
                ORG:Acme
                EMAIL:bo@acme.example
                END:VCARD

                """),
        ]
    }

    @Test("two different e-mail addresses are never merged on a name alone, unless asked")
    func nameAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let files = try write(folder)
        let (apart, _) = try TestGraphs.load(files, registry: .builtIn)
        #expect(apart.nodeCount == 5)
        var builder = GraphBuilder()
        builder.mergeOnName = true
        let (merged, report) = try TestGraphs.load(files, registry: .builtIn, builder: builder)
        #expect(merged.nodeCount == 4)
        #expect(merged.value(PersonField.emails, of: "ann@one.example") == .stringList(["ann@one.example", "ann@two.example"]))
        #expect(report.personMerges == 2)  // Ann on her name, Bo on his address
    }

    @Test("observed ties (co-recipients) and inferred ones (same organisation, on request) are told apart by origin")
    func origins() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let files = try write(folder)
        let (plain, _) = try TestGraphs.load(files, registry: .builtIn)
        #expect(plain.edgeValue(TieField.origin, between: "bo@acme.example", and: "cy@acme.example") == .string("observed"))
        #expect(plain.edgeID(between: "bo@acme.example", and: "dag@acme.example") == nil)
        var builder = GraphBuilder()
        builder.inferSameOrganisation = true
        let (inferred, _) = try TestGraphs.load(files, registry: .builtIn, builder: builder)
        #expect(inferred.edgeValue(TieField.origin, between: "bo@acme.example", and: "dag@acme.example") == .string("inferred"))
        #expect(inferred.edgeValue(TieField.channels, between: "bo@acme.example", and: "dag@acme.example") == .stringList([]))
        // Cy's organisation is unknown: no inferred tie; Bo and Cy keep their observed one.
        #expect(inferred.edgeID(between: "cy@acme.example", and: "dag@acme.example") == nil)
        #expect(inferred.edgeValue(TieField.origin, between: "bo@acme.example", and: "cy@acme.example") == .string("observed"))
    }

    @Test("every merge of the contact fixtures is recorded with its key, source and line")
    func explainedMerges() throws {
        let files = ["linkedin/lena-vogel/Connections.csv", "linkedin/lena-vogel/messages.csv", "vcard/karl-schmidt.vcf"]
            .map { Self.contacts.appendingPathComponent($0) }
        var builder = GraphBuilder()
        _ = try PluginRegistry.builtIn.read(files.map { ImportInput(url: $0) }, into: &builder)
        let merges = builder.merges.map { "\($0.merged) → \($0.kept) on \($0.key)" }
        #expect(merges.contains("linkedin.com/in/lena-vogel → member:Lena Vogel on name lena vogel"))
        #expect(merges.contains("card:1 → linkedin.com/in/zo%c3%ab-m%c3%bcller-1a2b3c on name+organisation zoe muller | acme retail"))
        // Ids are those of the sources (a row's profile URL, a card's line); the merge names its record.
        let paul = try #require(builder.merges.first { $0.key == IdentityKey(kind: .profileURL, value: "linkedin.com/in/paulkeller") })
        #expect(paul.source.hasSuffix("lena-vogel/messages.csv"))
        #expect(paul.line == 2)
        let byName = try #require(builder.merges.first { $0.key.kind == .name })
        #expect(byName.source.hasSuffix("lena-vogel/Connections.csv"))
        #expect(builder.merges.count == 5)
    }
}
