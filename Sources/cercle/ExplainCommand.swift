import ArgumentParser
import CercleCore
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how the strength of a tie was computed.",
        discussion: """
            Prints every component of the tie-strength model for the tie between two persons: \
            the channels, the interactions counted up to the as-of date (by channel), activity, \
            multiplexity, reciprocity, duration, the connection prior and the result. Persons \
            are named by id, e-mail address or exact name. --strength-config changes the \
            settings; --print-config prints the settings in use as JSON (a starting point for \
            a configuration file).

            Examples:
              cercle explain Examples/demo/team.jsonl --tie "Anna Becker" zmueller@acme-retail.example
              cercle explain Examples/demo/team.jsonl --tie "Anna Becker" "Zoë Müller" --as-of 2025-12-31
              cercle explain Examples/demo/team.jsonl --print-config > tie-strength.json
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "The two persons of the tie (id, e-mail address or exact name).", valueName: "person"))
    var tie: [String] = []

    @Flag(name: .customLong("print-config"), help: "Print the tie-strength settings in use as JSON.")
    var printConfig = false

    func validate() throws {
        if !printConfig, tie.count != 2 { throw ValidationError("--tie takes two persons, e.g. --tie \"Anna Becker\" zoe@acme.example") }
        if printConfig, !tie.isEmpty, tie.count != 2 { throw ValidationError("--tie takes two persons") }
    }

    func run() throws {
        if printConfig, tie.isEmpty {
            print(try input.strengthModel().configurationJSON)
            return
        }
        let context = try InsightContext.load(input, output)
        if printConfig { print(context.model.configurationJSON) }
        let a = try context.person(tie[0], flag: "--tie")
        let b = try context.person(tie[1], flag: "--tie")
        guard a != b else { throw InputError("--tie names the same person twice (\(context.name(a)))") }
        let graph = context.graph
        guard let edge = graph.edgeID(from: a, to: b, index: graph.makeEdgeIndex())
            ?? (graph.isDirected ? graph.edgeID(from: b, to: a, index: graph.makeEdgeIndex()) : nil) else {
            throw InputError("\(context.name(a)) and \(context.name(b)) are not tied; try cercle path --from \(context.id(a)) --to \(context.id(b))")
        }
        print(Self.explanation(edge: edge, a: a, b: b, context: context))
    }

    /// The channels a tie was seen on as a connection (not through interactions), rebuilt
    /// from the `channels` column: connection channels, and interaction channels with no event.
    static func connectionChannels(_ names: [String], events: ArraySlice<TieEvent>) -> ChannelSet {
        let interactionChannels: Set<Channel> = [.email, .message, .phone, .video, .meeting, .inperson]
        let seen = Set(events.map(\.channel))
        return ChannelSet(names.compactMap(Channel.init(rawValue:)).filter { !interactionChannels.contains($0) || !seen.contains($0) })
    }

    static func explanation(edge: Int, a: NodeIndex, b: NodeIndex, context: InsightContext) -> String {
        let graph = context.graph
        let model = context.model
        let events = graph.interactions.events(ofEdge: edge)
        var names: [String] = []
        if case .stringList(let list)? = graph.edgeAttributes.value(TieField.channels, at: edge) { names = list }
        let connections = connectionChannels(names, events: events)
        var since: Date?
        if case .date(let date)? = graph.edgeAttributes.value(TieField.firstContact, at: edge) { since = date }
        let asOf = context.asOf ?? Date(timeIntervalSince1970: 0)
        let breakdown = model.breakdown(channels: connections, events: events, since: since, asOf: asOf)
        let weight = graph.weight(from: a, to: b) ?? graph.weight(from: b, to: a) ?? .nan
        // Events run forward from the edge's source: the smaller index of an undirected pair.
        let (first, second) = graph.isDirected || a < b ? (a, b) : (b, a)
        func d(_ value: Double) -> String { InsightContext.decimal(value) }
        let total = model.activityWeight + model.multiplexityWeight + model.reciprocityWeight + model.durationWeight
        var lines = [
            "tie: \(context.name(a)) – \(context.name(b))",
            "as of \(InsightContext.day(context.asOf)) (\(context.asOfOrigin)); settings: \(context.model == TieStrengthModel() ? "defaults" : "from --strength-config")",
            "channels: \(breakdown.channels.map(\.rawValue).joined(separator: ", "))"
                + (connections.channels.isEmpty ? "" : " (connections: \(connections.names.joined(separator: ", ")))"),
        ]
        if breakdown.eventCount == 0 {
            lines.append("interactions: none up to the as-of date: a connection-only tie gets its prior")
        } else {
            lines.append("interactions: \(breakdown.eventCount) up to the as-of date, the last on \(InsightContext.day(breakdown.lastContact)); known since \(InsightContext.day(breakdown.firstContact)) (first interaction or connection)")
            for part in breakdown.activityByChannel {
                lines.append("  \(part.channel.rawValue): \(part.events) events, activity \(d(part.activity)) (channel weight \(d(model.channelWeights[part.channel.rawValue] ?? 0)), half-life \(InsightContext.number(model.halfLifeDays)) days)")
            }
            let channelCount = breakdown.channels.count
            var years = 0.0
            if let start = breakdown.firstContact, let end = breakdown.lastContact {
                years = max(0, end.timeIntervalSince(start)) / (365.25 * 86_400)
            }
            lines += [
                "activity      raw \(d(breakdown.rawActivity)) → 1 − exp(−\(d(breakdown.rawActivity)) / \(InsightContext.number(model.saturation))) = \(d(breakdown.activity))   weight \(d(model.activityWeight))",
                "multiplexity  \(channelCount) channels → min(1, (\(channelCount) − 1) / (\(InsightContext.number(model.multiplexityCap)) − 1)) = \(d(breakdown.multiplexity))   weight \(d(model.multiplexityWeight))",
                "reciprocity   interactions started (shares) \(d(breakdown.outgoing)) by \(context.label(first)), \(d(breakdown.incoming)) by \(context.label(second)) → min / max = \(d(breakdown.reciprocity))   weight \(d(model.reciprocityWeight))",
                "duration      \(InsightContext.decimal(years, 2)) years → 1 − exp(−years / \(InsightContext.number(model.durationScaleYears))) = \(d(breakdown.duration))   weight \(d(model.durationWeight))",
            ]
            let combined = total > 0 ? (model.activityWeight * breakdown.activity + model.multiplexityWeight * breakdown.multiplexity
                + model.reciprocityWeight * breakdown.reciprocity + model.durationWeight * breakdown.duration) / total : 0
            lines.append("combined      weighted mean of the four = \(d(combined))")
        }
        let priorChannel = connections.union(ChannelSet(breakdown.channels)).channels
            .filter { model.priors[$0.rawValue] == breakdown.prior }.first
        lines.append("prior         \(d(breakdown.prior))" + (priorChannel.map { " (connection on \($0.rawValue))" } ?? " (default prior)"))
        lines.append("strength      max(prior, combined) = \(d(breakdown.strength))")
        if !weight.isNaN, abs(weight - breakdown.strength) > 1e-9 {
            lines.append("note: the graph's weight for this tie is \(d(weight)): the source gave it explicitly, so the model was not applied")
        }
        return lines.joined(separator: "\n")
    }
}
