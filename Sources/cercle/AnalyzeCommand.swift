import ArgumentParser
import CercleAnalysis
import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Summarise a graph and compute node measures.",
        discussion: """
            Prints nodes, edges, components, density and degree statistics. With --metrics, \
            computes node measures and writes them with -o: a CSV has one row per node \
            (id,label,<metric>... in the order asked), a JSON file holds \
            {"graph": {...}, "nodes": [...]}.

            Examples:
              cercle analyze edges.csv nodes.csv
              cercle analyze team.jsonl --metrics degree -o nodes.csv
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp(
        "Node measures, comma-separated: \(MetricCatalog.names.joined(separator: ", ")).", valueName: "list"))
    var metrics: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write node results to a .csv or .json file.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: "Print the N top nodes by the first metric.")
    var top: Int?

    @Option(name: .long, help: ArgumentHelp("Detect communities: leiden, louvain or lpa.", valueName: "method"))
    var communities: String?

    @Option(name: .long, help: "Resolution γ of modularity (Leiden, Louvain).")
    var resolution: Double = 1

    @Option(name: .long, help: "Seed of the randomised methods (same seed, same result).")
    var seed: UInt64 = 42

    func validate() throws {
        for name in metricNames where !MetricCatalog.names.contains(name) {
            throw ValidationError("unknown metric '\(name)' (known: \(MetricCatalog.names.joined(separator: ", ")))")
        }
        if let out {
            let lower = out.lowercased()
            guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") || out == "-" else {
                throw ValidationError("-o writes .csv or .json, not '\(out)'")
            }
        }
        if let top, top < 1 { throw ValidationError("--top takes a positive number") }
        if let communities, !["leiden", "louvain", "lpa"].contains(communities) {
            throw ValidationError("--communities takes leiden, louvain or lpa, not '\(communities)'")
        }
    }

    var metricNames: [String] {
        (metrics ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let (loaded, _, _) = try input.load()
        let graph = loaded.redacted(output.redaction)
        let summary = GraphSummary(graph)
        print(Self.describe(summary, graph: graph))

        var columns: [(name: String, values: [Double])] = []
        for name in metricNames {
            columns.append((name, try MetricCatalog.compute(name, on: graph)))
        }
        if let method = communities {
            let partition: Partition = switch method {
            case "louvain": try Louvain(resolution: resolution, seed: seed).run(on: graph)
            case "lpa": try LabelPropagation(seed: seed).run(on: graph)
            default: try Leiden(resolution: resolution, seed: seed).run(on: graph)
            }
            let q = try Modularity.undirected(partition, on: graph, weighting: .strength, resolution: resolution)
            print("communities \(partition.count) (\(method)), modularity \(String(format: "%.6f", q))")
            columns.append(("community", partition.membership.map(Double.init)))
        }
        if let top, let first = columns.first {
            print(Self.ranking(first, graph: graph, count: top))
        }
        if let out {
            let url = URL(fileURLWithPath: out)
            try AtomicFile.write(to: url, displayName: out) { buffer in
                if out.lowercased().hasSuffix(".json") {
                    try NodeTable.writeJSON(graph: graph, summary: summary, columns: columns, to: buffer)
                } else {
                    try NodeTable.writeCSV(graph: graph, columns: columns, to: buffer)
                }
            }
            if !input.quiet { Terminal.note("wrote \(out): \(graph.nodeCount) rows") }
        }
    }

    static func describe(_ summary: GraphSummary, graph: ContactGraph) -> String {
        func number(_ value: Double) -> String { String(format: "%.6g", value) }
        return """
            graph \(graph.metadata["name"] ?? "") (\(summary.isDirected ? "directed" : "undirected"), weights: \(graph.metadata["weight"] ?? "explicit"))
            nodes \(summary.nodes), edges \(summary.edges), components \(summary.components) (largest \(summary.largestComponent)), isolated \(summary.isolatedNodes)
            density \(number(summary.density))
            degree min \(summary.minimumDegree), max \(summary.maximumDegree), mean \(number(summary.meanDegree)), median \(number(summary.medianDegree))
            """
    }

    static func ranking(_ column: (name: String, values: [Double]), graph: ContactGraph, count: Int) -> String {
        let order = column.values.indices.sorted {
            column.values[$0] != column.values[$1] ? column.values[$0] > column.values[$1] : $0 < $1
        }
        var rows = [["rank", "id", "label", column.name]]
        for (rank, node) in order.prefix(count).enumerated() {
            rows.append(["\(rank + 1)", graph.ids[node], graph.label(of: NodeIndex(node)),
                         MetricCatalog.format(column.values[node], metric: column.name)])
        }
        return TextTable.render(rows, rightAligned: [0, 3])
    }
}

/// The node measures `analyze` can compute, by command-line name.
enum MetricCatalog {
    /// Measures whose values are counts, printed without a fraction.
    static let integral: Set<String> = ["degree", "coreness", "triangles", "community"]

    /// A value as printed in tables and CSV files.
    static func format(_ value: Double, metric: String) -> String {
        integral.contains(metric) && value.isFinite ? String(Int(value)) : AttributeValue.format(value)
    }

    static let names = ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
                        "katz", "coreness", "clustering", "triangles"]

    static func compute(_ name: String, on graph: ContactGraph) throws -> [Double] {
        switch name {
        case "degree": return DegreeCentrality.degrees(graph).map(Double.init)
        case "strength": return Strength.strengths(graph).values
        case "betweenness": return try BetweennessCentrality().run(on: graph).values
        case "closeness": return try ClosenessCentrality().run(on: graph).values
        case "harmonic": return try HarmonicCentrality().run(on: graph).values
        case "eigenvector": return try EigenvectorCentrality().run(on: graph).values
        case "pagerank": return try PageRank().run(on: graph).values
        case "katz": return try KatzCentrality().run(on: graph).values
        case "coreness": return CoreDecomposition.coreness(graph).values
        case "clustering": return try ClusteringCoefficient().run(on: graph).values
        case "triangles": return ClusteringCoefficient.triangles(graph).values
        default: throw ValidationError("unknown metric '\(name)'")
        }
    }
}

/// Writing `analyze` results.
enum NodeTable {
    static func writeCSV(graph: ContactGraph, columns: [(name: String, values: [Double])], to output: OutputBuffer) throws {
        try output.writeLine(CSVWriter.record(["id", "label"] + columns.map(\.name)))
        for node in 0..<graph.nodeCount {
            let fields = [graph.ids[node], graph.label(of: NodeIndex(node))]
                + columns.map { MetricCatalog.format($0.values[node], metric: $0.name) }
            try output.writeLine(CSVWriter.record(fields))
        }
    }

    static func writeJSON(
        graph: ContactGraph, summary: GraphSummary, columns: [(name: String, values: [Double])], to output: OutputBuffer
    ) throws {
        let graphObject: JSONValue = .object([
            ("name", .string(graph.metadata["name"] ?? "")), ("nodes", .integer(summary.nodes)),
            ("edges", .integer(summary.edges)), ("directed", .bool(summary.isDirected)),
            ("components", .integer(summary.components)), ("largest_component", .integer(summary.largestComponent)),
            ("isolated_nodes", .integer(summary.isolatedNodes)), ("density", .number(summary.density)),
            ("weights", .string(graph.metadata["weight"] ?? "explicit")),
            ("degree", .object([
                ("min", .integer(summary.minimumDegree)), ("max", .integer(summary.maximumDegree)),
                ("mean", .number(summary.meanDegree)), ("median", .number(summary.medianDegree)),
            ])),
        ])
        try output.write("{\"graph\": \(graphObject.serialized),\n\"nodes\": [")
        for node in 0..<graph.nodeCount {
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(graph.ids[node])), ("label", .string(graph.label(of: NodeIndex(node)))),
            ]
            for column in columns {
                let value = column.values[node]
                members.append((column.name, MetricCatalog.integral.contains(column.name) && value.isFinite
                    ? .integer(Int(value)) : AttributeValue.double(value).json))
            }
            try output.write((node == 0 ? "\n" : ",\n") + JSONValue.object(members).serialized)
        }
        try output.writeLine("\n]}")
    }
}
