import CercleBuiltins
import CercleCore
import CercleLinkedIn
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("LinkedIn messages.csv")
struct LinkedInMessagesTests {
    static let folder = Fixtures.url("contacts/linkedin/lena-vogel")

    @Test("messages become interactions; drafts, sponsored messages and messages to nobody are skipped")
    func messages() throws {
        let (graph, report) = try TestGraphs.load([Self.folder.appendingPathComponent("messages.csv")], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.rowUnit == "message")
        #expect(source.rows == 6)
        #expect(source.interactions == 3)
        #expect(source.isBalanced)
        #expect(source.skipped == [
            .init(line: 5, reason: "no sender profile URL (a sponsored message or a deleted account)"),
            .init(line: 6, reason: "draft"),
            .init(line: 7, reason: "no recipient profile URLs"),
        ])
        let lena = "linkedin.com/in/lena-vogel"
        #expect(graph.memberIDs == [lena])
        #expect(graph.edgeValue(TieField.interactions, between: lena, and: "linkedin.com/in/paulkeller") == .integer(2))
        #expect(graph.edgeValue(TieField.channels, between: lena, and: "linkedin.com/in/paulkeller") == .stringList(["message"]))
        // Two recipients of one message: names paired with URLs, and a co-recipient tie.
        #expect(graph.value(PersonField.label, of: "linkedin.com/in/ola-nordmann") == .string("Ola Nordmann"))
        #expect(graph.edgeValue(TieField.interactions, between: "linkedin.com/in/ola-nordmann", and: "linkedin.com/in/zo%c3%ab-m%c3%bcller-1a2b3c") == .integer(1))
        #expect(graph.interactions.interactionCount == 3)
    }

    @Test("the content of messages never reaches the graph or its files")
    func contentNeverRead() throws {
        let (graph, _) = try TestGraphs.load([Self.folder.appendingPathComponent("messages.csv")], registry: .builtIn)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("out.jsonl")
        try PluginRegistry.builtIn.write(graph, to: out)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(!text.contains("budget"))
        #expect(!text.contains("Coffee"))
        #expect(text.contains("linkedin.com/in/paulkeller"))
    }

    @Test("connections and messages of one export merge: the ego named by its folder meets its own profile")
    func withConnections() throws {
        let urls = ["Connections.csv", "messages.csv"].map { Self.folder.appendingPathComponent($0) }
        let (graph, report) = try TestGraphs.load(urls, registry: .builtIn)
        let balanced = report.sources.allSatisfy { $0.isBalanced }
        #expect(balanced)
        #expect(graph.memberIDs == ["linkedin.com/in/lena-vogel"])
        #expect(graph.nodeCount == 7)
        let paul = "paul.keller@kessler-voss.example"
        #expect(graph.edgeValue(TieField.channels, between: "linkedin.com/in/lena-vogel", and: paul) == .stringList(["linkedin", "message"]))
        #expect(graph.edgeValue(TieField.firstContact, between: "linkedin.com/in/lena-vogel", and: paul) == DateParsing.iso8601("2025-11-03").map(AttributeValue.date))
    }
}
