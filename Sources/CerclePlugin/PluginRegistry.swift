import CercleCore
import Foundation

/// The importers and exporters Cercle knows, and the logic that picks one for a file.
///
/// Swift has no type discovery, so the built-in plugins are listed once, explicitly, in
/// `CercleBuiltins`; external plugins found on disk are appended at run time.
public struct PluginRegistry: Sendable {
    /// Importers, in registration order.
    public var importers: [any GraphImporter]
    /// Exporters, in registration order.
    public var exporters: [any GraphExporter]
    /// External plugins that were found but cannot be used, with the reason.
    public var unavailable: [ExternalPluginFailure] = []

    public init(importers: [any GraphImporter] = [], exporters: [any GraphExporter] = []) {
        self.importers = importers
        self.exporters = exporters
    }

    /// This registry with the external plugins `search` finds appended after the
    /// built-ins (a built-in keeps its format id when a plugin declares the same one).
    ///
    /// - Complexity: one `--describe` run per executable found.
    public func addingExternalPlugins(_ search: ExternalPluginSearch, describeTimeout: Double = 10) -> PluginRegistry {
        let (plugins, failures) = search.discover(timeout: describeTimeout)
        var registry = self
        for plugin in plugins {
            registry.importers += plugin.importers()
            registry.exporters += plugin.exporters()
        }
        registry.unavailable += failures
        return registry
    }

    /// The reason the external plugin or format `name` is unusable, if one was found.
    func unavailableReason(_ name: String) -> ExternalPluginFailure? {
        unavailable.first { $0.name == name }
    }

    /// The importer of format `id`.
    public func importer(id: String) -> (any GraphImporter)? {
        importers.first { $0.format.id == id }
    }

    /// The exporter of format `id`.
    public func exporter(id: String) -> (any GraphExporter)? {
        exporters.first { $0.format.id == id }
    }

    /// Every format id known for reading or writing.
    public var formatIDs: [String] {
        var seen = Set<String>()
        return (importers.map(\.format.id) + exporters.map(\.format.id)).filter { seen.insert($0).inserted }
    }

    /// Reads the first 64 KiB of a file for sniffing.
    public static func sample(of input: ImportInput) throws -> SniffSample {
        guard let handle = FileHandle(forReadingAtPath: input.url.path) else {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: input.url.path, isDirectory: &isFolder) {
                throw ImportError.unreadable(isFolder.boolValue ? "is a folder, not a file" : "permission denied",
                                             file: input.displayName)
            }
            throw ImportError.unreadable("no such file", file: input.displayName)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 65_536)) ?? Data()
        return SniffSample(
            bytes: Array(data),
            fileExtension: input.url.pathExtension.lowercased(),
            fileName: input.url.lastPathComponent)
    }

    /// The importer for `input`: the one named by `format`, or the most confident sniffer
    /// (ties broken by quality, then registration order).
    ///
    /// - Throws: ``ImportError`` when the format is unknown or nothing recognises the file.
    public func importer(for input: ImportInput, format: String? = nil) throws -> any GraphImporter {
        if let format {
            guard let importer = importer(id: format) else {
                if let failure = unavailableReason(format) {
                    throw ImportError.plugin(failure.name, failure.reason, file: input.displayName)
                }
                throw ImportError.unknownFormat(
                    "unknown format '\(format)' (known: \(importers.map(\.format.id).joined(separator: ", ")))",
                    file: input.displayName)
            }
            return importer
        }
        let sample = try Self.sample(of: input)
        var best: (importer: any GraphImporter, confidence: SniffConfidence)?
        for importer in importers {
            let confidence = importer.sniff(sample)
            guard confidence > .no else { continue }
            if let current = best {
                if confidence < current.confidence { continue }
                if confidence == current.confidence, importer.format.quality <= current.importer.format.quality { continue }
            }
            best = (importer, confidence)
        }
        guard let best else {
            if sample.bytes.isEmpty {
                throw ImportError.malformed("empty file", file: input.displayName)
            }
            let extensions = Set(importers.flatMap(\.format.fileExtensions)).sorted().joined(separator: ", ")
            let broken = unavailable.isEmpty ? "" : "; unusable plugins: "
                + unavailable.map { "\($0.name) (\($0.reason))" }.joined(separator: ", ")
            throw ImportError.unknownFormat(
                "cannot tell the format (extensions read: \(extensions)); name it with --format\(broken)", file: input.displayName)
        }
        return best.importer
    }

    /// The exporter for `url`: the one named by `format`, or the one whose extensions hold
    /// the file's extension (highest quality first).
    ///
    /// - Throws: ``ExportError`` when no exporter fits.
    public func exporter(for url: URL, format: String? = nil) throws -> any GraphExporter {
        if let format {
            guard let exporter = exporter(id: format) else {
                if let failure = unavailableReason(format) {
                    throw ExportError(file: url.path, reason: "plugin \(failure.name): \(failure.reason)")
                }
                throw ExportError(file: url.path, reason: "unknown format '\(format)' (writable: \(exporters.map(\.format.id).joined(separator: ", ")))")
            }
            return exporter
        }
        // The longest matching suffix wins, so `out.nodes.csv` picks the node table.
        let fileName = url.lastPathComponent.lowercased()
        var best: (exporter: any GraphExporter, length: Int)?
        for exporter in exporters {
            for fileExtension in exporter.format.fileExtensions where fileName.hasSuffix("." + fileExtension) {
                if let current = best, (fileExtension.count, exporter.format.quality) <= (current.length, current.exporter.format.quality) {
                    continue
                }
                best = (exporter, fileExtension.count)
            }
        }
        guard let exporter = best?.exporter else {
            let known = Set(exporters.flatMap(\.format.fileExtensions)).sorted().map { ".\($0)" }.joined(separator: ", ")
            // `cercle import` names the written format with --to (--format names the read one).
            if url.lastPathComponent == "-" {
                throw ExportError(file: "standard output", reason: "cannot tell the format to write; name it with --to (known: \(known))")
            }
            throw ExportError(file: url.path, reason: "cannot tell the format from the name '\(url.lastPathComponent)' (known: \(known)); name it with --to")
        }
        return exporter
    }

    /// Reads every input into `builder`, node tables first, and reports on each.
    ///
    /// - Throws: the first ``ImportError``; the builder then holds what was read before.
    public func read(
        _ inputs: [ImportInput], format: String? = nil, options: ImportOptions = ImportOptions(),
        into builder: inout GraphBuilder
    ) throws -> ImportReport {
        var first: [(ImportInput, any GraphImporter)] = []
        var rest: [(ImportInput, any GraphImporter)] = []
        for input in inputs {
            let importer = try importer(for: input, format: format)
            if importer.readsFirst { first.append((input, importer)) } else { rest.append((input, importer)) }
        }
        var report = ImportReport()
        for (input, importer) in first + rest {
            var context = ImportContext.open(&builder, importer: importer, input: input, options: options)
            var failure: Error?
            do {
                try importer.read(input, into: &context)
            } catch {
                failure = error
            }
            swap(&builder, &context.builder)
            if let failure { throw failure }
            report.sources.append(context.report)
        }
        // Members named by a folder, a file or a CRM owner column meet their persons only
        // once every source is in.
        let known = builder.resolutionNotes.count
        builder.resolveMemberNames()
        report.notes += builder.resolutionNotes.dropFirst(known)
        return report
    }

    /// Builds the graph read by ``read(_:format:options:into:)`` and completes the report
    /// with what building merged and dropped.
    public static func build(
        _ builder: GraphBuilder, report: inout ImportReport, asOf: Date? = nil
    ) -> ContactGraph {
        let (graph, summary) = builder.buildWithSummary(asOf: asOf)
        report.personMerges = summary.personMerges
        report.mergedParallelEdges = summary.mergedParallelEdges
        report.droppedSelfLoops = summary.droppedSelfLoops
        report.duplicateInteractions = builder.duplicateInteractions
        return graph
    }

    /// Writes `graph` to `url` atomically with the exporter for it.
    public func write(_ graph: ContactGraph, to url: URL, format: String? = nil, options: ExportOptions = ExportOptions()) throws {
        let exporter = try exporter(for: url, format: format)
        try AtomicFile.write(to: url) { output in
            try exporter.write(graph, to: output, options: options)
        }
    }
}
