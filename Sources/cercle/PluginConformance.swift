import CercleCore
import CerclePlugin
import Foundation

/// The conformance kit behind `cercle plugins check NAME`: the shared expectations every
/// importer and exporter meets, built-in or external.
///
/// 1. **descriptor**: a valid format id, name and extensions (external plugins: a valid
///    `--describe` in the protocol version this Cercle speaks);
/// 2. **sample**: the sample imports, is recognised by sniffing and every row is accounted for;
/// 3. **round trip**: importer → exporter → importer keeps the nodes and edges;
/// 4. **bad input**: garbage, an empty file and a truncated sample give one clean error
///    line (or a lenient read), never a crash or a hang — run in a child `cercle` so that
///    a crash cannot take the kit down;
/// 5. **atomic output**: a failed import writes nothing; an export leaves exactly the
///    destination, no temporary file.
struct PluginConformance {
    enum Status: String { case pass, fail, skip }

    struct Outcome {
        var check: String
        var status: Status
        var detail: String
    }

    let registry: PluginRegistry
    let name: String
    let sample: URL?
    let plugins: PluginOptions

    /// The format ids `name` stands for: a format id, or every format of an external plugin.
    var formatIDs: [String] {
        let ids = registry.formatIDs
        if ids.contains(name) { return [name] }
        return ids.filter { id in
            let origin = (registry.importer(id: id)?.format ?? registry.exporter(id: id)?.format)?.origin ?? ""
            return origin.hasSuffix("/" + ExternalPlugin.prefix + name)
        }
    }

    func run() throws -> [Outcome] {
        if let failure = registry.unavailable.first(where: { $0.name == name }) {
            return [Outcome(check: "descriptor", status: .fail, detail: "\(failure.executable.path): \(failure.reason)")]
        }
        let ids = formatIDs
        guard !ids.isEmpty else {
            throw InputError("no plugin or format named '\(name)' (see 'cercle plugins list')")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cercle-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var outcomes: [Outcome] = []
        for id in ids {
            let work = folder.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            outcomes += try check(id, in: work).map { outcome in
                var outcome = outcome
                if ids.count > 1 { outcome.check = "\(id): \(outcome.check)" }
                return outcome
            }
        }
        return outcomes
    }

    // MARK: One format

    func check(_ id: String, in folder: URL) throws -> [Outcome] {
        let importer = registry.importer(id: id)
        let exporter = registry.exporter(id: id)
        var outcomes = [descriptor(id, importer: importer, exporter: exporter)]
        guard outcomes[0].status == .pass else { return outcomes }

        // The sample: the one given, else one the format's own exporter writes.
        var sampleURL = sample
        if sampleURL == nil, let exporter, importer != nil {
            let generated = folder.appendingPathComponent("generated." + (exporter.format.fileExtensions.first ?? "dat"))
            do {
                try registry.write(Self.referenceGraph(), to: generated, format: id, options: exportOptions)
                sampleURL = generated
            } catch {
                outcomes.append(Outcome(check: "sample", status: .fail, detail: "the exporter cannot write a sample: \(error)"))
                return outcomes
            }
        }

        var imported: ContactGraph?
        if let importer {
            if let sampleURL {
                let (outcome, graph) = importSample(sampleURL, importer: importer)
                outcomes.append(outcome)
                imported = graph
            } else {
                outcomes.append(Outcome(check: "sample", status: .skip, detail: "no sample: give one with --sample FILE"))
            }
        }

        if importer != nil, exporter != nil {
            if let imported {
                outcomes.append(roundTrip(imported, id: id, in: folder))
            } else {
                outcomes.append(Outcome(check: "round trip", status: .skip, detail: "no sample graph"))
            }
        }

        if let exporter {
            outcomes.append(atomicExport(imported ?? Self.referenceGraph(), exporter: exporter, in: folder))
        }

        if importer != nil {
            outcomes += badInputs(id, sample: sampleURL, in: folder)
        }
        return outcomes
    }

    var exportOptions: ExportOptions {
        var options = ExportOptions()
        options.pluginTimeout = plugins.pluginTimeout
        return options
    }

    var importOptions: ImportOptions {
        var options = ImportOptions()
        options.pluginTimeout = plugins.pluginTimeout
        return options
    }

    func descriptor(_ id: String, importer: (any GraphImporter)?, exporter: (any GraphExporter)?) -> Outcome {
        guard let format = importer?.format ?? exporter?.format else {
            return Outcome(check: "descriptor", status: .fail, detail: "no importer or exporter")
        }
        // An importer may read more extensions than its exporter writes (`.xml` for GraphML),
        // not fewer: what Cercle writes it must read back.
        if let importer, let exporter,
           importer.format.name != exporter.format.name
            || !Set(exporter.format.fileExtensions).isSubset(of: importer.format.fileExtensions) {
            return Outcome(check: "descriptor", status: .fail,
                           detail: "the importer and exporter of '\(id)' describe the format differently")
        }
        var problems: [String] = []
        if !ExternalPluginDescriptor.isValidID(format.id) { problems.append("id '\(format.id)' is not lower-case letters, digits and '-'") }
        if format.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("empty name") }
        if format.fileExtensions.isEmpty { problems.append("no file extension") }
        for fileExtension in format.fileExtensions where fileExtension.hasPrefix(".") || fileExtension != fileExtension.lowercased() {
            problems.append("extension '\(fileExtension)' must be lower case, without the dot")
        }
        var what = "\(format.name); \(importer != nil ? "reads" : "")\(importer != nil && exporter != nil ? " and " : "")\(exporter != nil ? "writes" : "")"
        what += " " + format.fileExtensions.map { ".\($0)" }.joined(separator: " ")
        if format.origin != "built-in" {
            // Run --describe again: the check must see what the plugin says now.
            do {
                let plugin = try ExternalPlugin.describe(URL(fileURLWithPath: format.origin), timeout: min(plugins.pluginTimeout, 10))
                what += "; \(plugin.name) \(plugin.descriptor.version), protocol \(plugin.descriptor.protocolVersion), \(format.origin)"
            } catch {
                problems.append("\(error)")
            }
        } else {
            what += "; built-in \(format.version)"
        }
        if !problems.isEmpty {
            return Outcome(check: "descriptor", status: .fail, detail: problems.joined(separator: "; "))
        }
        return Outcome(check: "descriptor", status: .pass, detail: what)
    }

    func importSample(_ url: URL, importer: any GraphImporter) -> (Outcome, ContactGraph?) {
        let input = ImportInput(url: url, displayName: url.path)
        var builder = GraphBuilder()
        do {
            let sniffSample = try PluginRegistry.sample(of: input)
            let confidence = importer.sniff(sniffSample)
            var report = try registry.read([input], format: importer.format.id, options: importOptions, into: &builder)
            let graph = PluginRegistry.build(builder, report: &report)
            guard let source = report.sources.first else {
                return (Outcome(check: "sample", status: .fail, detail: "no report for the sample"), nil)
            }
            guard source.isBalanced else {
                return (Outcome(check: "sample", status: .fail, detail: "rows read and rows accepted or skipped differ: \(source.summary)"), graph)
            }
            guard confidence > .no else {
                return (Outcome(check: "sample", status: .fail, detail: "imports, but sniffing does not recognise it (\(source.summary))"), graph)
            }
            guard graph.nodeCount > 0 else {
                return (Outcome(check: "sample", status: .fail, detail: "imports no node (\(source.summary))"), graph)
            }
            return (Outcome(check: "sample", status: .pass,
                            detail: "\(graph.nodeCount) nodes, \(graph.edgeCount) edges; sniffing: \(confidence); \(source.summary)"), graph)
        } catch {
            return (Outcome(check: "sample", status: .fail, detail: "\(error)"), nil)
        }
    }

    func roundTrip(_ graph: ContactGraph, id: String, in folder: URL) -> Outcome {
        let format = registry.exporter(id: id)?.format
        let url = folder.appendingPathComponent("roundtrip." + (format?.fileExtensions.first ?? "dat"))
        do {
            try registry.write(graph, to: url, format: id, options: exportOptions)
            var builder = GraphBuilder()
            var report = try registry.read([ImportInput(url: url)], format: id, options: importOptions, into: &builder)
            let again = PluginRegistry.build(builder, report: &report)
            let before = Self.edgeSet(graph)
            let after = Self.edgeSet(again)
            guard Set(graph.ids) == Set(again.ids) else {
                return Outcome(check: "round trip", status: .fail,
                               detail: "nodes differ: \(graph.nodeCount) written, \(again.nodeCount) read back")
            }
            guard before == after else {
                return Outcome(check: "round trip", status: .fail,
                               detail: "edges differ: \(before.count) written, \(after.count) read back")
            }
            return Outcome(check: "round trip", status: .pass, detail: "\(again.nodeCount) nodes and \(again.edgeCount) edges kept")
        } catch {
            return Outcome(check: "round trip", status: .fail, detail: "\(error)")
        }
    }

    /// Edges as id pairs (ordered for undirected graphs), each with its count.
    static func edgeSet(_ graph: ContactGraph) -> [String: Int] {
        var set: [String: Int] = [:]
        for edge in graph.edges {
            var (u, v) = (graph.ids[Int(edge.source)], graph.ids[Int(edge.target)])
            if !graph.isDirected, v < u { swap(&u, &v) }
            set["\(u)\u{1F}\(v)", default: 0] += 1
        }
        return set
    }

    func atomicExport(_ graph: ContactGraph, exporter: any GraphExporter, in folder: URL) -> Outcome {
        let target = folder.appendingPathComponent("atomic")
        let url = target.appendingPathComponent("out." + (exporter.format.fileExtensions.first ?? "dat"))
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try Data("old".utf8).write(to: url)
            try registry.write(graph, to: url, format: exporter.format.id, options: exportOptions)
            let contents = try FileManager.default.contentsOfDirectory(atPath: target.path)
            guard contents == [url.lastPathComponent] else {
                return Outcome(check: "atomic output", status: .fail, detail: "the export left other files: \(contents.sorted())")
            }
            let written = try Data(contentsOf: url)
            guard written != Data("old".utf8), !written.isEmpty else {
                return Outcome(check: "atomic output", status: .fail, detail: "the export did not replace the destination")
            }
            return Outcome(check: "atomic output", status: .pass, detail: "export replaced the destination, no temporary left (\(written.count) bytes)")
        } catch {
            return Outcome(check: "atomic output", status: .fail, detail: "\(error)")
        }
    }

    // MARK: Bad input, in a child process

    func badInputs(_ id: String, sample: URL?, in folder: URL) -> [Outcome] {
        var cases: [(String, [UInt8])] = [
            ("garbage", Array("\u{1}\u{2}not a graph\u{0}\u{FF}\n{\"type\": [\n".utf8) + (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
            ("empty file", []),
        ]
        if let sample, let bytes = try? Data(contentsOf: sample), bytes.count > 1 {
            cases.append(("truncated sample", Array(bytes.prefix(bytes.count / 2))))
        }
        let fileExtension = (registry.importer(id: id)?.format.fileExtensions.first).map { "." + $0 } ?? ""
        return cases.enumerated().map { index, item in
            let place = folder.appendingPathComponent("bad-\(index)")
            do {
                try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
                let input = place.appendingPathComponent("bad" + fileExtension)
                try Data(item.1).write(to: input)
                return badInput(item.0, input: input, id: id, folder: place)
            } catch {
                return Outcome(check: "bad input", status: .fail, detail: "\(item.0): \(error)")
            }
        }
    }

    func badInput(_ label: String, input: URL, id: String, folder: URL) -> Outcome {
        let out = folder.appendingPathComponent("out.jsonl")
        let arguments = ["import", input.path, "--format", id, "-o", out.path, "--quiet"] + plugins.arguments
        let run = ChildProcess.run(Self.selfExecutable, arguments, limit: plugins.pluginTimeout + 20)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0 != input.lastPathComponent }.sorted()
        switch run.ending {
        case .hung:
            return Outcome(check: "bad input", status: .fail, detail: "\(label): still running after \(Int(plugins.pluginTimeout + 20)) s")
        case .signalled(let signal):
            return Outcome(check: "bad input", status: .fail, detail: "\(label): crashed (signal \(signal)): \(lines.last ?? "")")
        case .exited(0):
            return Outcome(check: "bad input", status: .pass, detail: "\(label): read leniently")
        case .exited(1):
            guard lines.count == 1, lines[0].hasPrefix("cercle: ") else {
                return Outcome(check: "bad input", status: .fail,
                               detail: "\(label): the error is not one 'cercle: …' line: \(run.stderr.prefix(300))")
            }
            guard leftovers.isEmpty else {
                return Outcome(check: "bad input", status: .fail, detail: "\(label): a failed import left \(leftovers)")
            }
            return Outcome(check: "bad input", status: .pass, detail: "\(label): \(lines[0]) (nothing written)")
        case .exited(let status):
            return Outcome(check: "bad input", status: .fail, detail: "\(label): exit status \(status): \(lines.last ?? "")")
        }
    }

    /// This very `cercle` executable.
    static var selfExecutable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// A small weighted graph, for formats without a sample.
    static func referenceGraph() -> ContactGraph {
        var builder = GraphBuilder()
        for (u, v, w) in [("ann", "bo", 2.0), ("ann", "cy", 1.0), ("bo", "cy", 3.0), ("cy", "dan", 1.5), ("dan", "eve", 1.0)] {
            builder.addEdge(u, v, weight: w)
        }
        builder.metadata["name"] = "conformance"
        return builder.build()
    }
}
