import CercleAnalysis
import CercleCore
import Foundation
import Testing

@Suite("Account coverage and key-person risk")
struct AccountCoverageTests {
    /// Members m1 and m2 of Team Co; Acme held by both (m1 mostly), Beta by m2 alone,
    /// Gamma by nobody (reached only through an Acme contact).
    static let team = InsightGraphs.make([
        .init(id: "m1", organisation: "Team Co", member: true), .init(id: "m2", organisation: "Team Co", member: true),
        .init(id: "a1", organisation: "Acme"), .init(id: "a2", organisation: "ACME"),
        .init(id: "b1", organisation: "Beta"), .init(id: "g1", organisation: "Gamma"),
        .init(id: "colleague", organisation: "team co"),
    ], [
        ("m1", "a1", 0.6), ("m1", "a2", 0.2), ("m2", "a1", 0.2), ("m2", "b1", 0.5), ("a1", "g1", 0.3),
        ("m1", "m2", 0.9), ("m1", "colleague", 0.4),
    ])

    func account(_ result: AccountCoverage.Result, _ name: String) -> AccountCoverage.Account? {
        result.accounts.first { $0.organisation.lowercased() == name.lowercased() }
    }

    @Test("top-member share, HHI and best strength by hand; single-threaded and uncovered accounts")
    func coverageByHand() throws {
        let graph = Self.team
        let result = AccountCoverage().run(on: graph, asOf: Date())
        // The team's own organisation is not an account, whatever its spelling.
        #expect(result.accounts.map(\.organisation) == ["Acme", "Beta", "Gamma"])
        let acme = try #require(account(result, "Acme"))
        #expect(acme.contacts.count == 2)
        #expect(acme.holders.map { graph.ids[Int($0.member)] } == ["m1", "m2"])
        // S_m1 = 0.6 + 0.2 = 0.8, S_m2 = 0.2: share 0.8, HHI 0.8² + 0.2² = 0.68.
        #expect(abs(acme.topMemberShare - 0.8) < 1e-12)
        #expect(abs(acme.herfindahl - 0.68) < 1e-12)
        #expect(acme.bestStrength == 0.6)
        #expect(!acme.isSingleThreaded)
        let beta = try #require(account(result, "Beta"))
        #expect(beta.isSingleThreaded && beta.herfindahl == 1 && beta.topMemberShare == 1)
        #expect(result.singleThreaded.map(\.organisation) == ["Beta"])
        #expect(result.uncovered.map(\.organisation) == ["Gamma"])
    }

    @Test("removing the only member tied to an account makes it unreachable")
    func lossWithoutMember() throws {
        let graph = Self.team
        let m2 = InsightGraphs.node(graph, "m2")
        let loss = AccountCoverage().loss(on: graph, without: m2)
        #expect(loss.organisations == ["Beta"])
        #expect(loss.contacts.map { graph.ids[Int($0)] } == ["b1"])
        #expect(loss.unreachable.map { graph.ids[Int($0)] } == ["b1"])
        let after = AccountCoverage().run(on: graph, asOf: Date(), excluding: m2)
        #expect(account(after, "Beta")?.isUncovered == true)
        #expect(account(after, "Acme")?.holders.count == 1)
        // Without m1, Acme still has m2 and nothing is cut off but m1's own contacts.
        let lossM1 = AccountCoverage().loss(on: graph, without: InsightGraphs.node(graph, "m1"))
        #expect(lossM1.organisations.isEmpty)
        #expect(lossM1.contacts.map { graph.ids[Int($0)] }.sorted() == ["a2", "colleague"])
        #expect(lossM1.unreachable.map { graph.ids[Int($0)] }.sorted() == ["a2", "colleague"])
    }

    @Test("communities cut off: the community held by the leaving member alone")
    func communitiesCutOff() {
        let graph = Self.team
        // Communities given by hand: {m1, m2, a1, a2, g1, colleague} and {b1}.
        let partition = Partition(labels: graph.ids.map { $0 == "b1" ? 1 : 0 })
        let loss = AccountCoverage().loss(on: graph, without: InsightGraphs.node(graph, "m2"), communities: partition)
        #expect(loss.communities == [1])
    }

    @Test("a contact in touch with two members in the recent window is listed")
    func sharedContacts() {
        var builder = GraphBuilder()
        let source = builder.beginSource(name: "team.jsonl", format: "jsonl", scope: .global)
        for (id, member) in [("m1", true), ("m2", true), ("c", false), ("d", false)] {
            builder.addPerson(PersonRecord(id: id, name: id, organisation: member ? "Team" : "Client", isMember: member), source: source)
        }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }
        builder.addInteraction(InteractionRecord(channel: .email, date: daysAgo(10), from: "m1", to: ["c"]), source: source)
        builder.addInteraction(InteractionRecord(channel: .email, date: daysAgo(20), from: "m2", to: ["c"]), source: source)
        builder.addInteraction(InteractionRecord(channel: .email, date: daysAgo(5), from: "m1", to: ["d"]), source: source)
        builder.addInteraction(InteractionRecord(channel: .email, date: daysAgo(200), from: "m2", to: ["d"]), source: source)
        let graph = builder.build(asOf: now)
        let result = AccountCoverage(recentDays: 90).run(on: graph, asOf: now)
        #expect(result.sharedContacts.map { graph.ids[Int($0.contact)] } == ["c"])
        #expect(result.sharedContacts.first?.members.map { graph.ids[Int($0.member)] } == ["m1", "m2"])
        #expect(AccountCoverage(recentDays: 365).run(on: graph, asOf: now).sharedContacts.count == 2)
    }
}
