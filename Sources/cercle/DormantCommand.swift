import ArgumentParser
import CercleAnalysis
import CercleCore
import Foundation

struct DormantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dormant",
        abstract: "Find dormant ties worth reviving: strong once, silent for months.",
        discussion: """
            A tie is dormant when it had at least --min-interactions interactions and none in \
            the last --months months before the as-of date. Dormant ties are ranked by \
            past strength (the tie-strength model at the last interaction) × (1 − exp(−months \
            dormant / --months)) × (1 + novelty) / 2, where novelty averages (1 − neighbourhood \
            overlap) and whether the contact is in another community (Leiden). Without --ego, \
            every member's ties.

            Examples:
              cercle dormant Examples/demo/team.jsonl --ego "Jonas Weber"
              cercle dormant Examples/demo/team.jsonl --months 9 -o dormant.csv
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Whose ties (id, e-mail or exact name); default: every member.", valueName: "person"))
    var ego: String?

    @Option(name: .long, help: "Months without interaction after which a tie is dormant.")
    var months: Double = 6

    @Option(name: .customLong("min-interactions"), help: "Interactions a tie needs to count as a past relationship.")
    var minInteractions: Int = 3

    @Option(name: .long, help: "Ties printed.")
    var top: Int = 20

    @Option(name: .shortAndLong, help: ArgumentHelp("Write every dormant tie to a .csv file.", valueName: "file"))
    var out: String?

    func validate() throws {
        if months <= 0 { throw ValidationError("--months takes a positive number") }
        if minInteractions < 1 { throw ValidationError("--min-interactions takes a positive number") }
        if top < 1 { throw ValidationError("--top takes a positive number") }
        if let out, out != "-", !out.lowercased().hasSuffix(".csv") { throw ValidationError("-o writes .csv, not '\(out)'") }
    }

    func run() throws {
        let context = try InsightContext.load(input, output)
        let egos = try context.egos(ego)
        let asOf = try context.requireAsOf("dormancy")
        guard !context.graph.interactions.isEmpty else {
            throw InputError("the sources hold no interactions (e-mails, meetings): no tie can be dormant")
        }
        let finder = DormantTies(months: months, minimumInteractions: minInteractions, model: context.model)
        let ties = finder.run(on: context.graph, egos: egos, asOf: asOf, communities: try context.communities())
        var lines = ["\(ties.count) dormant ties (no interaction for \(InsightContext.number(months)) months before \(InsightContext.day(asOf)), at least \(minInteractions) interactions), best to revive first:"]
        var table = [["rank", "ego", "contact", "organisation", "past", "now", "last contact", "months", "novelty", "score"]]
        for (rank, tie) in ties.prefix(top).enumerated() {
            table.append([String(rank + 1), context.label(tie.ego), context.label(tie.alter), context.organisation(tie.alter) ?? "",
                          InsightContext.decimal(tie.pastStrength), InsightContext.decimal(tie.strength), InsightContext.day(tie.lastContact),
                          InsightContext.decimal(tie.monthsDormant, 1), InsightContext.decimal(tie.novelty, 2), InsightContext.decimal(tie.score)])
        }
        lines.append(TextTable.render(table, rightAligned: [0, 4, 5, 7, 8, 9]))
        print(lines.joined(separator: "\n"))
        if let out {
            let rows = ties.map { tie in
                [context.id(tie.ego), context.id(tie.alter), AttributeValue.format(tie.pastStrength), AttributeValue.format(tie.strength),
                 InsightContext.day(tie.lastContact), AttributeValue.format(tie.monthsDormant), String(tie.interactions),
                 AttributeValue.format(tie.overlap), tie.otherCommunity ? "true" : "false", AttributeValue.format(tie.score)]
            }
            try InsightContext.writeCSV(out, header: [
                "ego", "alter", "past_strength", "strength", "last_contact", "months_dormant", "interactions", "overlap",
                "other_community", "score",
            ], rows: rows)
            if !input.quiet { Terminal.note("wrote \(out): \(rows.count) dormant ties") }
        }
    }
}
