import ArgumentParser
import CercleAnalysis

/// What to compute: shared by `analyze`, `import` (results travel as attributes), `map`
/// and `report`.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Node measures, comma-separated: \(NodeMetric.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "list"))
    var metrics: String?

    @Option(name: .long, help: ArgumentHelp("""
        How edge weights enter: none (ignore them), strength (closeness of a tie: PageRank, \
        eigenvector, Katz, clustering, communities), inverse (1/w) or neglog (−log w) to \
        turn strengths into lengths for betweenness, closeness and harmonic, distance (the \
        weight already is a length). Default: none for centrality, strength for communities.
        """, valueName: "convention"))
    var weight: EdgeWeighting?

    @Option(name: .long, help: ArgumentHelp("Detect communities: leiden, louvain or lpa.", valueName: "method"))
    var communities: CommunityMethod?

    @Option(name: .long, help: "Resolution γ of modularity (Leiden, Louvain); larger gives smaller communities.")
    var resolution: Double = 1

    @Option(name: .long, help: "Seed of the randomised methods (same seed, same result).")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Independent runs of Leiden or Louvain; the best modularity is kept.")
    var restarts: Int = 1

    @Option(name: .long, help: ArgumentHelp(
        "Rerun community detection with N other seeds and report how stable each community is.",
        valueName: "N"))
    var stability: Int?

    @Flag(name: .customLong("weak-ties"), help: """
        Weak ties and structural holes: Burt's constraint, effective size, efficiency, \
        hierarchy and brokerage roles per node; overlap, bridges, local bridges and tie \
        class per edge (see --edges-out).
        """)
    var weakTies = false

    @Option(name: .long, help: ArgumentHelp(
        "Groups for brokerage roles: community (default) or a node attribute (organisation, site, team…).",
        valueName: "community|attribute"))
    var partition: String = "community"

    @Option(name: .customLong("weak-threshold"), help: ArgumentHelp(
        "Ties weaker than this are weak (default: the median strength).", valueName: "strength"))
    var weakThreshold: Double?

    @Flag(name: .customLong("exact-betweenness"), help: "Always compute betweenness exactly, however large the graph.")
    var exactBetweenness = false

    @Option(name: .long, help: "Error bound ε of sampled betweenness (on the n(n−1)-normalised scale).")
    var epsilon: Double = 0.01

    @Option(name: .long, help: "Failure probability δ of sampled betweenness.")
    var delta: Double = 0.1

    func validate() throws {
        for name in metricNames where NodeMetric(rawValue: name) == nil {
            throw ValidationError("unknown metric '\(name)' (known: \(NodeMetric.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if restarts < 1 { throw ValidationError("--restarts takes a positive number") }
        if let stability, stability < 1 { throw ValidationError("--stability takes a positive number") }
        guard epsilon > 0, epsilon < 1 else { throw ValidationError("--epsilon lies in (0, 1)") }
        guard delta > 0, delta < 1 else { throw ValidationError("--delta lies in (0, 1)") }
        if weight == .strength, metricNames.contains(where: { NodeMetric(rawValue: $0)?.isPathMeasure ?? false }) {
            throw ValidationError("""
                --weight strength cannot give lengths to betweenness, closeness or harmonic: \
                use inverse, neglog or distance
                """)
        }
    }

    /// Metric names in the order asked, without duplicates.
    var metricNames: [String] {
        var seen = Set<String>()
        return (metrics ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Whether anything beyond the summary is asked for.
    var asksForAnalysis: Bool { !metricNames.isEmpty || communities != nil || weakTies }
}

/// The community detection methods of the command line.
enum CommunityMethod: String, ExpressibleByArgument, CaseIterable {
    case leiden, louvain, lpa
}

extension EdgeWeighting: ExpressibleByArgument {}
