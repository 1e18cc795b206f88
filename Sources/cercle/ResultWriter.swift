import CercleAnalysis
import CercleCore
import CerclePlugin
import Foundation

/// Printing and writing `analyze` results.
enum ResultWriter {
    static func format(_ value: Double, integral: Bool) -> String {
        integral && value.isFinite ? String(Int(value)) : AttributeValue.format(value)
    }

    static func weightsDescription(_ results: AnalysisResults) -> String {
        "path measures \(results.weights.path.rawValue), spectral and clustering \(results.weights.strength.rawValue), communities \(results.communityWeighting.rawValue)"
    }

    static func describe(_ results: AnalysisResults, graph: ContactGraph) -> String {
        func number(_ value: Double) -> String { String(format: "%.6g", value) }
        let summary = results.summary
        var lines = [
            "graph \(graph.metadata["name"] ?? "") (\(summary.isDirected ? "directed" : "undirected"), edge weights: \(graph.metadata["weight"] ?? "explicit"))",
            "nodes \(summary.nodes), edges \(summary.edges), components \(summary.components) (largest \(summary.largestComponent)), isolated \(summary.isolatedNodes)",
            "density \(number(summary.density))",
            "degree min \(summary.minimumDegree), max \(summary.maximumDegree), mean \(number(summary.meanDegree)), median \(number(summary.medianDegree))",
        ]
        if results.nodeColumns.contains(where: { $0.name != "community" }) || results.granovetter != nil {
            lines.append("weights used: \(weightsDescription(results))")
        }
        if let partition = results.partition, let modularity = results.modularity {
            lines.append("communities \(partition.count), modularity \(String(format: "%.6f", modularity))")
            for profile in results.profiles.prefix(8) {
                var line = "  \(profile.community): \(profile.size) nodes, density \(String(format: "%.3f", profile.internalDensity)), conductance \(String(format: "%.3f", profile.conductance)) — \(profile.label)"
                if let stability = results.stability?[profile.community] { line += String(format: ", stability %.2f", stability) }
                lines.append(line)
            }
            if results.profiles.count > 8 { lines.append("  … \(results.profiles.count - 8) more") }
        }
        if let summary = results.granovetter {
            lines.append("weak ties (strength below \(AttributeValue.format(results.weakThreshold ?? 0))):")
            var rows = [["ties", "count", "weak share", "mean overlap"]]
            for row in summary.byKind {
                rows.append([row.group, String(row.edges), percent(row.weakShare), decimal(row.meanOverlap)])
            }
            lines.append(indent(TextTable.render(rows, rightAligned: [1, 2, 3])))
            lines.append("  overlap by strength decile (weakest first): "
                + summary.overlapByStrengthDecile.map(decimal).joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { value.isNaN ? "–" : String(format: "%.0f%%", value * 100) }
    static func decimal(_ value: Double) -> String { value.isNaN ? "–" : String(format: "%.3f", value) }
    static func indent(_ text: String) -> String { text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") }

    static func ranking(_ column: (name: String, values: [Double], integral: Bool), graph: ContactGraph, count: Int) -> String {
        let scores = NodeScores(name: column.name, values: column.values)
        var rows = [["rank", "id", "label", column.name]]
        for (rank, entry) in scores.top(count).enumerated() {
            rows.append(["\(rank + 1)", graph.ids[Int(entry.node)], graph.label(of: entry.node),
                         format(entry.score, integral: column.integral)])
        }
        return TextTable.render(rows, rightAligned: [0, 3])
    }

    static func writeNodesCSV(_ results: AnalysisResults, graph: ContactGraph, to output: OutputBuffer) throws {
        try output.writeLine(CSVWriter.record(["id", "label"] + results.nodeColumns.map(\.name)))
        for node in 0..<graph.nodeCount {
            let fields = [graph.ids[node], graph.label(of: NodeIndex(node))]
                + results.nodeColumns.map { format($0.values[node], integral: $0.integral) }
            try output.writeLine(CSVWriter.record(fields))
        }
    }

    static func writeEdgesCSV(_ results: AnalysisResults, graph: ContactGraph, to output: OutputBuffer) throws {
        try output.writeLine(CSVWriter.record(["source", "target"] + results.edgeColumns.map(\.name)))
        for edge in graph.edges {
            let fields = [graph.ids[Int(edge.source)], graph.ids[Int(edge.target)]]
                + results.edgeColumns.map { $0.column.text(at: edge.id) ?? "" }
            try output.writeLine(CSVWriter.record(fields))
        }
    }

    static func writeCommunitiesCSV(_ results: AnalysisResults, graph: ContactGraph, to output: OutputBuffer) throws {
        let attributes = CommunityProfiles.descriptiveAttributes
        var header = ["community", "label", "size", "internal_edges", "internal_density", "conductance"]
        if results.stability != nil { header.append("stability") }
        header += attributes.flatMap { ["\($0)", "\($0)_share"] } + ["top_members"]
        try output.writeLine(CSVWriter.record(header))
        for profile in results.profiles {
            var fields = [String(profile.community), profile.label, String(profile.size), String(profile.internalEdges),
                          AttributeValue.format(profile.internalDensity), AttributeValue.format(profile.conductance)]
            if let stability = results.stability { fields.append(AttributeValue.format(stability[profile.community])) }
            for attribute in attributes {
                let dominant = profile.dominantValues.first { $0.attribute == attribute }
                fields += [dominant?.value ?? "", dominant.map { AttributeValue.format($0.share) } ?? ""]
            }
            fields.append(profile.members.prefix(5).map { graph.label(of: $0) }.joined(separator: "; "))
            try output.writeLine(CSVWriter.record(fields))
        }
    }

    static func communitiesJSON(_ results: AnalysisResults, graph: ContactGraph) -> JSONValue {
        .array(results.profiles.map { profile in
            var members: [(key: String, value: JSONValue)] = [
                ("community", .integer(profile.community)), ("label", .string(profile.label)),
                ("size", .integer(profile.size)), ("internal_edges", .integer(profile.internalEdges)),
                ("internal_density", .number(profile.internalDensity)), ("conductance", .number(profile.conductance)),
            ]
            if let stability = results.stability { members.append(("stability", .number(stability[profile.community]))) }
            members.append(("dominant", .object(profile.dominantValues.map {
                ($0.attribute, .object([("value", .string($0.value)), ("count", .integer($0.count)), ("of", .integer($0.outOf))]))
            })))
            members.append(("members", .array(profile.members.map { .string(graph.ids[Int($0)]) })))
            return .object(members)
        })
    }

    static func writeJSON(_ results: AnalysisResults, graph: ContactGraph, to output: OutputBuffer) throws {
        let summary = results.summary
        var graphMembers: [(key: String, value: JSONValue)] = [
            ("name", .string(graph.metadata["name"] ?? "")), ("nodes", .integer(summary.nodes)),
            ("edges", .integer(summary.edges)), ("directed", .bool(summary.isDirected)),
            ("components", .integer(summary.components)), ("largest_component", .integer(summary.largestComponent)),
            ("isolated_nodes", .integer(summary.isolatedNodes)), ("density", .number(summary.density)),
            ("edge_weights", .string(graph.metadata["weight"] ?? "explicit")),
            ("weights", .object([
                ("paths", .string(results.weights.path.rawValue)), ("strengths", .string(results.weights.strength.rawValue)),
                ("communities", .string(results.communityWeighting.rawValue)),
            ])),
            ("degree", .object([
                ("min", .integer(summary.minimumDegree)), ("max", .integer(summary.maximumDegree)),
                ("mean", .number(summary.meanDegree)), ("median", .number(summary.medianDegree)),
            ])),
        ]
        if let modularity = results.modularity, let partition = results.partition {
            graphMembers.append(("communities", .integer(partition.count)))
            graphMembers.append(("modularity", .number(modularity)))
        }
        if let notes = results.notes.first { graphMembers.append(("notes", .string(notes))) }
        try output.write("{\"graph\": \(JSONValue.object(graphMembers).serialized),\n\"nodes\": [")
        for node in 0..<graph.nodeCount {
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(graph.ids[node])), ("label", .string(graph.label(of: NodeIndex(node)))),
            ]
            for column in results.nodeColumns {
                let value = column.values[node]
                members.append((column.name, column.integral && value.isFinite ? .integer(Int(value)) : AttributeValue.double(value).json))
            }
            try output.write((node == 0 ? "\n" : ",\n") + JSONValue.object(members).serialized)
        }
        try output.write("\n]")
        if results.partition != nil {
            try output.write(",\n\"communities\": \(communitiesJSON(results, graph: graph).serialized)")
        }
        try output.writeLine("}")
    }
}
