import ArgumentParser
import Foundation
import CercleBuiltins
import CercleCore
import CerclePlugin

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List, describe and check the importers and exporters, built-in and external.",
        discussion: """
            External plugins are executables named cercle-plugin-NAME, found in every \
            --plugin-path folder, then in $XDG_DATA_HOME/cercle/plugins (default \
            ~/.local/share/cercle/plugins), then on PATH. See PLUGINS.md.
            """,
        subcommands: [List.self, Describe.self, Check.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every importer and exporter with its formats.")

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let registry = plugins.registry
            var rows: [[String]] = [["format", "read", "write", "extensions", "name", "version", "origin"]]
            for id in registry.formatIDs {
                let importer = registry.importer(id: id)
                let exporter = registry.exporter(id: id)
                guard let descriptor = importer?.format ?? exporter?.format else { continue }
                rows.append([
                    id, importer == nil ? "" : "yes", exporter == nil ? "" : "yes",
                    descriptor.fileExtensions.map { ".\($0)" }.joined(separator: " "), descriptor.name,
                    descriptor.version, descriptor.origin,
                ])
            }
            print(TextTable.render(rows))
            for failure in registry.unavailable {
                print("unusable: \(failure.executable.path): \(failure.reason)")
            }
        }
    }

    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a plugin's descriptor as JSON (the shape of --describe).")

        @Argument(help: "A format id or an external plugin's name.")
        var name: String

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let registry = plugins.registry
            if let failure = registry.unavailable.first(where: { $0.name == name }) {
                throw InputError("plugin \(failure.name): \(failure.reason)")
            }
            let importer = registry.importer(id: name)
            let exporter = registry.exporter(id: name)
            if let format = importer?.format ?? exporter?.format {
                let descriptor = ExternalPluginDescriptor(
                    name: format.id, version: format.version, protocolVersion: CercleVersion.protocolVersion,
                    imports: importer != nil, exports: exporter != nil, idScope: importer?.idScope ?? .global,
                    formats: [.init(id: format.id, name: format.name, extensions: format.fileExtensions, sniff: [])])
                var members = descriptor.json.objectValue ?? []
                members.append(("origin", .string(format.origin)))
                print(JSONValue.object(members).serialized)
                return
            }
            let found = ExternalPluginSearch.standard(extra: plugins.pluginPaths).executables().first { $0.name == name }
            guard let found else { throw InputError("no plugin or format named '\(name)' (see 'cercle plugins list')") }
            let plugin = try ExternalPlugin.describe(found.url, timeout: plugins.pluginTimeout)
            print(plugin.descriptor.json.serialized)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the conformance kit on a plugin: descriptor, sample, round trip, bad input, atomic output.",
            discussion: """
                NAME is a format id (built-in or external) or an external plugin's name. \
                Without --sample, a format that can be written is checked on a sample its own \
                exporter writes. Exit status 1 when a check fails.
                """)

        @Argument(help: "A format id or an external plugin's name.")
        var name: String

        @Option(name: .long, help: ArgumentHelp("A file the plugin must import.", valueName: "file"))
        var sample: String?

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let kit = PluginConformance(
                registry: plugins.registry, name: name, sample: sample.map { URL(fileURLWithPath: $0) }, plugins: plugins)
            let outcomes = try kit.run()
            print("cercle plugins check \(name)")
            let width = outcomes.map(\.check.count).max() ?? 0
            for outcome in outcomes {
                let label = outcome.check + String(repeating: " ", count: width - outcome.check.count)
                print("  \(outcome.status.rawValue)  \(label)  \(outcome.detail)")
            }
            let failed = outcomes.filter { $0.status == .fail }.count
            let passed = outcomes.filter { $0.status == .pass }.count
            let skipped = outcomes.filter { $0.status == .skip }.count
            print("\(passed) passed, \(failed) failed, \(skipped) skipped")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
