import ArgumentParser
import CercleAnalysis
import CercleCore
import Foundation

struct CirclesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circles",
        abstract: "Sort a person's contacts into circles by tie strength (Dunbar layers or natural breaks).",
        discussion: """
            With --method dunbar (the default) the contacts, strongest first, fill cumulative \
            layers of 5, 15, 50 and 150 (Zhou, Sornette, Hill & Dunbar 2005); the rest are \
            'beyond'. With --method breaks the layers follow the data: Jenks natural breaks on \
            the strengths into --classes circles, circle 1 the strongest. Without --ego every \
            member is done. Prints a summary per circle; -o writes ego,alter,strength,circle.

            Examples:
              cercle circles Examples/demo/team.jsonl --ego "Anna Becker"
              cercle circles Examples/demo/team.jsonl -o circles.csv --method breaks
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The person at the centre (id, e-mail or exact name); default: every member.", valueName: "person"))
    var ego: String?

    @Option(name: .long, help: "dunbar (layers of 5/15/50/150) or breaks (Jenks natural breaks).")
    var method: CircleMethod = .dunbar

    @Option(name: .long, help: "Number of circles for --method breaks.")
    var classes: Int = 4

    @Option(name: .shortAndLong, help: ArgumentHelp("Write ego,alter,strength,circle to a .csv file.", valueName: "file"))
    var out: String?

    func validate() throws {
        if classes < 1 { throw ValidationError("--classes takes a positive number") }
        if let out, out != "-", !out.lowercased().hasSuffix(".csv") { throw ValidationError("-o writes .csv, not '\(out)'") }
    }

    func run() throws {
        let context = try InsightContext.load(input, output)
        let egos = try context.egos(ego)
        let circles = DunbarCircles(method: method == .dunbar ? .dunbar() : .naturalBreaks(classes: classes))
        var rows: [[String]] = []
        var text: [String] = []
        for ego in egos {
            let result = circles.run(on: context.graph, ego: ego)
            text.append("circles of \(context.name(ego)): \(result.placements.count) contacts, "
                + (method == .dunbar ? "Dunbar layers by strength rank" : "natural breaks on strength"))
            var table = [["circle", "contacts", "cumulative", "min", "mean", "max", "strongest"]]
            for (index, circle) in result.circles.enumerated() {
                let strongest = result.alters(inCircle: index).prefix(3).map(context.label).joined(separator: ", ")
                table.append([circle.name, String(circle.count), String(circle.cumulative),
                              InsightContext.decimal(circle.minimumStrength), InsightContext.decimal(circle.meanStrength),
                              InsightContext.decimal(circle.maximumStrength), strongest])
            }
            text.append(TextTable.render(table, rightAligned: [1, 2, 3, 4, 5]))
            for placement in result.placements {
                rows.append([context.id(ego), context.id(placement.alter), AttributeValue.format(placement.strength),
                             result.circles[placement.circle].name])
            }
        }
        print(text.joined(separator: "\n"))
        if let out {
            try InsightContext.writeCSV(out, header: ["ego", "alter", "strength", "circle"], rows: rows)
            if !input.quiet { Terminal.note("wrote \(out): \(rows.count) contacts of \(egos.count) egos") }
        }
    }
}

enum CircleMethod: String, ExpressibleByArgument, CaseIterable {
    case dunbar, breaks
}
