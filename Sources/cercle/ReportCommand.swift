import ArgumentParser
import CercleAnalysis
import CercleCore
import CerclePlugin
import CercleRender
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: the map and who matters, who bridges, the circles.",
        discussion: """
            One .html file with everything inline (map as SVG, styles, a little JavaScript for \
            search, highlight, zoom and pan); it opens in any browser with no server and loads \
            nothing from the network. Sections: overview figures, the map (the community map \
            above --budget nodes), the most central people (PageRank, betweenness, coreness), \
            brokers across structural holes (effective size, constraint), communities with \
            their profiles, bridges and local bridges, the team members' circles, and whether \
            weak ties do the bridging (Granovetter).

            Weights are read as tie strengths (closeness of a tie) for PageRank and \
            communities, and as lengths 1/strength for betweenness. --redact removes e-mails, \
            phones or names from every part of the report.

            Examples:
              cercle report Examples/demo/team.jsonl -o report.html
              cercle report Connections.csv contacts.vcf --redact names -o shared.html
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var style: MapStyleOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The report file (.html).", valueName: "file"))
    var out: String

    @Option(name: .long, help: "Rows of each ranked table.")
    var rows = 20

    func validate() throws {
        guard out.lowercased().hasSuffix(".html") || out.lowercased().hasSuffix(".htm") else {
            throw ValidationError("-o writes an .html file, not '\(out)'")
        }
        if rows < 1 { throw ValidationError("--rows takes a positive number") }
    }

    func run() throws {
        let (loaded, _, _) = try input.load()
        let graph = loaded.redacted(output.redaction)
        let options = style.mapOptions(for: graph)

        var metrics = ["pagerank", "betweenness", "coreness"]
        if !metrics.contains(style.size) { metrics.append(style.size) }
        var arguments = ["--metrics", metrics.joined(separator: ","), "--communities", "leiden", "--weak-ties",
                         "--seed", String(style.seed)]
        if !graph.isUnweighted { arguments += ["--weight", "inverse"] }
        let analysis = try AnalysisOptions.parse(arguments)
        let results: AnalysisResults
        let data: MapData
        do {
            results = try AnalysisRunner(options: analysis, quiet: input.quiet).run(on: graph)
            guard let partition = results.partition,
                  let size = results.nodeColumns.first(where: { $0.name == style.size }) else {
                throw InputError("the analysis gave no communities")
            }
            data = MapData(graph: graph, partition: partition, profiles: results.profiles,
                           sizeScores: NodeScores(name: size.name, values: size.values),
                           isWeak: MapData.weakTies(graph), isBridge: MapData.bridges(graph))
        } catch let error as AnalysisError {
            throw InputError(error.description)
        }
        if !input.quiet { for note in results.notes { Terminal.note(note) } }
        let scene = try NetworkMap.scene(data, options: options)
        if !input.quiet { for note in scene.notes { Terminal.note(note) } }
        let svg: Data
        do {
            svg = try GraphvizRenderer.render(scene, format: .svg)
        } catch let error as RenderError {
            throw InputError("\(out): \(error.description)")
        }
        let report = ReportBuilder(graph: graph, data: data, results: results, scene: scene, rows: rows,
                                   redaction: output.redaction).report(svg: String(decoding: svg, as: UTF8.self))
        try AtomicFile.write(Array(report.html().utf8), to: URL(fileURLWithPath: out), displayName: out)
        if !input.quiet {
            Terminal.note("wrote \(out): map of \(scene.drawnNodes.count) nodes, \(report.sections.count) tables")
        }
    }
}

/// The tables of the report, from the analysis results.
struct ReportBuilder {
    let graph: ContactGraph
    let data: MapData
    let results: AnalysisResults
    let scene: MapScene
    let rows: Int
    let redaction: Redaction

    func column(_ name: String) -> [Double]? { results.nodeColumns.first { $0.name == name }?.values }

    func text(_ attribute: String, _ node: NodeIndex) -> String {
        graph.nodeAttributes[attribute]?.text(at: Int(node)) ?? ""
    }

    /// The map element that stands for `node`: itself, or its community on a community map.
    func mapID(_ node: NodeIndex) -> String? {
        switch scene.kind {
        case .communities: "c\(data.partition[node])"
        case .full, .core, .ego: scene.nodes.contains { $0.source == Int(node) } ? "n\(node)" : nil
        }
    }

    static func number(_ value: Double, _ digits: Int = 4) -> String {
        value.isFinite ? String(format: "%.\(digits)g", value) : "—"
    }

    func report(svg: String) -> HTMLReport {
        let summary = results.summary
        let members = graph.nodes.filter { if case .bool(true) = graph.nodeAttributes[PersonField.member]?[Int($0)] { true } else { false } }
        let weakShare = data.isWeak.isEmpty ? 0 : Double(data.isWeak.filter { $0 }.count) / Double(data.isWeak.count)
        var figures: [(String, String)] = [
            ("people", "\(summary.nodes)"), ("ties", "\(summary.edges)"),
            ("communities", "\(data.partition.count)"),
            ("modularity", Self.number(results.modularity ?? .nan, 3)),
            ("components", "\(summary.components)"), ("density", Self.number(summary.density, 3)),
            ("bridging ties", "\(data.isBridge.filter { $0 }.count)"),
        ]
        if !members.isEmpty { figures.insert(("team members", "\(members.count)"), at: 2) }
        if !graph.isUnweighted { figures.append(("weak ties", String(format: "%.0f %%", 100 * weakShare))) }

        var sections = [central(), brokers(), communities(), bridges()]
        if !members.isEmpty { sections.append(circles(members)) }
        if let granovetter = results.granovetter { sections.append(weakTies(granovetter)) }

        let asOf = graph.metadata["as_of"].map { " · data as of \($0.prefix(10))" } ?? ""
        let caption = switch scene.kind {
        case .communities: "One node per community, its area proportional to its members; lines as thick as the ties between communities. Click a table row to find it on the map; scroll to zoom, drag to pan."
        case .core: "The innermost k-core of the network. Colours are communities, sizes \(data.sizeScores.name); dashed lines are weak ties, dark thick lines bridges. Scroll to zoom, drag to pan."
        default: "Colours are communities, sizes \(data.sizeScores.name); double circles are team members; dashed lines are weak ties, dark thick lines bridges between groups. Hover for details, click a table row to find the person; scroll to zoom, drag to pan."
        }
        let redacted = redaction.isEmpty ? "" : " · redacted: " + (graph.metadata["redacted"] ?? "")
        return HTMLReport(
            title: scene.title, subtitle: "\(summary.nodes) people, \(summary.edges) ties\(asOf)",
            figures: figures, mapSVG: svg, mapCaption: caption,
            searchIndex: scene.drawnNodes.map { (id: $0.id, text: $0.searchText(graph: graph)) },
            sections: sections,
            footer: "Made by Cercle \(CercleVersion.current) on this computer\(redacted); nothing was sent anywhere.")
    }

    func central() -> HTMLReport.Section {
        let pagerank = column("pagerank") ?? [], betweenness = column("betweenness") ?? [], coreness = column("coreness") ?? []
        let order = graph.nodes.sorted { pagerank[Int($0)] != pagerank[Int($1)] ? pagerank[Int($0)] > pagerank[Int($1)] : $0 < $1 }
        return HTMLReport.Section(
            id: "central", title: "Who matters most",
            intro: "The people with the highest PageRank (how much of the network's attention flows to them); betweenness is the share of shortest paths through them, coreness the depth of the densest group they belong to.",
            headers: ["#", "name", "organisation", "PageRank", "betweenness", "coreness", "community"],
            rows: order.prefix(rows).enumerated().map { rank, node in
                HTMLReport.Row(["\(rank + 1)", graph.label(of: node), text(PersonField.organisation, node),
                                Self.number(pagerank[Int(node)]), Self.number(betweenness[Int(node)]),
                                Self.number(coreness[Int(node)], 3), community(node)], mapID: mapID(node))
            })
    }

    func community(_ node: NodeIndex) -> String {
        let c = data.partition[node]
        return c < data.profiles.count ? data.profiles[c].label : "\(c)"
    }

    func brokers() -> HTMLReport.Section {
        let effective = column("effective_size") ?? [], constraint = column("constraint") ?? []
        let candidates = graph.nodes.filter { graph.degree(of: $0) >= 2 && effective[Int($0)].isFinite }
        let order = candidates.sorted { effective[Int($0)] != effective[Int($1)] ? effective[Int($0)] > effective[Int($1)] : $0 < $1 }
        return HTMLReport.Section(
            id: "brokers", title: "Brokers across structural holes",
            intro: "Burt's effective size counts the non-redundant contacts; low constraint means the contacts do not know each other, so the person connects otherwise separate groups.",
            headers: ["#", "name", "organisation", "effective size", "constraint", "communities reached"],
            rows: order.prefix(rows).enumerated().map { rank, node in
                let reached = Set(graph.neighbors(of: node).map { data.partition[$0] } + [data.partition[node]]).count
                return HTMLReport.Row(["\(rank + 1)", graph.label(of: node), text(PersonField.organisation, node),
                                       Self.number(effective[Int(node)]), Self.number(constraint[Int(node)], 3), "\(reached)"],
                                      mapID: mapID(node))
            })
    }

    func communities() -> HTMLReport.Section {
        let stability = results.stability
        return HTMLReport.Section(
            id: "communities", title: "Communities",
            intro: "Groups found by the Leiden algorithm (modularity \(Self.number(results.modularity ?? .nan, 3))), largest first, with the values most of their members share.",
            headers: ["community", "label", "people", "internal density", "conductance", "most central"] + (stability == nil ? [] : ["stability"]),
            rows: data.profiles.sorted { $0.size != $1.size ? $0.size > $1.size : $0.community < $1.community }.prefix(max(rows, 30)).map { profile in
                var cells = ["\(profile.community)", profile.label, "\(profile.size)", Self.number(profile.internalDensity, 3),
                             Self.number(profile.conductance, 3), profile.members.prefix(3).map { graph.label(of: $0) }.joined(separator: ", ")]
                if let stability { cells.append(Self.number(stability[profile.community], 2)) }
                return HTMLReport.Row(cells, mapID: scene.kind == .communities ? "c\(profile.community)" : nil)
            })
    }

    func bridges() -> HTMLReport.Section {
        let span = results.edgeColumns.first { $0.name == "span" }?.column
        let isBridge = Bridges.find(graph)
        let edges = graph.edges.filter { data.isBridge[$0.id] }
            .sorted { (span?.double(at: $0.id) ?? 0) != (span?.double(at: $1.id) ?? 0)
                ? (span?.double(at: $0.id) ?? 0) > (span?.double(at: $1.id) ?? 0) : $0.id < $1.id }
        return HTMLReport.Section(
            id: "bridges", title: "Bridges between groups",
            intro: "Ties whose ends have no contact in common (local bridges; the span is how far apart the two would be without the tie) or whose removal cuts the network (bridges). Granovetter's weak ties that bring new information travel along these.",
            headers: ["from", "to", "kind", "span", "strength", "communities"],
            rows: edges.prefix(rows).map { edge in
                let s = span?.double(at: edge.id) ?? .nan
                return HTMLReport.Row([
                    graph.label(of: edge.source), graph.label(of: edge.target), isBridge[edge.id] ? "bridge" : "local bridge",
                    s.isInfinite ? "∞" : Self.number(s, 3), graph.isUnweighted ? "—" : Self.number(edge.weight, 3),
                    "\(data.partition[edge.source]) – \(data.partition[edge.target])",
                ], mapID: mapID(edge.source))
            })
    }

    func circles(_ members: [NodeIndex]) -> HTMLReport.Section {
        HTMLReport.Section(
            id: "circles", title: "The team's circles",
            intro: "Each member's contacts ranked by tie strength into Dunbar's layers: the 5 closest, then up to 15, 50 and 150, then the rest.",
            headers: ["member", "contacts", "5", "15", "50", "150", "beyond", "closest"],
            rows: members.map { member in
                let circles = DunbarCircles().run(on: graph, ego: member)
                let counts = (0..<5).map { index in index < circles.circles.count ? circles.circles[index].count : 0 }
                return HTMLReport.Row([graph.label(of: member), "\(circles.placements.count)"] + counts.map(String.init)
                    + [circles.placements.prefix(3).map { graph.label(of: $0.alter) }.joined(separator: ", ")], mapID: mapID(member))
            })
    }

    func weakTies(_ summary: GranovetterSummary) -> HTMLReport.Section {
        HTMLReport.Section(
            id: "weak-ties", title: "Do weak ties bridge?",
            intro: "Granovetter (1973): bridges should be weak ties, and overlap (the share of common contacts) should grow with tie strength. Weak means below the median strength.",
            headers: ["ties", "count", "weak share", "mean overlap"],
            rows: summary.byKind.map { row in
                HTMLReport.Row([row.group, "\(row.edges)", Self.number(row.weakShare, 3), Self.number(row.meanOverlap, 3)])
            })
    }
}

extension MapScene.Node {
    /// What the search box matches: the person's name, or a community's label.
    func searchText(graph: ContactGraph) -> String {
        if cssClass.contains("community") { return label.replacingOccurrences(of: "\n", with: " ") }
        return source >= 0 && source < graph.nodeCount ? graph.label(of: NodeIndex(source)) : label
    }
}
