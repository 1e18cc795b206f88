import CercleCore
import Foundation

/// An external plugin's format, read by running `cercle-plugin-NAME import FILE` and
/// streaming the JSON lines it prints into the import context as they arrive.
///
/// The host never buffers the plugin's whole output: each line is decoded by the same
/// ``Interchange/Decoder`` as Cercle's own JSON-lines files. A malformed line, an unknown
/// record type, a newer protocol version, a non-zero exit, a crash or the timeout
/// (``ImportOptions/pluginTimeout``) stops the import with one line naming the file, the
/// plugin and the line of its output.
public struct ExternalImporter: GraphImporter {
    /// The plugin.
    public let plugin: ExternalPlugin
    let declared: ExternalPluginDescriptor.Format

    public init(plugin: ExternalPlugin, format: ExternalPluginDescriptor.Format) {
        self.plugin = plugin
        declared = format
    }

    public var format: FormatDescriptor { plugin.formatDescriptor(declared) }

    public var idScope: GraphBuilder.IDScope { plugin.descriptor.idScope }

    public var rowUnit: String { "record" }

    /// Certain when the first non-empty line matches a sniff pattern; not this format when
    /// there are patterns and none matches; otherwise possible when the extension fits.
    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        guard !declared.sniff.isEmpty else {
            return sample.hasExtension(declared.extensions) ? .possible : .no
        }
        let line = sample.firstLine
        let range = NSRange(line.startIndex..., in: line)
        for pattern in declared.sniff {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            if expression.firstMatch(in: line, range: range) != nil { return .certain }
        }
        return .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        guard FileManager.default.isReadableFile(atPath: input.url.path) else {
            throw ImportError.unreadable("no such file or not readable", file: input.displayName)
        }
        let name = plugin.name
        let process: PluginProcess
        do {
            process = try PluginProcess(
                executable: plugin.executable, arguments: ["import", input.url.path],
                environment: ExternalPlugin.environment(format: declared.id, options: context.options.extra),
                name: name, timeout: context.options.pluginTimeout)
        } catch {
            throw ImportError.plugin(name, "cannot run \(plugin.executable.path): \(error.localizedDescription)", file: input.displayName)
        }
        var decoder = Interchange.Decoder(plugin: name)
        var lineError: ImportError?
        var lastLineUnterminated = false
        let (lines, timedOut) = try process.readLines(file: input.displayName) { line, number, terminated in
            do {
                try decoder.decode(line: line, number: number, into: &context)
                return true
            } catch let error as ImportError {
                lineError = error
                lastLineUnterminated = !terminated
                return false
            }
        }
        if timedOut {
            _ = process.finish()
            throw ImportError.plugin(name, "line \(lines + 1): " + (process.describe(.timedOut) ?? "timed out"), file: input.displayName)
        }
        if let lineError, !lastLineUnterminated {
            // The plugin said something wrong; nothing it says next matters.
            process.stop()
            throw lineError
        }
        let ending = process.finish()
        // A crash often cuts the last line short: the exit is the real reason then.
        if let failure = process.describe(ending) {
            throw ImportError.plugin(name, "\(failure) (after \(lines) line\(lines == 1 ? "" : "s") of output)", file: input.displayName)
        }
        if let lineError { throw lineError }
    }
}
