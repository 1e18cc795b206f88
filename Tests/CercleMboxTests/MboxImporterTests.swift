import CercleBuiltins
import CercleCore
import CercleMbox
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("mbox mailboxes")
struct MboxImporterTests {
    static let anna = Fixtures.url("contacts/mbox/anna-becker.mbox")
    static let zoe = Fixtures.url("contacts/mbox/zoe-mueller.mbox")

    @Test("messages: separators, encoded and reversed names, groups, folded headers; bad messages skipped with their line")
    func quirks() throws {
        let (graph, report) = try TestGraphs.load([Self.anna], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.format == "mbox")
        #expect(source.rowUnit == "message")
        #expect(source.rows == 7)
        #expect(source.interactions == 4)
        #expect(source.isBalanced)
        #expect(source.skipped == [
            .init(line: 41, reason: "no From: header"),
            .init(line: 48, reason: "From: holds no address ('MAILER DAEMON <>')"),
            .init(line: 55, reason: "no recipients (To:, Cc:)"),
        ])
        #expect(source.notes == ["1 message without a readable Date:, kept undated"])
        #expect(graph.nodeCount == 9)
        #expect(graph.edgeCount == 17)
        #expect(graph.node(withID: "secret@nordlicht.example") == nil)  // Bcc is not read
        let names: [String: String] = [
            "anna.becker@nordlicht.example": "Anna Becker", "zmueller@acme-retail.example": "Zoë Müller",
            "l.hendriks@wren-assurance.example": "Lotte Hendriks", "o.boateng@wren-assurance.example": "Oluwaseun Boateng",
            "jonas.weber@nordlicht.example": "Jonas Weber", "f.levesque@nordlicht.example": "François Lévesque",
            "l.wrobel@nordlicht.example": "Łukasz Wróbel", "jbrandt@acme-retail.example": "Jürgen Brandt",
        ]
        for (id, name) in names {
            #expect(graph.value(PersonField.label, of: id) == .string(name), "\(id)")
        }
        let anna = "anna.becker@nordlicht.example", zoe = "zmueller@acme-retail.example"
        #expect(graph.edgeValue(TieField.interactions, between: anna, and: zoe) == .integer(2))
        #expect(graph.edgeValue(TieField.channels, between: anna, and: zoe) == .stringList(["email"]))
        #expect(graph.edgeValue(TieField.lastContact, between: anna, and: zoe) == DateParsing.iso8601("2023-01-04T14:13:38Z").map(AttributeValue.date))
        // Co-recipients of message 1 and the members of the group of message 3.
        #expect(graph.edgeValue(TieField.interactions, between: "g.taylor@wren-assurance.example", and: "l.hendriks@wren-assurance.example") == .integer(1))
        #expect(graph.edgeID(between: "f.levesque@nordlicht.example", and: "l.wrobel@nordlicht.example") != nil)
        #expect(graph.edgeID(between: "jonas.weber@nordlicht.example", and: "jbrandt@acme-retail.example") != nil)
    }

    @Test("a message in two mailboxes counts once, by Message-ID or, without one, by sender, date and recipients")
    func duplicates() throws {
        let (graph, report) = try TestGraphs.load([Self.anna, Self.zoe], registry: .builtIn)
        #expect(report.sources[1].rows == 2)
        #expect(report.sources[1].accepted == 2)
        #expect(report.sources[1].interactions == 0)
        #expect(report.duplicateInteractions == 2)
        #expect(graph.interactions.interactionCount == 4)
        #expect(graph.edgeValue(TieField.interactions, between: "anna.becker@nordlicht.example", and: "zmueller@acme-retail.example") == .integer(2))
    }

    @Test("--member flags the person with that address")
    func member() throws {
        var options = ImportOptions()
        options.member = "Anna.Becker@nordlicht.example"
        let (graph, _) = try TestGraphs.load([Self.anna], registry: .builtIn, options: options)
        #expect(graph.memberIDs == ["anna.becker@nordlicht.example"])
    }

    @Test("the reader keeps only the headers it needs, unfolded")
    func reader() throws {
        let reader = try MboxReader(url: Self.anna, displayName: "anna-becker.mbox")
        var messages: [MailHeaders] = []
        let summary = try reader.forEachMessage(file: "anna-becker.mbox") { messages.append($0) }
        #expect(summary.messages == 7)
        #expect(messages.map(\.line) == [1, 17, 30, 41, 48, 55, 63])
        let first = try #require(messages.first)
        #expect(first.cc == "Grace Taylor <g.taylor@wren-assurance.example>, Oluwaseun Boateng <o.boateng@wren-assurance.example>")
        #expect(first.messageIdentifier == "20230102143120.3a9cbc@nordlicht.example")
        #expect(messages[1].inReplyToIdentifier == "20230102143120.3a9cbc@nordlicht.example")
        #expect(messages[2].to?.hasPrefix("team: Jonas Weber <jonas.weber@nordlicht.example>, =?windows-1252?Q?") == true)
        #expect(messages[6].messageID == nil)
    }

    @Test("address lists", arguments: [
        ("Ann Berg <ann@x.example>, \"Berg, Bo\" <bo@x.example>", ["Ann Berg <ann@x.example>", "Bo Berg <bo@x.example>"]),
        ("ann@x.example (Ann Berg), bo@x.example", ["Ann Berg <ann@x.example>", "bo@x.example"]),
        ("team: a@x.example, Bo <b@y.example>;, c@z.example", ["a@x.example", "Bo <b@y.example>", "c@z.example"]),
        ("undisclosed-recipients:;", []),
        ("MAILER-DAEMON <>, XX, <@relay.example:cy@z.example>", ["cy@z.example"]),
        ("\"ann@x.example\" <ann@x.example>", ["ann@x.example"]),
        ("=?ISO-8859-1?Q?M=FCller=2C_Zo=EB?= <z@x.example>", ["Zoë Müller <z@x.example>"]),
        ("\"Kessler, Voss & Partner\" <info@kv.example>", ["Kessler, Voss & Partner <info@kv.example>"]),
        ("alice@edu", ["alice@edu"]),
    ])
    func addressLists(text: String, expected: [String]) {
        #expect(MailAddress.parseList(text).map(\.description) == expected)
    }

    @Test("encoded words", arguments: [
        ("=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?=", "Zoë Müller"),
        ("=?utf-8?b?Wm/Dqw==?= x", "Zoë x"),
        ("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=", "ab"),
        ("=?ISO-8859-1?Q?a?=  plain =?ISO-8859-1?Q?b?=", "a  plain b"),
        ("=?ISO-8859-15?Q?=A4uro?=", "€uro"),
        ("=?KOI8-R?B?8NLJ18XU?=", "Привет"),
        ("=?windows-1250?Q?=8Aime?=", "Šime"),
        ("=?UTF-8*en?Q?Hi?=", "Hi"),
        ("=?bogus", "=?bogus"),
        ("=?UTF-8?X?abc?=", "=?UTF-8?X?abc?="),
    ])
    func encodedWords(text: String, decoded: String) {
        #expect(EncodedWords.decode(text) == decoded)
    }

    @Test("a file that is neither a mailbox nor a message is an error naming the line")
    func notAMailbox() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = try folder.write("notes.mbox", "\n\nDear diary,\nFrom: nobody\n")
        #expect {
            _ = try TestGraphs.load([url], registry: .builtIn)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.line == 3 && error.reason == "neither an mbox 'From ' line nor a mail header: not a mailbox"
        }
    }

    @Test("a single message with CRLF line ends and no From line")
    func singleMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "Return-Path: <a@x.example>\r\nFrom: A <a@x.example>\r\nTo: B <b@y.example>\r\nDate: Tue, 1 Jul 2003 10:52:37 +0200\r\n\r\nFrom here on\r\n"
        let url = try folder.write("message.eml", text)
        let (graph, report) = try TestGraphs.load([url], registry: .builtIn)
        #expect(report.sources.first?.format == "mbox")
        #expect(report.sources.first?.interactions == 1)
        #expect(graph.edgeValue(TieField.firstContact, between: "a@x.example", and: "b@y.example") == DateParsing.iso8601("2003-07-01T08:52:37Z").map(AttributeValue.date))
    }
}
