import Foundation

/// An out-of-tree plugin: an executable `cercle-plugin-NAME` in any language that speaks
/// the JSON-lines protocol (PLUGINS.md).
///
/// Found by ``ExternalPluginSearch``; ``importers`` and ``exporters`` wrap it as ordinary
/// ``GraphImporter`` / ``GraphExporter`` values, one per declared format, so that it is
/// listed, sniffed and chosen like a built-in.
public struct ExternalPlugin: Sendable {
    /// The executable's name prefix.
    public static let prefix = "cercle-plugin-"

    /// The `NAME` of `cercle-plugin-NAME`.
    public let name: String
    /// Where the executable is.
    public let executable: URL
    /// What `--describe` said.
    public let descriptor: ExternalPluginDescriptor

    public init(name: String, executable: URL, descriptor: ExternalPluginDescriptor) {
        self.name = name
        self.executable = executable
        self.descriptor = descriptor
    }

    /// Runs `executable --describe` and validates what it prints.
    ///
    /// - Throws: ``DescriptorError`` with a one-line reason (the plugin failed, timed out,
    ///   printed no valid descriptor, or names itself differently from its file).
    public static func describe(_ executable: URL, timeout: Double = 10) throws -> ExternalPlugin {
        let name = String(executable.lastPathComponent.dropFirst(prefix.count))
        let process: PluginProcess
        do {
            process = try PluginProcess(
                executable: executable, arguments: ["--describe"], environment: environment(format: nil),
                name: name, timeout: timeout)
        } catch {
            throw DescriptorError("cannot run \(executable.path): \(error.localizedDescription)")
        }
        var bytes: [UInt8] = []
        let (_, timedOut) = try process.readLines(file: executable.path) { line, _, terminated in
            bytes.append(contentsOf: line)
            if terminated { bytes.append(0x0A) }
            return bytes.count < 1 << 20
        }
        if timedOut { process.stop() }
        let ending = timedOut ? PluginProcess.Ending.timedOut : process.finish()
        if let failure = process.describe(ending) {
            throw DescriptorError("--describe \(failure)")
        }
        let descriptor = try ExternalPluginDescriptor.parse(String(decoding: bytes, as: UTF8.self))
        guard descriptor.name == name else {
            throw DescriptorError("--describe names the plugin '\(descriptor.name)', but the file is \(prefix)\(name)")
        }
        return ExternalPlugin(name: name, executable: executable, descriptor: descriptor)
    }

    /// The environment a plugin runs in: the protocol version, and the format asked for
    /// when the plugin declares several.
    static func environment(format: String?, options: [String: String] = [:]) -> [String: String] {
        var environment = ["CERCLE_PROTOCOL_VERSION": String(CercleVersion.protocolVersion)]
        if let format { environment["CERCLE_FORMAT"] = format }
        if !options.isEmpty {
            environment["CERCLE_OPTIONS"] = JSONValue.object(options.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).serialized
        }
        return environment
    }

    /// One importer per format, when the plugin imports.
    public func importers() -> [any GraphImporter] {
        guard descriptor.imports else { return [] }
        return descriptor.formats.map { ExternalImporter(plugin: self, format: $0) }
    }

    /// One exporter per format, when the plugin exports.
    public func exporters() -> [any GraphExporter] {
        guard descriptor.exports else { return [] }
        return descriptor.formats.map { ExternalExporter(plugin: self, format: $0) }
    }

    /// The format descriptor shared by the importer and exporter of `format`.
    func formatDescriptor(_ format: ExternalPluginDescriptor.Format) -> FormatDescriptor {
        FormatDescriptor(
            id: format.id, name: format.name, fileExtensions: format.extensions, quality: 1,
            origin: executable.path, version: descriptor.version)
    }
}
