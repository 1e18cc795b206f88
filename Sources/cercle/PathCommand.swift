import ArgumentParser
import CercleAnalysis
import CercleCore
import Foundation

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Find the warmest introduction paths to a person or an organisation.",
        discussion: """
            The k best simple paths maximising the product of tie strengths (Yen's algorithm \
            on −log strength), preferring paths that do not all go through the same \
            intermediary (--penalty 0 gives Yen's order exactly). Each hop is explained: its \
            strength, channels, interactions and last contact. --to-org ends the paths at \
            anyone whose organisation is NAME (case and accents ignored).

            Examples:
              cercle path Examples/demo/team.jsonl --from "Henrik Lindqvist" --to "Zoë Müller"
              cercle path Examples/demo/team.jsonl --from "Amara Okafor" --to-org "Acme Retail" -k 5
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Where the paths start (id, e-mail or exact name).", valueName: "person"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The person to reach.", valueName: "person"))
    var to: String?

    @Option(name: .customLong("to-org"), help: ArgumentHelp("Reach anyone at this organisation.", valueName: "name"))
    var toOrg: String?

    @Option(name: .short, help: "Number of paths.")
    var k: Int = 3

    @Option(name: .customLong("max-hops"), help: "Longest path, in hops.")
    var maxHops: Int = 6

    @Option(name: .long, help: "Extra −log length per intermediary shared with a better path (0: plain Yen order).")
    var penalty: Double = WarmPaths().sharedIntermediaryPenalty

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write path,hop,source,target,strength,channels,interactions,last_contact,path_strength to a .csv file.", valueName: "file"))
    var out: String?

    func validate() throws {
        if (to == nil) == (toOrg == nil) { throw ValidationError("give one of --to PERSON or --to-org NAME") }
        if k < 1 { throw ValidationError("-k takes a positive number") }
        if maxHops < 1 { throw ValidationError("--max-hops takes a positive number") }
        if penalty < 0 { throw ValidationError("--penalty is not negative") }
        if let out, out != "-", !out.lowercased().hasSuffix(".csv") { throw ValidationError("-o writes .csv, not '\(out)'") }
    }

    func run() throws {
        let context = try InsightContext.load(input, output)
        let graph = context.graph
        let source = try context.person(from, flag: "--from")
        var targets: [NodeIndex]
        let goal: String
        if let to {
            let target = try context.person(to, flag: "--to")
            guard target != source else { throw InputError("--from and --to name the same person") }
            targets = [target]
            goal = context.name(target)
        } else {
            let name = toOrg ?? ""
            targets = try Self.organisationMembers(name, graph: graph)
            targets.removeAll { $0 == source }
            guard !targets.isEmpty else { throw InputError("--to-org '\(name)': nobody there but \(context.name(source))") }
            goal = "\(name) (\(targets.count) \(targets.count == 1 ? "person" : "people"))"
        }
        let finder = WarmPaths(sharedIntermediaryPenalty: penalty, maximumHops: maxHops)
        let paths: [WarmPaths.Path]
        do {
            paths = try finder.run(on: graph, from: source, to: targets, k: k)
        } catch let error as AnalysisError {
            throw InputError(error.description)
        }
        guard !paths.isEmpty else {
            throw InputError("no path from \(context.name(source)) to \(goal) within \(maxHops) hops")
        }
        let edgeIndex = graph.makeEdgeIndex()
        var lines = ["warm paths from \(context.name(source)) to \(goal): \(paths.count) of \(k), best first (strength = product of tie strengths)"]
        var rows: [[String]] = []
        for (number, path) in paths.enumerated() {
            let via = path.intermediaries.isEmpty ? "direct" : "via " + path.intermediaries.map(context.label).joined(separator: ", ")
            let end = path.nodes.last.map { node in
                [context.organisation(node), graph.nodeAttributes.value(PersonField.title, at: Int(node))?.text]
                    .compactMap { $0 }.joined(separator: ", ")
            } ?? ""
            lines.append("\(number + 1). strength \(InsightContext.decimal(path.strength)), \(path.hops) hop\(path.hops == 1 ? "" : "s"), \(via): "
                + path.nodes.map(context.label).joined(separator: " → ") + (end.isEmpty ? "" : " (\(end))"))
            for hop in 0..<path.hops {
                let u = path.nodes[hop], v = path.nodes[hop + 1]
                let edge = graph.edgeID(from: u, to: v, index: edgeIndex)
                let channels = edge.flatMap { Self.list(graph.edgeAttributes.value(TieField.channels, at: $0)) } ?? []
                let count = edge.flatMap { graph.edgeAttributes.value(TieField.interactions, at: $0)?.text } ?? "0"
                var last: Date?
                if let edge, case .date(let date)? = graph.edgeAttributes.value(TieField.lastContact, at: edge) { last = date }
                lines.append("   \(context.label(u)) – \(context.label(v)): strength \(InsightContext.decimal(path.strengths[hop])); "
                    + "\(channels.isEmpty ? "no channel" : channels.joined(separator: ", ")); \(count) interactions; last contact \(InsightContext.day(last))")
                rows.append([String(number + 1), String(hop + 1), context.id(u), context.id(v),
                             AttributeValue.format(path.strengths[hop]), channels.joined(separator: ";"), count,
                             last.map(InsightContext.day) ?? "", AttributeValue.format(path.strength)])
            }
        }
        print(lines.joined(separator: "\n"))
        if let out {
            try InsightContext.writeCSV(out, header: ["path", "hop", "source", "target", "strength", "channels", "interactions",
                                                     "last_contact", "path_strength"], rows: rows)
            if !input.quiet { Terminal.note("wrote \(out): \(paths.count) paths") }
        }
    }

    static func list(_ value: AttributeValue?) -> [String]? {
        if case .stringList(let values)? = value { return values }
        return value.map { [$0.text] }
    }

    /// Everyone whose organisation is `name` (folded), or an error listing close names.
    static func organisationMembers(_ name: String, graph: ContactGraph) throws -> [NodeIndex] {
        let folded = IdentityKey.fold(name)
        guard let column = graph.nodeAttributes[PersonField.organisation] else {
            throw InputError("--to-org: the sources give no organisations")
        }
        let found = graph.nodes.filter { column.text(at: Int($0)).map(IdentityKey.fold) == folded }
        guard found.isEmpty else { return found }
        var names: [String: String] = [:]
        for node in graph.nodes { if let text = column.text(at: Int(node)) { names[IdentityKey.fold(text)] = names[IdentityKey.fold(text)] ?? text } }
        let limit = max(2, folded.count / 3)
        var scored: [(distance: Int, name: String)] = []
        for (key, display) in names {
            let distance = key.contains(folded) || folded.contains(key)
                ? 0 : PersonResolver.editDistance(Array(folded), Array(key), limit: limit)
            if distance <= limit { scored.append((distance, display)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        let close: [String] = scored.prefix(3).map(\.name)
        throw InputError("--to-org '\(name)': no such organisation" + (close.isEmpty ? "" : "; closest: " + close.joined(separator: ", ")))
    }
}
