import ArgumentParser
import CercleAnalysis
import CercleCore
import Foundation

struct DiversityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diversity",
        abstract: "How varied a person's contacts are, and which second-degree contacts would widen them.",
        discussion: """
            Shannon entropy (nats) and Blau index (1 − Σ p²) of the contacts over organisation, \
            sector, function (from the title), location and source (the channels of the tie: \
            linkedin, addressbook, crm, email, meeting…), compared with the team's \
            average; the categories the team reaches at least twice as often; and the \
            second-degree contacts (through a contact or a teammate) whose addition would raise \
            the Blau index most, or reach a community none of the contacts is in. Without \
            --ego, a table of every member.

            Examples:
              cercle diversity Examples/demo/team.jsonl --ego "Sofía Ramírez"
              cercle diversity Examples/demo/team.jsonl -o diversity.csv
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Whose contacts (id, e-mail or exact name); default: every member.", valueName: "person"))
    var ego: String?

    @Option(name: .long, help: "Second-degree suggestions printed for an ego.")
    var suggestions: Int = 10

    @Option(name: .shortAndLong, help: ArgumentHelp("Write ego,dimension,categories,covered,shannon,evenness,blau,team_shannon,team_blau to a .csv file.", valueName: "file"))
    var out: String?

    func validate() throws {
        if suggestions < 0 { throw ValidationError("--suggestions takes a number, 0 or more") }
        if let out, out != "-", !out.lowercased().hasSuffix(".csv") { throw ValidationError("-o writes .csv, not '\(out)'") }
    }

    func run() throws {
        let context = try InsightContext.load(input, output)
        let graph = context.graph
        let egos = try context.egos(ego)
        let team = context.members
        let communities = try context.communities()
        let diversity = ContactDiversity(suggestions: ego == nil ? 0 : suggestions)
        let results = egos.map { diversity.run(on: graph, ego: $0, team: team, communities: communities) }
        // The team average: every member's indices, averaged per dimension.
        let teamResults = team.isEmpty ? results : team.map { ContactDiversity(suggestions: 0).run(on: graph, ego: $0) }
        func mean(_ dimension: ContactDiversity.Dimension, _ value: (ContactDiversity.Score) -> Double) -> Double {
            let values = teamResults.compactMap { $0.score(dimension).map(value) }
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
        let dimensions = ContactDiversity.Dimension.allCases
        var lines: [String] = []
        if ego == nil {
            lines.append("Blau index of each member's contacts (1 − Σ p²; 0 = all alike), team mean last:")
            var table = [["member", "contacts"] + dimensions.map(\.rawValue)]
            for result in results {
                table.append([context.label(result.ego), String(result.alters)]
                    + dimensions.map { InsightContext.decimal(result.score($0)?.blau ?? .nan) })
            }
            table.append(["team mean", ""] + dimensions.map { InsightContext.decimal(mean($0, \.blau)) })
            lines.append(TextTable.render(table, rightAligned: Set(1...(dimensions.count + 1))))
        } else if let result = results.first {
            lines.append("diversity of \(context.name(result.ego))'s \(result.alters) contacts"
                + (team.isEmpty ? "" : " against the team mean of \(team.count) members") + ":")
            var table = [["dimension", "categories", "covered", "shannon", "evenness", "blau", "team shannon", "team blau", "largest"]]
            for score in result.scores {
                let largest = score.counts.first.map { "\($0.category) \(String(format: "%.0f%%", 100 * $0.count / max(1, score.covered)))" } ?? ""
                table.append([score.dimension.rawValue, String(score.counts.count), score.covered == score.covered.rounded() ? String(Int(score.covered)) : InsightContext.decimal(score.covered, 1),
                              InsightContext.decimal(score.shannon), InsightContext.decimal(score.evenness), InsightContext.decimal(score.blau),
                              InsightContext.decimal(mean(score.dimension, \.shannon)), InsightContext.decimal(mean(score.dimension, \.blau)), largest])
            }
            lines.append(TextTable.render(table, rightAligned: [1, 2, 3, 4, 5, 6, 7]))
            if !result.gaps.isEmpty {
                lines.append("under-represented (team share ≥ 2 × own share):")
                for gap in result.gaps {
                    lines.append("  \(gap.dimension.rawValue) \(gap.category): \(String(format: "%.1f%%", 100 * gap.egoShare)) of own contacts, \(String(format: "%.1f%%", 100 * gap.teamShare)) of the team's")
                }
            }
            if !result.suggestions.isEmpty {
                lines.append("second-degree contacts that would widen the network most:")
                var suggestions = [["contact", "organisation", "sector", "via", "path strength", "gain", "new community"]]
                for suggestion in result.suggestions {
                    suggestions.append([context.label(suggestion.node), context.organisation(suggestion.node) ?? "",
                                        graph.nodeAttributes.value(PersonField.sector, at: Int(suggestion.node))?.text ?? "",
                                        context.label(suggestion.introducer), InsightContext.decimal(suggestion.pathStrength),
                                        InsightContext.decimal(suggestion.gain, 5), suggestion.newCommunity ? "yes" : ""])
                }
                lines.append(ResultWriter.indent(TextTable.render(suggestions, rightAligned: [4, 5])))
            }
        }
        print(lines.joined(separator: "\n"))
        if let out {
            var rows: [[String]] = []
            for result in results {
                for score in result.scores {
                    rows.append([context.id(result.ego), score.dimension.rawValue, String(score.counts.count), AttributeValue.format(score.covered),
                                 AttributeValue.format(score.shannon), AttributeValue.format(score.evenness), AttributeValue.format(score.blau),
                                 AttributeValue.format(mean(score.dimension, \.shannon)), AttributeValue.format(mean(score.dimension, \.blau))])
                }
            }
            try InsightContext.writeCSV(out, header: [
                "ego", "dimension", "categories", "covered", "shannon", "evenness", "blau", "team_shannon", "team_blau",
            ], rows: rows)
            if !input.quiet { Terminal.note("wrote \(out): \(rows.count) rows") }
        }
    }
}
