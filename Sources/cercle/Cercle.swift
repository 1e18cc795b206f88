import ArgumentParser
import CercleAnalysis
import CerclePlugin
import Foundation

@main
struct Cercle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cercle",
        abstract: "Graph analytics for contact networks: who matters, who bridges, where the team is fragile.",
        discussion: """
            Cercle reads the exports people have (LinkedIn, vCard, Google/Outlook CSV, mbox, \
            iCalendar, CRM spreadsheets, GraphML/GEXF/GML/Pajek/DOT/JSON, CSV edge lists), \
            merges them into one contact graph, analyses it and draws maps. Everything runs \
            locally; nothing leaves the machine.

            Examples:
              cercle import Connections.csv contacts.vcf -o team.jsonl
              cercle analyze edges.csv nodes.csv --metrics degree,betweenness --top 10
              cercle map team.jsonl -o map.svg
              cercle report team.jsonl -o report.html
              cercle plugins list

            Exit status: 0 on success, 1 on bad input (one line on stderr says which file, \
            line and why), 2 on misuse of the command line.
            """,
        version: CercleVersion.current,
        subcommands: [ImportCommand.self, AnalyzeCommand.self, MapCommand.self, ReportCommand.self, PluginsCommand.self]
    )

    /// Runs the command and maps errors to exit codes: 1 for bad input, 2 for misuse.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ImportError {
            Terminal.fail(error.description)
        } catch let error as ExportError {
            Terminal.fail(error.description)
        } catch let error as InputError {
            Terminal.fail(error.description)
        } catch let error as AnalysisError {
            Terminal.fail(error.description)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
                Foundation.exit(2)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            Terminal.fail(String(describing: error))
        }
    }
}

/// Bad input that is not a file's fault: an unknown node id, an empty graph.
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Terminal {
    /// Prints `message` to stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Prints `cercle: message` to stderr and exits with status 1.
    static func fail(_ message: String) -> Never {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("cercle: \(line)\n".utf8))
        Foundation.exit(1)
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
