import Foundation
import Testing
import _CercleTestSupport

/// `cercle analyze` end to end on Zachary's karate club, every number checked against
/// NetworkX computed live on the same files.
@Suite("cercle analyze against NetworkX")
struct AnalyzeCommandTests {
    static let edges = Fixtures.shared("networks/karate_weighted.edges.csv").path
    static let nodes = Fixtures.shared("networks/karate_weighted.nodes.csv").path

    /// Rows of a CSV file as dictionaries (our writer quotes only when needed).
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test("--metrics with --weight inverse: the CSV equals NetworkX column by column")
    func metricsMatchNetworkX() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("nodes.csv")
        let run = try CercleCommand.run([
            "analyze", Self.edges, Self.nodes, "--quiet", "-o", out.path, "--top", "3",
            "--metrics", "betweenness,closeness,pagerank,coreness,clustering,constraint", "--weight", "inverse",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // --top prints a ranked table by the first metric: Mr Hi (1) first.
        let ranked = run.stdout.split(separator: "\n").drop { !$0.hasPrefix("rank") }.dropFirst()
        #expect(ranked.count == 3)
        #expect(ranked.first?.contains("Mr Hi") == true)
        let python = try Subprocess.python("""
            import sys, csv, json, networkx as nx
            G = nx.Graph()
            with open(sys.argv[1]) as f:
                for r in csv.DictReader(f): G.add_node(r['id'])
            with open(sys.argv[2]) as f:
                for r in csv.DictReader(f): G.add_edge(r['source'], r['target'], weight=float(r['weight']))
            for u, v, d in G.edges(data=True): d['length'] = 1 / d['weight']
            print(json.dumps({
              'betweenness': nx.betweenness_centrality(G, weight='length'),
              'closeness': nx.closeness_centrality(G, distance='length'),
              'pagerank': nx.pagerank(G, weight='weight', tol=1e-12),
              'coreness': nx.core_number(G),
              'clustering': nx.clustering(G, weight='weight'),
              'constraint': nx.constraint(G, weight='weight'),
            }))
            """, [Self.nodes, Self.edges])
        #expect(python.status == 0, "\(python.stderr)")
        let expected = try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: [String: Double]] ?? [:]
        let rows = try Self.rows(out)
        #expect(rows.count == 34)
        for (metric, values) in expected {
            for row in rows {
                guard let id = row["id"], let want = values[id], let got = row[metric].flatMap(Double.init) else {
                    Issue.record("\(metric) missing for \(row["id"] ?? "?")"); continue
                }
                #expect(isClose(got, want, tolerance: 1e-6), "\(metric) of \(id): \(got) vs \(want)")
            }
        }
    }

    @Test("--communities leiden: a community column, profiles, and NetworkX's modularity")
    func communities() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("nodes.csv"), profiles = folder.path("communities.csv")
        let run = try CercleCommand.run([
            "analyze", Self.edges, Self.nodes, "--quiet", "-o", out.path,
            "--communities", "leiden", "--restarts", "5", "--communities-out", profiles.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.rows(out)
        let partition = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row["id"].map { ($0, row["community"] ?? "") } })
        #expect(partition.count == 34 && !partition.values.contains(""))
        let python = try Subprocess.python("""
            import sys, csv, json, networkx as nx
            G = nx.Graph()
            with open(sys.argv[1]) as f:
                for r in csv.DictReader(f): G.add_edge(r['source'], r['target'], weight=float(r['weight']))
            part = json.loads(sys.argv[2])
            groups = {}
            for node, c in part.items(): groups.setdefault(c, set()).add(node)
            print(nx.community.modularity(G, groups.values(), weight='weight'))
            """, [Self.edges, String(decoding: try JSONSerialization.data(withJSONObject: partition), as: UTF8.self)])
        #expect(python.status == 0, "\(python.stderr)")
        let modularity = Double(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan
        // The best weighted modularity known for this graph is 0.4198 (igraph's optimum).
        #expect(modularity > 0.41)
        // The summary prints the same modularity.
        let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("communities ") }
        let printed = line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) } ?? .nan
        #expect(isClose(printed, modularity, tolerance: 1e-5), "\(run.stdout)")
        let profileRows = try Self.rows(profiles)
        #expect(profileRows.count == Set(partition.values).count)
        #expect(profileRows.map { Int($0["size"] ?? "") ?? 0 }.reduce(0, +) == 34)
    }

    @Test("--weak-ties --edges-out: one row per edge with overlap and bridge flags")
    func weakTies() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ties = folder.path("ties.csv")
        let run = try CercleCommand.run(["analyze", Self.edges, Self.nodes, "--quiet", "--weak-ties", "--edges-out", ties.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try Self.rows(ties)
        #expect(rows.count == 78)
        let python = try Subprocess.python("""
            import sys, csv, networkx as nx
            G = nx.Graph()
            with open(sys.argv[1]) as f:
                for r in csv.DictReader(f): G.add_edge(r['source'], r['target'])
            print(len(list(nx.bridges(G))), len(list(nx.local_bridges(G))))
            """, [Self.edges])
        let counts = python.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(counts.count == 2)
        guard counts.count == 2, let header = rows.first?.keys else { return }
        #expect(header.contains("overlap") && header.contains("bridge") && header.contains("local_bridge"), "\(header)")
        #expect(rows.filter { $0["bridge"] == "true" }.count == counts[0])
        #expect(rows.filter { $0["local_bridge"] == "true" }.count == counts[1])
    }
}
