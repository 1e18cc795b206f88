import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation
import Testing
import _CercleTestSupport

/// Imports every export of the demo sales team (Examples/demo) together and checks the
/// merged graph against the generator's ground truth (`team.jsonl`, `edges.csv`, README).
@Suite("The demo network, from its exports")
struct DemoExportsTests {
    static let demo = Fixtures.repositoryRoot.appendingPathComponent("Examples/demo")

    static var exports: [URL] {
        let folders = ["linkedin", "addressbook", "google", "crm", "mail", "calendar"]
        return folders.flatMap { folder -> [URL] in
            let root = demo.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            return (enumerator?.allObjects as? [URL] ?? [])
                .filter { ["csv", "vcf", "mbox", "ics"].contains($0.pathExtension) }
                .sorted { $0.path < $1.path }
        }
    }

    static let loaded: Result<(ContactGraph, ImportReport), Error> = Result {
        var options = ImportOptions()
        options.asOf = DateParsing.iso8601("2026-10-31")
        return try TestGraphs.load(exports, registry: .builtIn, options: options)
    }

    /// The ground truth: persons, ties and interactions of team.jsonl.
    struct Truth {
        var persons: [JSONValue] = []
        var ties: [JSONValue] = []
        var interactions: [JSONValue] = []

        init() throws {
            let text = try String(contentsOf: DemoExportsTests.demo.appendingPathComponent("team.jsonl"), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let value = try JSONValue.parse(String(line))
                switch value["type"]?.stringValue {
                case "person": persons.append(value)
                case "tie": ties.append(value)
                case "interaction": interactions.append(value)
                default: break
                }
            }
        }
    }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// The e-mail and URL keys of a true person.
    static func keys(of person: JSONValue) -> [String] {
        strings(person["emails"]).map { "e:" + (IdentityKey.normalizedEmail($0) ?? $0) }
            + strings(person["urls"]).map { "u:" + (IdentityKey.normalizedURL($0) ?? $0) }
    }

    /// Our nodes by e-mail and URL key, and by folded name.
    static func index(_ graph: ContactGraph) -> (byKey: [String: Int], byName: [String: Int]) {
        var byKey: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for node in 0..<graph.nodeCount {
            if case .stringList(let emails)? = graph.nodeAttributes.value(PersonField.emails, at: node) {
                for email in emails { byKey["e:" + (IdentityKey.normalizedEmail(email) ?? email)] = node }
            }
            if case .stringList(let urls)? = graph.nodeAttributes.value(PersonField.urls, at: node) {
                for url in urls { byKey["u:" + (IdentityKey.normalizedURL(url) ?? url)] = node }
            }
            byName[IdentityKey.fold(graph.label(of: Int32(node)))] = node
        }
        return (byKey, byName)
    }

    /// The nodes a true person's keys (else, without keys, their name) lead to.
    static func nodes(of person: JSONValue, in index: (byKey: [String: Int], byName: [String: Int])) -> Set<Int> {
        let keys = keys(of: person)
        if keys.isEmpty {
            return Set([person["name"]?.stringValue.flatMap { index.byName[IdentityKey.fold($0)] }].compactMap { $0 })
        }
        return Set(keys.compactMap { index.byKey[$0] })
    }

    /// Our node of every true person id.
    static func nodeOfTruthID(_ graph: ContactGraph, _ truth: Truth) -> [String: Int32] {
        let index = index(graph)
        var result: [String: Int32] = [:]
        for person in truth.persons {
            let nodes = nodes(of: person, in: index)
            if let id = person["id"]?.stringValue, nodes.count == 1, let node = nodes.first { result[id] = Int32(node) }
        }
        return result
    }

    @Test("19 files of six kinds, every row accounted for, with the README's counts")
    func counts() throws {
        let (graph, report) = try Self.loaded.get()
        #expect(Self.exports.count == 19)
        #expect(report.sources.allSatisfy { $0.isBalanced })
        #expect(graph.nodeCount == 1376)
        #expect(graph.edgeCount == 3460)  // the rows of edges.csv: every pair with a tie or a shared interaction
        #expect(graph.interactions.interactionCount == 3027)
        let byFormat = Dictionary(grouping: report.sources, by: \.format)
        #expect(byFormat["mbox"]?.reduce(0) { $0 + $1.rows } == 3073)  // copies in the mailboxes
        #expect(byFormat["mbox"]?.reduce(0) { $0 + $1.interactions } == 2778)  // distinct messages
        #expect(byFormat["ics"]?.reduce(0) { $0 + $1.rows } == 274)  // VEVENT blocks
        #expect(byFormat["ics"]?.reduce(0) { $0 + $1.interactions } == 249)  // occurrences up to 2026-10-31
        #expect(report.duplicateInteractions == (3073 - 2778) + 53)
        let records = report.sources.filter { $0.format != "mbox" && $0.format != "ics" }.map { $0.accepted }
        #expect(records == [201, 363, 197, 363, 297, 145, 143, 109, 87, 131, 403, 171])
        // Ties from LinkedIn, address books and CRMs (and the three vCard RELATED), as in team.jsonl.
        let channels = try #require(graph.edgeAttributes[TieField.channels])
        let ties = (0..<graph.edgeCount).filter { edge in
            guard case .stringList(let names)? = channels[edge] else { return false }
            return names.contains { ["linkedin", "addressbook", "crm"].contains($0) }
        }
        #expect(ties.count == 1803)
        #expect(graph.edgeAttributes[TieField.origin]?.presentCount == 3460)
        #expect((0..<graph.edgeCount).allSatisfy { graph.edgeAttributes.value(TieField.origin, at: $0) == .string("observed") })
    }

    @Test("the persons are team.jsonl's: one node per true person, found by e-mail, URL or name; members flagged")
    func persons() throws {
        let (graph, _) = try Self.loaded.get()
        let truth = try Truth()
        #expect(truth.persons.count == 1376)
        let index = Self.index(graph)
        var matched = Set<Int>()
        var mismatches: [String] = []
        var organisations = 0
        for person in truth.persons {
            let id = person["id"]?.stringValue ?? "?"
            let keys = Self.keys(of: person)
            let nodes = Self.nodes(of: person, in: index)
            guard nodes.count == 1, let node = nodes.first else {
                mismatches.append("\(id): \(nodes.count) nodes")
                continue
            }
            matched.insert(node)
            // Every key of the true person is on the node, and nothing else is.
            let ownKeys = Set(keys)
            let nodeKeys = Set(index.byKey.filter { $0.value == node }.keys)
            if !keys.isEmpty, ownKeys != nodeKeys { mismatches.append("\(id): keys \(nodeKeys.sorted()) ≠ \(ownKeys.sorted())") }
            let isMember = person["member"]?.boolValue ?? false
            if (graph.nodeAttributes.value(PersonField.member, at: node) == .bool(true)) != isMember {
                mismatches.append("\(id): member flag")
            }
            if let organisation = person["organisation"]?.stringValue {
                if graph.nodeAttributes.value(PersonField.organisation, at: node) == .string(organisation) { organisations += 1 }
            }
            // A name only where the files show one: some persons appear with bare addresses only.
            if let name = person["name"]?.stringValue, let label = graph.nodeAttributes.value(PersonField.label, at: node)?.text,
               label != name {
                mismatches.append("\(id): name \(label) ≠ \(name)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(matched.count == 1376)
        #expect(organisations == truth.persons.filter { $0["organisation"] != nil }.count)
        #expect(Set(graph.memberIDs.map { graph.label(of: graph.node(withID: $0) ?? 0) }) ==
                ["Anna Becker", "Jonas Weber", "Sofía Ramírez", "Thomas Krüger", "Amara Okafor", "Henrik Lindqvist"])
    }

    @Test("every pair has the channels and the number of shared interactions of the ground truth")
    func pairs() throws {
        let (graph, _) = try Self.loaded.get()
        let truth = try Truth()
        let nodeOfTruthID = Self.nodeOfTruthID(graph, truth)
        var expected: [Set<Int32>: (channels: Set<String>, interactions: Int)] = [:]
        func add(_ a: String, _ b: String, channel: String, interaction: Bool) {
            guard let u = nodeOfTruthID[a], let v = nodeOfTruthID[b], u != v else { return }
            var entry = expected[[u, v]] ?? ([], 0)
            entry.channels.insert(channel)
            if interaction { entry.interactions += 1 }
            expected[[u, v]] = entry
        }
        for tie in truth.ties {
            for channel in Self.strings(tie["channels"]) {
                add(tie["source"]?.stringValue ?? "", tie["target"]?.stringValue ?? "", channel: channel, interaction: false)
            }
        }
        for interaction in truth.interactions {
            let channel = interaction["channel"]?.stringValue ?? ""
            let from = interaction["from"]?.stringValue ?? ""
            // Each recipient once (one message of team.jsonl copies a person twice), the sender aside.
            var recipients: [String] = []
            for recipient in Self.strings(interaction["to"]) + Self.strings(interaction["cc"])
            where recipient != from && !recipients.contains(recipient) {
                recipients.append(recipient)
            }
            if channel == "email" {
                for recipient in recipients { add(from, recipient, channel: channel, interaction: true) }
                for i in recipients.indices { for j in recipients.indices where j > i { add(recipients[i], recipients[j], channel: channel, interaction: true) } }
            } else {
                let everyone = [from] + recipients
                for i in everyone.indices { for j in everyone.indices where j > i { add(everyone[i], everyone[j], channel: channel, interaction: true) } }
            }
        }
        #expect(nodeOfTruthID.count == 1376)
        #expect(expected.count == 3460)
        let index = graph.makeEdgeIndex()
        var mismatches: [String] = []
        for (pair, entry) in expected {
            let nodes = Array(pair)
            guard let edge = graph.edgeID(from: nodes[0], to: nodes[1], index: index) else {
                mismatches.append("no edge \(graph.ids[Int(nodes[0])]) – \(graph.ids[Int(nodes[1])])")
                continue
            }
            let channels = Set(Self.strings(graph.edgeAttributes.value(TieField.channels, at: edge)?.json))
            let count = graph.edgeAttributes.value(TieField.interactions, at: edge)
            if channels != entry.channels || count != .integer(entry.interactions) {
                mismatches.append("\(graph.ids[Int(nodes[0])]) – \(graph.ids[Int(nodes[1])]): \(channels.sorted()) \(String(describing: count)) ≠ \(entry.channels.sorted()) \(entry.interactions)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) pairs differ: \(mismatches.prefix(5))")
    }

    @Test("edges.csv weights are the shared interactions plus one")
    func edgeWeights() throws {
        let (graph, _) = try Self.loaded.get()
        let text = try String(contentsOf: Self.demo.appendingPathComponent("edges.csv"), encoding: .utf8)
        let index = graph.makeEdgeIndex()
        let nodeOf = Self.nodeOfTruthID(graph, try Truth())
        var unmatchedIDs = 0
        var wrong: [String] = []
        var rows = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            guard fields.count == 3, let weight = Int(fields[2]) else { continue }
            rows += 1
            guard let u = nodeOf[fields[0]], let v = nodeOf[fields[1]] else {
                unmatchedIDs += 1
                continue
            }
            let edge = graph.edgeID(from: u, to: v, index: index)
            if edge.flatMap({ graph.edgeAttributes.value(TieField.interactions, at: $0) }) != .integer(weight - 1) { wrong.append(String(line)) }
        }
        #expect(rows == 3460)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(unmatchedIDs == 0)
    }
}
