import ArgumentParser
import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge sources into one graph file (format from the output's extension).",
        discussion: """
            Examples:
              cercle import Connections.csv contacts.vcf mail.mbox -o team.jsonl
              cercle import edges.csv nodes.csv -o graph.json
              cercle import graph.jsonl -o edges.csv --redact emails,phones
              cercle import team.jsonl -o team.json --metrics pagerank,betweenness --communities leiden
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; '-' for standard output.", valueName: "file"))
    var out: String

    @Option(name: .customLong("to"), help: "Write this format id instead of guessing from the extension.")
    var outputFormat: String?

    @Flag(name: .customLong("explain-merges"), help: "List every merge of two persons and the key used.")
    var explainMerges = false

    func run() throws {
        let registry = input.registry
        let (graph, _, builder) = try input.load(registry: registry)
        if explainMerges {
            for merge in builder.merges {
                let place = merge.line.map { "\(merge.source):\($0)" } ?? merge.source
                print("merged \(merge.merged) into \(merge.kept) on \(merge.key) (\(place))")
            }
        }
        var result = graph.redacted(output.redaction)
        if analysis.asksForAnalysis {
            // Results chosen with --metrics, --communities or --weak-ties travel as attributes.
            let results = try AnalysisRunner(options: analysis, quiet: input.quiet).run(on: result)
            if !input.quiet { for note in results.notes { Terminal.note(note) } }
            result = results.attached(to: result)
        }
        let url = URL(fileURLWithPath: out)
        var exportOptions = ExportOptions()
        exportOptions.pluginTimeout = input.plugins.pluginTimeout
        let started = Stopwatch()
        try registry.write(result, to: url, format: outputFormat, options: exportOptions)
        if input.timings { Terminal.note("timing: write \(Stopwatch().since(started))") }
        if !input.quiet { Terminal.note("wrote \(out): \(graph.nodeCount) nodes, \(graph.edgeCount) edges") }
        ProcessLifetime.keepUntilExit((graph, result, builder))
    }
}
