import ArgumentParser
import Foundation
import CercleBuiltins
import CerclePlugin

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the importers and exporters.",
        subcommands: [List.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every importer and exporter with its formats.")

        func run() throws {
            let registry = PluginRegistry.builtIn
            var rows: [[String]] = [["format", "read", "write", "extensions", "name", "origin"]]
            for id in registry.formatIDs {
                let importer = registry.importer(id: id)
                let exporter = registry.exporter(id: id)
                guard let descriptor = importer?.format ?? exporter?.format else { continue }
                rows.append([
                    id, importer == nil ? "" : "yes", exporter == nil ? "" : "yes",
                    descriptor.fileExtensions.map { ".\($0)" }.joined(separator: " "), descriptor.name,
                    descriptor.origin,
                ])
            }
            print(TextTable.render(rows))
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
