import CercleBuiltins
import CercleCore
import CercleMbox
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

@Suite("Mailboxes from other projects")
struct MboxSharedDataTests {
    static let exmh = Fixtures.shared("formats/email/spamassassin_ham_exmh.mbox")
    static let cpython = Fixtures.shared("formats/email/cpython-3.11-test_email")

    static var cpythonFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: cpython, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }

    func headers(of url: URL) throws -> [MailHeaders] {
        var messages: [MailHeaders] = []
        try MboxReader(url: url, displayName: url.lastPathComponent).forEachMessage(file: url.lastPathComponent) { messages.append($0) }
        return messages
    }

    @Test("the exmh list archive: 134 messages, every one an interaction")
    func exmh() throws {
        let (graph, report) = try TestGraphs.load([Self.exmh], registry: .builtIn)
        let source = try #require(report.sources.first)
        #expect(source.rows == 134)
        #expect(source.interactions == 134)
        #expect(source.skipped.isEmpty)
        #expect(graph.value(PersonField.label, of: "tony@linuxworks.com.au") == .string("Tony Nugent"))
        #expect(graph.value(PersonField.label, of: "exmh-users@example.com") == .string("Exmh Users Mailing List"))
    }

    @Test("the reply graph derived from the exmh archive is found again from our headers")
    func replyGraph() throws {
        // The rule of shared/data/README.md: a → b when a message from a answers a message from
        // b ≠ a of the same mbox; the parent is the In-Reply-To id, else the last References id present.
        let messages = try headers(of: Self.exmh)
        func sender(_ headers: MailHeaders) -> String? {
            headers.from.flatMap { MailAddress.parseList($0).first }.map { $0.address.lowercased() }
        }
        var senderOf: [String: String] = [:]
        for message in messages {
            if let id = message.messageIdentifier, let from = sender(message), senderOf[id] == nil { senderOf[id] = from }
        }
        var replies: [String: Int] = [:]
        for message in messages {
            guard let from = sender(message) else { continue }
            var parent = message.inReplyToIdentifier.flatMap { senderOf[$0] != nil ? $0 : nil }
            if parent == nil { parent = message.referenceIdentifiers.last { senderOf[$0] != nil } }
            guard let parent, let to = senderOf[parent], to != from else { continue }
            replies["\(from),\(to)", default: 0] += 1
        }
        let text = try String(contentsOf: Fixtures.shared("networks/email_replies_exmh.edges.csv"), encoding: .utf8)
        var expected: [String: Int] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            expected["\(fields[0]),\(fields[1])"] = Int(fields[2])
        }
        #expect(expected.count == 64)
        #expect(replies == expected)
    }

    @Test("addresses agree with Python's email package on every message of the exmh archive and the CPython tests")
    func pythonPeer() throws {
        let script = """
            import sys, json, mailbox, email, email.utils, glob, os
            def norm(values):
                out = []
                for name, addr in email.utils.getaddresses(values):
                    addr = addr.strip().lower()
                    if addr.count('@') == 1 and addr.split('@')[0] and addr.split('@')[1] and ' ' not in addr:
                        out.append(addr)
                return out
            def describe(m):
                return {"from": norm(m.get_all('from', [])[:1]), "to": norm(m.get_all('to', [])), "cc": norm(m.get_all('cc', []))}
            result = {"exmh": [describe(m) for m in mailbox.mbox(sys.argv[1])]}
            for path in sorted(glob.glob(os.path.join(sys.argv[2], '*.txt'))):
                with open(path, 'rb') as f:
                    result[os.path.basename(path)] = [describe(email.message_from_binary_file(f))]
            print(json.dumps(result))
            """
        let run = try Subprocess.python(script, [Self.exmh.path, Self.cpython.path])
        try #require(run.status == 0, "\(run.stderr)")
        let peer = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [[String: [String]]]])
        func ours(_ url: URL) throws -> [[String: [String]]] {
            try headers(of: url).map { message in
                let list = { (text: String?) in text.map { MailAddress.parseList($0).map { $0.address.lowercased() } } ?? [] }
                return ["from": Array(list(message.from).prefix(1)), "to": list(message.to), "cc": list(message.cc)]
            }
        }
        #expect(try ours(Self.exmh) == peer["exmh"])
        for file in Self.cpythonFiles where file.lastPathComponent != "msg_19.txt" {
            #expect(try ours(file) == peer[file.lastPathComponent], "\(file.lastPathComponent)")
        }
    }

    @Test("every CPython test message imports as a one-message mailbox or gives a clear error")
    func cpythonMessages() throws {
        var accepted = 0, skipped = 0
        for file in Self.cpythonFiles {
            var builder = GraphBuilder()
            do {
                let report = try PluginRegistry.builtIn.read([ImportInput(url: file)], format: "mbox", into: &builder)
                let source = try #require(report.sources.first)
                #expect(source.rows == 1, "\(file.lastPathComponent)")
                #expect(source.isBalanced, "\(file.lastPathComponent)")
                accepted += source.accepted
                skipped += source.skipped.count
            } catch let error as ImportError {
                #expect(file.lastPathComponent == "msg_19.txt")
                #expect(error.line == 1)
                #expect(error.reason == "neither an mbox 'From ' line nor a mail header: not a mailbox")
            }
        }
        #expect(accepted + skipped == 46)
        #expect(skipped == 14)
    }

    @Test("quirks of the CPython messages, exactly", arguments: [
        ("msg_01.txt", "bbb@ddd.com", "John X. Doe", ["bbb@zzz.org"], "2001-05-04T18:05:44Z"),
        ("msg_16.txt", "postmaster@ucla.edu", "Internet Mail Delivery", ["scr-admin@socal-raves.org"], "2001-09-24T03:14:35Z"),
        ("msg_25.txt", "mailer-daemon@zinfandel.lacita.com", "Mail Delivery Subsystem", ["linuxuser-admin@www.linux.org.uk"], "2001-04-06T17:23:06Z"),
        ("msg_41.txt", "xxx@example.com", "Allison Dunlap", ["yyy@example.com"], "2004-07-11T19:09:27Z"),
        ("msg_45.txt", "foo@bar.baz", nil, ["baz@bar.foo"], nil),
    ] as [(String, String, String?, [String], String?)])
    func cpythonQuirks(file: String, from: String, name: String?, to: [String], date: String?) throws {
        let (graph, report) = try TestGraphs.load([Self.cpython.appendingPathComponent(file)], registry: .builtIn)
        #expect(report.sources.first?.interactions == 1)
        #expect(graph.value(PersonField.label, of: from) == name.map(AttributeValue.string))
        for recipient in to {
            #expect(graph.edgeValue(TieField.firstContact, between: from, and: recipient) == date.flatMap(DateParsing.iso8601).map(AttributeValue.date))
        }
    }

    @Test("the NetworkX example mailbox: addresses without a dot in the domain")
    func networkxExample() throws {
        let (graph, report) = try TestGraphs.load([Fixtures.shared("formats/email/networkx/unix_email.mbox")], registry: .builtIn)
        #expect(report.sources.first?.interactions == 5)
        #expect(Set(graph.ids) == ["alice@edu", "bob@gov", "ted@com", "carol@gov"])
        #expect(graph.edgeValue(TieField.interactions, between: "alice@edu", and: "bob@gov") == .integer(3))
    }
}
