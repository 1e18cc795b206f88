import CercleAnalysis
import CercleCore
import Foundation
import Testing

@Suite("Dormant ties")
struct DormantTiesTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    /// Ego e: `old` (8 e-mails both ways, 400 days ago), `older` (4 e-mails, 700 days ago),
    /// `recent` (8 e-mails last month), `brief` (2 e-mails 400 days ago), `linked` (LinkedIn only).
    static let graph: ContactGraph = {
        var builder = GraphBuilder()
        let source = builder.beginSource(name: "team.jsonl", format: "jsonl", scope: .global)
        for id in ["e", "old", "older", "recent", "brief", "linked"] {
            builder.addPerson(PersonRecord(id: id, name: id, isMember: id == "e"), source: source)
        }
        func mails(_ other: String, _ count: Int, _ age: Double) {
            for i in 0..<count {
                let (from, to) = i % 2 == 0 ? ("e", other) : (other, "e")
                builder.addInteraction(InteractionRecord(channel: .email, date: daysAgo(age + Double(i)), from: from, to: [to]), source: source)
            }
        }
        mails("old", 8, 400)
        mails("older", 4, 700)
        mails("recent", 8, 30)
        mails("brief", 2, 400)
        builder.addTie(TieRecord(source: "e", target: "linked", channels: ChannelSet(.linkedin), since: daysAgo(900)), source: source)
        return builder.build(asOf: now)
    }()

    @Test("strong, long-silent ties are dormant; recent, brief and connection-only ties are not")
    func dormantTies() throws {
        let graph = Self.graph
        let e = try #require(graph.node(withID: "e"))
        let ties = DormantTies(months: 6).run(on: graph, egos: [e], asOf: Self.now)
        #expect(ties.map { graph.ids[Int($0.alter)] } == ["old", "older"])
        let old = try #require(ties.first)
        #expect(old.interactions == 8)
        #expect(abs(old.monthsDormant - 400 / DormantTies.daysPerMonth) < 1e-9)
        // Past strength: the model at the last interaction, above today's decayed weight.
        #expect(old.pastStrength > old.strength)
        #expect(old.lastContact == Self.daysAgo(400))
        // Three interactions at least by default; one month dormancy catches nothing new.
        #expect(DormantTies(months: 6, minimumInteractions: 9).run(on: graph, egos: [e], asOf: Self.now).isEmpty)
        #expect(DormantTies(months: 0.5).run(on: graph, egos: [e], asOf: Self.now).map { graph.ids[Int($0.alter)] }.contains("recent"))
        // Ten days after its last e-mail, `old` is not dormant yet.
        let earlier = DormantTies(months: 6).run(on: graph, egos: [e], asOf: Self.daysAgo(390))
        #expect(earlier.map { graph.ids[Int($0.alter)] } == ["older"])
    }

    @Test("the score grows with past strength, time dormant and novelty")
    func scoreComponents() throws {
        let graph = Self.graph
        let e = try #require(graph.node(withID: "e"))
        let ties = DormantTies(months: 6).run(on: graph, egos: [e], asOf: Self.now)
        for tie in ties {
            let expected = tie.pastStrength * (1 - exp(-tie.monthsDormant / 6)) * (1 + tie.novelty) / 2
            #expect(abs(tie.score - expected) < 1e-12)
            // A star: no shared neighbours, overlap 0, so novelty ½ without communities.
            #expect(tie.overlap == 0 && tie.novelty == 0.5)
        }
        let other = Partition(labels: graph.ids.map { $0 == "older" ? 1 : 0 })
        let withCommunities = DormantTies(months: 6).run(on: graph, egos: [e], asOf: Self.now, communities: other)
        let older = try #require(withCommunities.first { graph.ids[Int($0.alter)] == "older" })
        #expect(older.otherCommunity && older.novelty == 1)
    }
}
