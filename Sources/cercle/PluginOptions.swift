import ArgumentParser
import CercleBuiltins
import CerclePlugin
import Foundation

/// Where external plugins are found and how long they may run; part of every command
/// that reads or writes files.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugin-path"), help: ArgumentHelp(
        "A folder with cercle-plugin-NAME executables, searched before ~/.local/share/cercle/plugins and PATH (repeatable).",
        valueName: "folder"))
    var pluginPaths: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp(
        "Seconds an external plugin may run before it is stopped.", valueName: "seconds"))
    var pluginTimeout: Double = 300

    func validate() throws {
        guard pluginTimeout > 0, pluginTimeout.isFinite else {
            throw ValidationError("--plugin-timeout takes a positive number of seconds, not \(pluginTimeout)")
        }
    }

    /// The built-in plugins and the external ones found.
    var registry: PluginRegistry {
        PluginRegistry.builtIn.addingExternalPlugins(
            ExternalPluginSearch.standard(extra: pluginPaths), describeTimeout: min(pluginTimeout, 10))
    }

    /// The search flags, to pass on to a child `cercle` run.
    var arguments: [String] {
        pluginPaths.flatMap { ["--plugin-path", $0] } + ["--plugin-timeout", String(pluginTimeout)]
    }
}
