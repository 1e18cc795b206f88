import CercleCore
import Foundation
import Testing
import _CercleTestSupport

@Suite("Members known by name only")
struct MemberNameResolutionTests {
    func builder() -> (GraphBuilder, GraphBuilder.SourceHandle, GraphBuilder.SourceHandle) {
        var builder = GraphBuilder()
        let linkedin = builder.beginSource(name: "anna-becker/Connections.csv", format: "linkedin", scope: .local)
        let mail = builder.beginSource(name: "mail.mbox", format: "mbox", scope: .local)
        return (builder, linkedin, mail)
    }

    @Test("a member named by a folder meets the one person of that name, who keeps their own spelling")
    func uniqueName() {
        var (builder, linkedin, mail) = builder()
        builder.addPerson(PersonRecord(id: "member:Sofia Ramirez", name: "Sofia Ramirez", isMember: true), source: linkedin)
        builder.addPerson(PersonRecord(id: "x", name: "Bo Ek", emails: ["bo@x.example"]), source: linkedin)
        builder.addTie(TieRecord(source: "member:Sofia Ramirez", target: "x", channels: ChannelSet(.linkedin)), source: linkedin)
        builder.addPerson(PersonRecord(id: "s", name: "Sofía Ramírez", emails: ["sofia@nordlicht.example"]), source: mail)
        builder.resolveMemberNames()
        #expect(builder.merges.last?.key == IdentityKey(kind: .name, value: "sofia ramirez"))
        let graph = builder.build()
        #expect(graph.nodeCount == 2)
        #expect(graph.ids == ["sofia@nordlicht.example", "bo@x.example"])
        #expect(graph.label(of: 0) == "Sofía Ramírez")
        #expect(graph.nodeAttributes.value(PersonField.member, at: 0) == .bool(true))
        #expect(graph.nodeAttributes.value(PersonField.member, at: 1) == .bool(false))
        #expect(graph.edgeCount == 1)
    }

    @Test("two persons of that name: the member among them wins; else they stay apart with a note")
    func ambiguousName() {
        var (builder, linkedin, mail) = builder()
        builder.addPerson(PersonRecord(id: "member:Ann Berg", name: "Ann Berg", isMember: true), source: linkedin)
        builder.addPerson(PersonRecord(id: "a", name: "Ann Berg", emails: ["ann@one.example"]), source: mail)
        builder.addPerson(PersonRecord(id: "b", name: "Ann Berg", emails: ["ann@two.example"]), source: mail)
        var ambiguous = builder
        let graph = ambiguous.build()
        #expect(graph.nodeCount == 3)
        ambiguous.resolveMemberNames()
        #expect(ambiguous.resolutionNotes == ["member 'ann berg' fits 2 persons of that name; kept apart (name the member by e-mail with --member)"])

        builder.addPerson(PersonRecord(id: "b", name: "Ann Berg", emails: ["ann@two.example"], isMember: true), source: mail)
        let resolved = builder.build()
        #expect(resolved.nodeCount == 2)
        #expect(resolved.ids == ["ann@two.example", "ann@one.example"])
        #expect(resolved.memberIDs == ["ann@two.example"])
    }

    @Test("the same member named in several files is one person even when nobody else bears the name")
    func severalFiles() {
        var (builder, linkedin, mail) = builder()
        builder.addPerson(PersonRecord(id: "member:Jonas Weber", name: "Jonas Weber", isMember: true), source: linkedin)
        builder.addPerson(PersonRecord(id: "owner:Jonas Weber", name: "Jonas Weber", isMember: true), source: mail)
        let graph = builder.build()
        #expect(graph.nodeCount == 1)
        #expect(graph.ids == ["jonas-weber"])
    }

    @Test("a member known by e-mail is never joined on the name")
    func memberWithEmail() {
        var (builder, linkedin, mail) = builder()
        builder.addPerson(PersonRecord(id: "member", name: "Ann Berg", emails: ["ann@one.example"], isMember: true), source: linkedin)
        builder.addPerson(PersonRecord(id: "a", name: "Ann Berg", emails: ["ann@two.example"]), source: mail)
        #expect(builder.build().nodeCount == 2)
    }
}
