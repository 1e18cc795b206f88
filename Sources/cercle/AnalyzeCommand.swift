import ArgumentParser
import CercleAnalysis
import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Summarise a graph; compute node measures, communities and weak ties.",
        discussion: """
            Prints nodes, edges, components, density and degree statistics, then what is asked: \
            node measures (--metrics), communities (--communities) and structural holes \
            (--weak-ties). Results go to -o: a CSV has one row per node (id,label,<metric>... in \
            the order asked), a JSON file holds {"graph": {...}, "nodes": [...], \
            "communities": [...]}. --edges-out writes one row per edge, --communities-out the \
            community profiles.

            Betweenness is exact up to about 5·10^10 node × edge operations and sampled \
            beyond (Riondato–Kornaropoulos, ε = 0.01, δ = 0.1), which is said on stderr.

            Examples:
              cercle analyze edges.csv nodes.csv --metrics degree,betweenness,pagerank --top 10
              cercle analyze team.jsonl --communities leiden --communities-out communities.csv
              cercle analyze team.jsonl --weak-ties --edges-out ties.csv -o nodes.csv
              cercle analyze roads.csv --metrics closeness --weight distance
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write node results to a .csv or .json file.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("edges-out"), help: ArgumentHelp("Write edge results (weak ties) to a .csv file.", valueName: "file"))
    var edgesOut: String?

    @Option(name: .customLong("communities-out"), help: ArgumentHelp(
        "Write community profiles to a .csv or .json file.", valueName: "file"))
    var communitiesOut: String?

    @Option(name: .long, help: "Print the N top nodes by the first metric.")
    var top: Int?

    func validate() throws {
        for (flag, path, allowed) in [("-o", out, [".csv", ".json"]), ("--edges-out", edgesOut, [".csv"]),
                                      ("--communities-out", communitiesOut, [".csv", ".json"])] {
            guard let path, path != "-" else { continue }
            guard allowed.contains(where: { path.lowercased().hasSuffix($0) }) else {
                throw ValidationError("\(flag) writes \(allowed.joined(separator: " or ")), not '\(path)'")
            }
        }
        if let top, top < 1 { throw ValidationError("--top takes a positive number") }
        if edgesOut != nil, !analysis.weakTies { throw ValidationError("--edges-out needs --weak-ties") }
        if communitiesOut != nil, analysis.communities == nil, !analysis.weakTies {
            throw ValidationError("--communities-out needs --communities")
        }
    }

    func run() throws {
        let (loaded, _, _) = try input.load()
        let graph = loaded.redacted(output.redaction)
        let runner = AnalysisRunner(options: analysis, quiet: input.quiet)
        let results: AnalysisResults
        do {
            results = try runner.run(on: graph)
        } catch let error as AnalysisError {
            throw InputError(error.description)
        }
        if !input.quiet { for note in results.notes { Terminal.note(note) } }
        print(ResultWriter.describe(results, graph: graph))
        if let top, let first = results.nodeColumns.first {
            print(ResultWriter.ranking(first, graph: graph, count: top))
        }
        if let out {
            try AtomicFile.write(to: URL(fileURLWithPath: out), displayName: out) { buffer in
                if out.lowercased().hasSuffix(".json") {
                    try ResultWriter.writeJSON(results, graph: graph, to: buffer)
                } else {
                    try ResultWriter.writeNodesCSV(results, graph: graph, to: buffer)
                }
            }
            if !input.quiet { Terminal.note("wrote \(out): \(graph.nodeCount) nodes") }
        }
        if let edgesOut {
            try AtomicFile.write(to: URL(fileURLWithPath: edgesOut), displayName: edgesOut) {
                try ResultWriter.writeEdgesCSV(results, graph: graph, to: $0)
            }
            if !input.quiet { Terminal.note("wrote \(edgesOut): \(graph.edgeCount) edges") }
        }
        if let communitiesOut {
            try AtomicFile.write(to: URL(fileURLWithPath: communitiesOut), displayName: communitiesOut) { buffer in
                if communitiesOut.lowercased().hasSuffix(".json") {
                    try buffer.writeLine(ResultWriter.communitiesJSON(results, graph: graph).serialized)
                } else {
                    try ResultWriter.writeCommunitiesCSV(results, graph: graph, to: buffer)
                }
            }
            if !input.quiet { Terminal.note("wrote \(communitiesOut): \(results.profiles.count) communities") }
        }
    }
}
