import Foundation
import Testing
import _CercleTestSupport

/// The insight commands end to end on the demo sales team (Examples/demo), checked against
/// the truths its README states and against the ground truth in `team.jsonl`.
@Suite("cercle circles, path, coverage, dormant, diversity and explain on the demo team")
struct InsightCommandTests {
    static let team = Fixtures.repositoryRoot.appendingPathComponent("Examples/demo/team.jsonl").path
    static let readme = Fixtures.repositoryRoot.appendingPathComponent("Examples/demo/README.md")

    /// Rows of a CSV file written by Cercle (fields here hold no commas or quotes).
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, Self.fields(line)))
        }
    }

    /// RFC 4180 fields of one line.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        fields.append(field)
        return fields
    }

    @Test("circles: Anna Becker's 513 contacts fill the Dunbar layers 5, 15, 50, 150, strongest first")
    func circles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("circles.csv")
        let run = try CercleCommand.run(["circles", Self.team, "--ego", "Anna Becker", "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("circles of Anna Becker (anna.becker@nordlicht.example): 513 contacts"))
        let header = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").first
        #expect(header == "ego,alter,strength,circle")
        let rows = try Self.rows(out)
        #expect(rows.count == 513)
        #expect(rows.allSatisfy { $0["ego"] == "anna.becker@nordlicht.example" })
        let counts = ["5", "15", "50", "150", "beyond"].map { circle in rows.filter { $0["circle"] == circle }.count }
        #expect(counts == [5, 10, 35, 100, 363])
        let strengths = rows.compactMap { $0["strength"].flatMap(Double.init) }
        #expect(strengths == strengths.sorted(by: >))
        // Her strongest ties are her own team.
        #expect(Set(rows.prefix(3).compactMap { $0["alter"] }).isSubset(of: [
            "jonas.weber@nordlicht.example", "sofia.ramirez@nordlicht.example", "amara.okafor@nordlicht.example",
            "thomas.krueger@nordlicht.example", "henrik.lindqvist@nordlicht.example",
        ]))
        let breaks = try CercleCommand.run(["circles", Self.team, "--ego", "anna.becker@nordlicht.example", "--method", "breaks", "--quiet"])
        #expect(breaks.status == 0, "\(breaks.stderr)")
        #expect(breaks.stdout.contains("natural breaks on strength"))
        // Without --ego, every member.
        let all = try CercleCommand.run(["circles", Self.team, "--quiet"])
        #expect(all.stdout.components(separatedBy: "circles of ").count - 1 == 6)
    }

    @Test("--redact all: no name or address in the summary or the file")
    func redaction() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("circles.csv")
        let run = try CercleCommand.run(["circles", Self.team, "--ego", "Anna Becker", "-o", out.path, "--quiet", "--redact", "all"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("Anna") && !run.stdout.contains("@"))
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(!text.contains("@") && !text.contains("linkedin.com"))
        let path = try CercleCommand.run(["path", Self.team, "--from", "Henrik Lindqvist", "--to-org", "Acme Retail", "--quiet", "--redact", "names"])
        #expect(path.status == 0 && !path.stdout.contains("Jonas") && path.stdout.contains("Acme Retail"))
    }

    @Test("a person not found: one line with the closest names")
    func unknownPerson() throws {
        let run = try CercleCommand.run(["circles", Self.team, "--ego", "Ana Beker", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("cercle: --ego 'Ana Beker': no person with this id, e-mail address or name; closest: Anna Becker"))
        #expect(run.stderr.filter { $0 == "\n" }.count == 1)
        let org = try CercleCommand.run(["path", Self.team, "--from", "Anna Becker", "--to-org", "Acme Retial", "--quiet"])
        #expect(org.status == 1 && org.stderr == "cercle: --to-org 'Acme Retial': no such organisation; closest: Acme Retail\n")
    }

    @Test("explain: the components add up to the tie's weight; a configuration file changes it")
    func explain() throws {
        func strength(_ output: String) -> Double? {
            output.split(separator: "\n").last { $0.hasPrefix("strength ") }?.split(separator: " ").last.flatMap { Double($0) }
        }
        for (a, b) in [("Anna Becker", "Zoë Müller"), ("Anna Becker", "Jonas Weber"), ("Henrik Lindqvist", "Jonas Weber")] {
            let run = try CercleCommand.run(["explain", Self.team, "--tie", a, b, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("as of 2026-10-29 (the latest date in the data); settings: defaults"))
            #expect(run.stdout.contains("activity ") && run.stdout.contains("reciprocity ") && run.stdout.contains("prior "))
            // The recomputed strength is the graph's weight: no note says otherwise.
            #expect(!run.stdout.contains("note:"), "\(run.stdout)")
            #expect(strength(run.stdout) != nil)
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("slow.json", #"{"halfLifeDays": 720}"#)
        try folder.write("bad.json", #"{"halfLife": 720}"#)
        let base = try CercleCommand.run(["explain", Self.team, "--tie", "Anna Becker", "Zoë Müller", "--quiet"])
        let slow = try CercleCommand.run(["explain", Self.team, "--tie", "Anna Becker", "Zoë Müller", "--quiet",
                                          "--strength-config", folder.path("slow.json").path])
        #expect(slow.stdout.contains("settings: from --strength-config") && !slow.stdout.contains("note:"))
        #expect((strength(slow.stdout) ?? 0) > (strength(base.stdout) ?? 1))
        let bad = try CercleCommand.run(["explain", Self.team, "--tie", "Anna Becker", "Zoë Müller", "--quiet", "--strength-config", "bad.json"],
                                        in: folder.url)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("cercle: bad.json: unknown field 'halfLife'"))
        // The same settings as simple YAML.
        try folder.write("slow.yaml", "# slower decay\nhalfLifeDays: 720   # two years\npriors:\n  linkedin: 0.05\n")
        let yaml = try CercleCommand.run(["explain", Self.team, "--tie", "Anna Becker", "Zoë Müller", "--quiet",
                                          "--strength-config", folder.path("slow.yaml").path])
        #expect(yaml.status == 0, "\(yaml.stderr)")
        #expect(strength(yaml.stdout) == strength(slow.stdout))
        try folder.write("bad.yml", "halfLifeDays: 720\nsaturation: long\n")
        let badYAML = try CercleCommand.run(["explain", Self.team, "--tie", "Anna Becker", "Zoë Müller", "--quiet", "--strength-config", "bad.yml"],
                                            in: folder.url)
        #expect(badYAML.status == 1 && badYAML.stderr == "cercle: bad.yml:2: 'long' is not a number\n")
        let config = try CercleCommand.run(["explain", Self.team, "--print-config"])
        #expect(config.stdout.contains("\"halfLifeDays\" : 180"))
        let notTied = try CercleCommand.run(["explain", Self.team, "--tie", "Henrik Lindqvist", "Zoë Müller", "--quiet"])
        #expect(notTied.status == 1 && notTied.stderr.contains("are not tied"))
    }

    @Test("path: k warm paths to an account, every hop explained, strengths multiply")
    func warmPaths() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("paths.csv")
        let run = try CercleCommand.run(["path", Self.team, "--from", "Henrik Lindqvist", "--to-org", "Acme Retail", "-k", "3",
                                         "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("warm paths from Henrik Lindqvist (henrik.lindqvist@nordlicht.example) to Acme Retail") == true)
        let numbered = lines.filter { $0.first?.isNumber == true }
        #expect(numbered.count == 3)
        #expect(numbered.allSatisfy { $0.contains("(Acme Retail") })
        // Not all three through the same go-between.
        let vias = Set(numbered.compactMap { $0.split(separator: ":").first?.components(separatedBy: "via ").last })
        #expect(vias.count >= 2)
        let rows = try Self.rows(out)
        for path in ["1", "2", "3"] {
            let hops = rows.filter { $0["path"] == path }
            let product = hops.compactMap { $0["strength"].flatMap(Double.init) }.reduce(1, *)
            let total = hops.first?["path_strength"].flatMap(Double.init) ?? 0
            #expect(!hops.isEmpty && abs(product - total) < 1e-12)
            #expect(hops.first?["source"] == "henrik.lindqvist@nordlicht.example")
        }
        // Penalty 0: Yen's order, strengths never increase.
        let plain = try CercleCommand.run(["path", Self.team, "--from", "Henrik Lindqvist", "--to", "Zoë Müller", "-k", "5",
                                           "--penalty", "0", "-o", out.path, "--quiet"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let strengths = try Self.rows(out).filter { $0["hop"] == "1" }.compactMap { $0["path_strength"].flatMap(Double.init) }
        #expect(strengths.count == 5 && strengths == strengths.sorted(by: >))
        let usage = try CercleCommand.run(["path", Self.team, "--from", "Anna Becker", "--quiet"])
        #expect(usage.status == 2)
    }

    @Test("coverage: single-threaded accounts are those one member alone is in touch with; losing a member loses them")
    func coverage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("coverage.csv")
        let run = try CercleCommand.run(["coverage", Self.team, "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.rows(out)
        #expect(rows.count == 116)  // 117 organisations, Nordlicht Systems itself left out
        let single = Set(rows.filter { $0["single_threaded"] == "true" }.compactMap { $0["organisation"] })
        // Ground truth: organisations whose persons are in touch (a tie or a shared
        // interaction) with exactly one member, from team.jsonl.
        let python = try Subprocess.python("""
            import sys, json
            persons, members, touch = {}, set(), {}
            rows = [json.loads(line) for line in open(sys.argv[1])]
            for o in rows:
                if o['type'] == 'person':
                    persons[o['id']] = o.get('organisation')
                    if o.get('member'): members.add(o['id'])
            def link(a, b):
                for m, c in ((a, b), (b, a)):
                    if m in members and c not in members and persons.get(c):
                        touch.setdefault(persons[c], set()).add(m)
            for o in rows:
                if o['type'] == 'tie': link(o['source'], o['target'])
                elif o['type'] == 'interaction':
                    people = [o.get('from')] + o.get('to', []) + o.get('cc', [])
                    for a in people:
                        for b in people:
                            if a and b and a != b: link(a, b)
            print('\\n'.join(sorted(org for org, ms in touch.items() if len(ms) == 1)))
            """, [Self.team])
        #expect(python.status == 0, "\(python.stderr)")
        let expected = Set(python.stdout.split(separator: "\n").map(String.init))
        #expect(single == expected)
        // The README's 13 key-person-risk accounts are among them.
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let listed = readme.components(separatedBy: "in touch with one member only:").last?
            .components(separatedBy: ".\n").first?.components(separatedBy: "`").enumerated()
            .filter { $0.offset % 2 == 1 }.map(\.element) ?? []
        #expect(listed.count == 13)
        #expect(Set(listed).isSubset(of: single))
        // HHI and top-member share are 1 exactly for the single-threaded accounts.
        for row in rows where row["single_threaded"] == "true" {
            #expect(row["hhi"] == "1.0" && row["top_member_share"] == "1.0" && row["members_tied"] == "1")
        }
        // Henrik Lindqvist alone holds Aster Mobile and Lagoon Telecom.
        let without = try CercleCommand.run(["coverage", Self.team, "--without", "Henrik Lindqvist", "--quiet"])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(without.stdout.contains("organisations nobody else is tied to (2): Aster Mobile, Lagoon Telecom"))
        let notMember = try CercleCommand.run(["coverage", Self.team, "--without", "Zoë Müller", "--quiet"])
        #expect(notMember.status == 1 && notMember.stderr.contains("is not a member"))
    }

    @Test("dormant: the README's dormant contacts are found, ranked by revival score")
    func dormant() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("dormant.csv")
        let run = try CercleCommand.run(["dormant", Self.team, "--as-of", "2026-10-31", "--months", "9", "--min-interactions", "5",
                                         "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.rows(out)
        let scores = rows.compactMap { $0["score"].flatMap(Double.init) }
        #expect(scores == scores.sorted(by: >))
        #expect(rows.allSatisfy { ($0["months_dormant"].flatMap(Double.init) ?? 0) >= 9 && (Int($0["interactions"] ?? "") ?? 0) >= 5 })
        // Names of the dormant alters, through the person lines of team.jsonl.
        var names: [String: String] = [:]
        for line in try String(contentsOfFile: Self.team, encoding: .utf8).split(separator: "\n") where line.contains("\"type\":\"person\"") {
            if let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let id = object["id"] as? String, let name = object["name"] as? String { names[id] = name }
        }
        let found = Set(rows.compactMap { $0["alter"].flatMap { names[$0] } })
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let listed = readme.components(separatedBy: "(nine months before the as-of date): ").last?
            .components(separatedBy: ".\n").first?.replacingOccurrences(of: "\n", with: " ")
            .components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        #expect(listed.count == 98)
        // Ties (member–contact) are judged one by one, the README counts a contact's
        // interactions with the whole team: a few contacts spread over members are missed.
        #expect(Set(listed).intersection(found).count >= 90, "\(Set(listed).subtracting(found))")
        let ego = try CercleCommand.run(["dormant", Self.team, "--ego", "Jonas Weber", "--top", "3", "--quiet"])
        #expect(ego.status == 0 && ego.stdout.split(separator: "\n").count == 5)
    }

    @Test("diversity: a table of the members against the team mean; an ego's gaps and suggestions")
    func diversity() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("diversity.csv")
        let run = try CercleCommand.run(["diversity", Self.team, "-o", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 9)  // title, header, 6 members, team mean
        let rows = try Self.rows(out)
        #expect(rows.count == 30)
        for row in rows {
            let blau = Double(row["blau"] ?? "") ?? -1, shannon = Double(row["shannon"] ?? "") ?? -1
            #expect((0..<1).contains(blau) && shannon >= 0)
        }
        // Henrik Lindqvist knows his contacts from LinkedIn alone: the least varied sources.
        let sources = rows.filter { $0["dimension"] == "source" }
        let henrik = sources.first { $0["ego"] == "henrik.lindqvist@nordlicht.example" }
        #expect(sources.allSatisfy { (Double($0["blau"] ?? "") ?? 0) >= (Double(henrik?["blau"] ?? "") ?? 1) })
        #expect((Double(henrik?["blau"] ?? "") ?? 1) < (Double(henrik?["team_blau"] ?? "") ?? 0))
        let ego = try CercleCommand.run(["diversity", Self.team, "--ego", "Henrik Lindqvist", "--quiet", "--suggestions", "5"])
        #expect(ego.status == 0, "\(ego.stderr)")
        #expect(ego.stdout.contains("under-represented") && ego.stdout.contains("sector Retail"))
        #expect(ego.stdout.contains("second-degree contacts that would widen the network most"))
    }

    @Test("the help lists the insight commands")
    func help() throws {
        let help = try CercleCommand.run(["--help"])
        for command in ["circles", "path", "coverage", "dormant", "diversity", "explain"] {
            #expect(help.stdout.contains("  \(command) "), "\(command)")
        }
    }
}
