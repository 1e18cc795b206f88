import CercleCore
import Foundation

/// An external plugin's format, written by piping Cercle's JSON lines into
/// `cercle-plugin-NAME export OUT`.
///
/// `OUT` is the host's temporary file beside the destination (``OutputBuffer/temporaryURL``),
/// which the host renames only when the plugin exits cleanly, so a failed or killed plugin
/// never leaves a partial file. The plugin may write `OUT` in place or replace it.
public struct ExternalExporter: GraphExporter {
    /// The plugin.
    public let plugin: ExternalPlugin
    let declared: ExternalPluginDescriptor.Format

    public init(plugin: ExternalPlugin, format: ExternalPluginDescriptor.Format) {
        self.plugin = plugin
        declared = format
    }

    public var format: FormatDescriptor { plugin.formatDescriptor(declared) }

    public func write(_ graph: ContactGraph, to output: OutputBuffer, options: ExportOptions) throws {
        let file = output.name
        guard let target = output.temporaryURL else {
            // Standard output: let the plugin write a private temporary file, then copy it.
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("cercle-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let temporary = folder.appendingPathComponent("out." + (declared.extensions.first ?? "out"))
            try run(graph, writing: temporary, file: file, options: options)
            try output.write(bytes: try Data(contentsOf: temporary))
            return
        }
        try run(graph, writing: target, file: file, options: options)
    }

    func run(_ graph: ContactGraph, writing target: URL, file: String, options: ExportOptions) throws {
        let name = plugin.name
        let process: PluginProcess
        do {
            process = try PluginProcess(
                executable: plugin.executable, arguments: ["export", target.path],
                environment: ExternalPlugin.environment(format: declared.id), name: name,
                timeout: options.pluginTimeout, withInput: true, drainOutput: true)
        } catch {
            throw ExportError(file: file, reason: "plugin \(name): cannot run \(plugin.executable.path): \(error.localizedDescription)")
        }
        var writeFailure: Error?
        if let descriptor = process.inputDescriptor {
            let records = OutputBuffer(descriptor: descriptor, name: file)
            do {
                try Interchange.write(graph, to: records, options: options)
                try records.flush()
            } catch {
                writeFailure = error
            }
        }
        process.closeInput()
        let ending = process.finish()
        if let failure = process.describe(ending) {
            throw ExportError(file: file, reason: "plugin \(name): \(failure)")
        }
        if let writeFailure {
            throw ExportError(file: file, reason: "plugin \(name): stopped reading its input (\(writeFailure))")
        }
    }
}
