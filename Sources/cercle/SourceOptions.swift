import ArgumentParser
import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation

/// The inputs of every command: the files and how to read them.
struct SourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files to read: contact exports, graph files, an edge list with its node table.",
        valueName: "source"))
    var sources: [String] = []

    @Option(name: .long, help: "Read every source as this format id (see 'cercle plugins list').")
    var format: String?

    @Flag(name: .long, help: "Edge lists are directed (graph files say so themselves).")
    var directed = false

    @Option(name: .long, help: "The member (ego) whose export this is, for LinkedIn and CRM files.")
    var member: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The reference date (YYYY-MM-DD) for tie strength and recurring events; default: the latest date in the data.",
        valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp(
        "Column mapping for CRM and contact CSV files: \"Email=email,Account Name=organisation\".",
        valueName: "mapping"))
    var map: String?

    @Option(name: .long, help: "A column-mapping preset for CRM exports (salesforce, hubspot).")
    var preset: String?

    @Option(name: .customLong("option"), help: ArgumentHelp(
        "An importer option key=value (repeatable), e.g. header=yes.", valueName: "key=value"))
    var importerOptions: [String] = []

    @Flag(name: .customLong("merge-on-name"), help: "Also merge persons whose names alone match.")
    var mergeOnName = false

    @Flag(name: .customLong("infer-organisation-ties"), help: "Add inferred ties between persons of the same organisation.")
    var inferOrganisationTies = false

    @Option(name: .customLong("strength-config"), help: ArgumentHelp(
        "A JSON (or simple YAML) file of tie-strength settings (half-life, channel weights, priors…); fields left out keep their defaults (README: Tie strength).",
        valueName: "file"))
    var strengthConfig: String?

    @Flag(name: .long, help: "Print nothing on stderr but errors.")
    var quiet = false

    @OptionGroup var plugins: PluginOptions

    /// The registry with the external plugins found; discovered once per command.
    var registry: PluginRegistry { plugins.registry }

    @Flag(name: .long, help: "Print how long reading, building and writing took on stderr (even with --quiet).")
    var timings = false

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("give at least one source file") }
        if let asOf, DateParsing.iso8601(asOf) == nil {
            throw ValidationError("--as-of takes a date like 2025-12-31, not '\(asOf)'")
        }
        for option in importerOptions where !option.contains("=") {
            throw ValidationError("--option takes key=value, not '\(option)'")
        }
        if let map {
            for pair in map.split(separator: ",") where !pair.contains("=") {
                throw ValidationError("--map takes \"Column=field,...\", not '\(pair)'")
            }
        }
    }

    var referenceDate: Date? { asOf.flatMap(DateParsing.iso8601) }

    var importOptions: ImportOptions {
        var options = ImportOptions()
        options.member = member
        options.asOf = referenceDate
        options.directed = directed ? true : nil
        options.preset = preset
        options.pluginTimeout = plugins.pluginTimeout
        if let map {
            for pair in map.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 { options.columnMap[parts[0]] = parts[1] }
            }
        }
        for option in importerOptions {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { options.extra[parts[0]] = parts[1] }
        }
        return options
    }

    /// The tie-strength model: the defaults, or `--strength-config` read over them.
    func strengthModel() throws -> TieStrengthModel {
        guard let strengthConfig else { return TieStrengthModel() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: strengthConfig))
        } catch {
            throw InputError("\(strengthConfig): cannot read the tie-strength configuration")
        }
        do {
            return try TieStrengthModel(configuration: StrengthConfigFile.json(path: strengthConfig, data: data))
        } catch let error as TieStrengthModel.ConfigurationError {
            throw InputError("\(strengthConfig): \(error.description)")
        }
    }

    /// Reads every source and builds the graph, printing the import report on stderr.
    func load(registry: PluginRegistry? = nil) throws -> (graph: ContactGraph, report: ImportReport, builder: GraphBuilder) {
        var builder = GraphBuilder()
        builder.tieStrength = try strengthModel()
        builder.mergeOnName = mergeOnName
        builder.inferSameOrganisation = inferOrganisationTies
        let inputs = sources.map { ImportInput(url: URL(fileURLWithPath: $0), displayName: $0) }
        let started = Stopwatch()
        var report = try (registry ?? self.registry).read(inputs, format: format, options: importOptions, into: &builder)
        let read = Stopwatch()
        if builder.metadata["name"] == nil, let first = sources.first {
            builder.metadata["name"] = URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent
        }
        let graph = PluginRegistry.build(builder, report: &report, asOf: referenceDate)
        if timings {
            Terminal.note("timing: read \(read.since(started)), build \(Stopwatch().since(read))")
        }
        if !quiet { Terminal.note(report.summary) }
        return (graph, report, builder)
    }
}

/// Options of commands that write files.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Remove personal data from every output: emails, phones, names (comma-separated) or all.",
        valueName: "fields"))
    var redact: String?

    func validate() throws {
        if let redact, Redaction(list: redact) == nil {
            throw ValidationError("--redact takes emails, phones, names or all, not '\(redact)'")
        }
    }

    var redaction: Redaction { redact.flatMap(Redaction.init(list:)) ?? [] }
}

/// Wall-clock and processor time at one moment, for `--timings`.
struct Stopwatch {
    let wall = Date()
    let processor = Double(clock()) / Double(CLOCKS_PER_SEC)

    /// `1.234 s (cpu 1.200 s)` elapsed from `start` to this moment.
    func since(_ start: Stopwatch) -> String {
        String(format: "%.3f s (cpu %.3f s)", wall.timeIntervalSince(start.wall), processor - start.processor)
    }
}
