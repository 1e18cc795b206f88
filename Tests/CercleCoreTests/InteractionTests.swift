import CercleCore
import Foundation
import Testing

@Suite("Interactions and tie strength")
struct InteractionTests {
    static let day = 86_400.0

    func date(_ days: Double) -> Date { Date(timeIntervalSince1970: 1_700_000_000 + days * Self.day) }

    @Test("an e-mail ties the sender to every recipient and the recipients among themselves")
    func emailTies() throws {
        var builder = GraphBuilder()
        let mail = builder.beginSource(name: "mail.mbox", format: "mbox", scope: .local)
        builder.addInteraction(InteractionRecord(
            channel: .email, date: date(0), from: "a@x.example", to: ["b@x.example"], cc: ["c@x.example"], identifier: "<1@x>"),
            source: mail)
        // The same message from another mailbox counts once.
        let again = builder.addInteraction(InteractionRecord(
            channel: .email, date: date(0), from: "a@x.example", to: ["b@x.example"], identifier: "<1@x>"), source: mail)
        #expect(!again)
        let graph = builder.build()
        #expect(graph.nodeCount == 3)
        #expect(graph.edgeCount == 3)
        let index = graph.makeEdgeIndex()
        let ab = try #require(graph.edgeID(from: 0, to: 1, index: index))
        let bc = try #require(graph.edgeID(from: 1, to: 2, index: index))
        #expect(graph.interactions.events(ofEdge: ab).map(\.role) == [.direct])
        #expect(graph.interactions.events(ofEdge: bc).map(\.role) == [.coRecipient])
        #expect(graph.interactions.interactionCount == 1)
        #expect(builder.duplicateInteractions == 1)
        #expect(graph.edgeAttributes.value(TieField.channels, at: ab) == .stringList(["email"]))
        #expect(graph.weight(from: 0, to: 1) ?? 0 > graph.weight(from: 1, to: 2) ?? 1)
    }

    @Test("a meeting ties every pair of participants")
    func meetingTies() {
        var builder = GraphBuilder()
        let calendar = builder.beginSource(name: "cal.ics", format: "ics", scope: .local)
        builder.addInteraction(InteractionRecord(channel: .meeting, date: date(0), from: "a", to: ["b", "c", "d"]), source: calendar)
        let graph = builder.build()
        #expect(graph.edgeCount == 6)
    }

    @Test("direction follows the sender after pairs are canonicalised")
    func directions() throws {
        var builder = GraphBuilder()
        let mail = builder.beginSource(name: "m", format: "mbox", scope: .local)
        builder.addPerson(PersonRecord(id: "a"), source: mail)
        builder.addPerson(PersonRecord(id: "b"), source: mail)
        builder.addInteraction(InteractionRecord(channel: .email, date: date(0), from: "b", to: ["a"]), source: mail)
        builder.addInteraction(InteractionRecord(channel: .email, date: date(1), from: "a", to: ["b"]), source: mail)
        let graph = builder.build()
        let events = graph.interactions.events(ofEdge: 0)
        #expect(events.map(\.direction) == [.backward, .forward])
        let breakdown = TieStrengthModel().breakdown(
            channels: [], events: events, since: nil, asOf: date(1))
        #expect(breakdown.reciprocity == 1)
    }

    @Test("a connection-only tie gets its channel's prior")
    func prior() {
        let model = TieStrengthModel()
        #expect(model.strength(channels: ChannelSet(.linkedin), events: [], since: nil, asOf: date(0)) == 0.05)
        #expect(model.strength(channels: ChannelSet([.linkedin, .addressbook]), events: [], since: nil, asOf: date(0)) == 0.10)
    }

    @Test("recent, frequent, multiplex, reciprocal ties are stronger")
    func monotonicity() {
        let model = TieStrengthModel()
        func event(_ days: Double, _ channel: Channel = .email, _ direction: TieEvent.Direction = .forward) -> TieEvent {
            TieEvent(date: date(days).timeIntervalSince1970, channel: channel, role: .direct, direction: direction, share: 1)
        }
        let now = date(400)
        let old = model.strength(channels: [], events: [event(0)], since: nil, asOf: now)
        let recent = model.strength(channels: [], events: [event(399)], since: nil, asOf: now)
        let frequent = model.strength(channels: [], events: (390...399).map { event(Double($0)) }, since: nil, asOf: now)
        let multiplex = model.strength(channels: [], events: (390...399).map { event(Double($0)) } + [event(399, .meeting)], since: nil, asOf: now)
        let reciprocal = model.strength(
            channels: [], events: (390...399).map { event(Double($0), .email, $0 % 2 == 0 ? .forward : .backward) } + [event(399, .meeting)],
            since: nil, asOf: now)
        #expect(old < recent)
        #expect(recent < frequent)
        #expect(frequent < multiplex)
        #expect(multiplex < reciprocal)
        #expect(reciprocal <= 1)
        // Events after "as of" are ignored.
        #expect(model.strength(channels: [], events: [event(500)], since: nil, asOf: now) == model.defaultPrior)
    }

    @Test("half-life: an interaction one half-life old counts half")
    func halfLife() {
        let model = TieStrengthModel()
        let now = date(model.halfLifeDays)
        let event = TieEvent(date: date(0).timeIntervalSince1970, channel: .meeting, role: .direct, direction: .mutual, share: 1)
        let breakdown = model.breakdown(channels: [], events: [event], since: nil, asOf: now)
        #expect(abs(breakdown.rawActivity - 0.5) < 1e-12)
    }
}
