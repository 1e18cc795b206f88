import Foundation

/// Where Cercle looks for `cercle-plugin-NAME` executables, in order: every
/// `--plugin-path` folder, then `$XDG_DATA_HOME/cercle/plugins` (default
/// `~/.local/share/cercle/plugins`), then each folder of `PATH`. The first executable of
/// a name wins, as on `PATH`.
public struct ExternalPluginSearch: Sendable {
    /// The folders, in search order.
    public var folders: [URL]

    public init(folders: [URL]) {
        self.folders = folders
    }

    /// The standard search: `extra` folders first, then the user's plugin folder and `PATH`.
    public static func standard(
        extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ExternalPluginSearch {
        var folders = extra.map { URL(fileURLWithPath: $0) }
        folders.append(userFolder(environment: environment))
        for entry in (environment["PATH"] ?? "").split(separator: ":") where !entry.isEmpty {
            folders.append(URL(fileURLWithPath: String(entry)))
        }
        return ExternalPluginSearch(folders: folders)
    }

    /// `$XDG_DATA_HOME/cercle/plugins`, default `~/.local/share/cercle/plugins`.
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let data: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            data = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        }
        return data.appendingPathComponent("cercle/plugins")
    }

    /// The executables found, first of each name, in search order.
    ///
    /// - Complexity: one directory listing per folder.
    public func executables() -> [(name: String, url: URL)] {
        var seen = Set<String>()
        var found: [(name: String, url: URL)] = []
        let manager = FileManager.default
        for folder in folders {
            guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { continue }
            for file in names.sorted() where file.hasPrefix(ExternalPlugin.prefix) && file.count > ExternalPlugin.prefix.count {
                let name = String(file.dropFirst(ExternalPlugin.prefix.count))
                let url = folder.appendingPathComponent(file)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                      manager.isExecutableFile(atPath: url.path), !seen.contains(name) else { continue }
                seen.insert(name)
                found.append((name, url))
            }
        }
        return found
    }

    /// Describes every executable found: the usable plugins and the failures.
    public func discover(timeout: Double = 10) -> (plugins: [ExternalPlugin], failures: [ExternalPluginFailure]) {
        var plugins: [ExternalPlugin] = []
        var failures: [ExternalPluginFailure] = []
        for candidate in executables() {
            do {
                plugins.append(try ExternalPlugin.describe(candidate.url, timeout: timeout))
            } catch {
                failures.append(ExternalPluginFailure(name: candidate.name, executable: candidate.url, reason: String(describing: error)))
            }
        }
        return (plugins, failures)
    }
}
