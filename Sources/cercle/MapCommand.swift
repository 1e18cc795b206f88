import ArgumentParser
import CercleAnalysis
import CercleCore
import CerclePlugin
import CercleRender
import Foundation

/// Options shared by `map` and `report`: how the map looks.
struct MapStyleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Graphviz layout engine: sfdp, neato, fdp, dot, twopi, circo (default: neato up to 300 nodes, sfdp above; the ego map places its rings itself).",
        valueName: "engine"))
    var layout: String?

    @Option(name: .long, help: ArgumentHelp(
        "Colour nodes by 'community' or by a node attribute (organisation, sector, location, sources…).",
        valueName: "community|attribute"))
    var color = "community"

    @Option(name: .long, help: ArgumentHelp("Size nodes by this measure (see 'analyze --metrics').", valueName: "metric"))
    var size = "pagerank"

    @Option(name: .long, help: "Label the N most central nodes (team members are always labelled).")
    var labels = 25

    @Option(name: .long, help: "Draw every node up to N nodes; above, draw the --large view instead.")
    var budget = 2_000

    @Option(name: .long, help: ArgumentHelp(
        "What to draw above the budget: communities (one node per community) or core (the innermost k-core that fits).",
        valueName: "view"))
    var large: MapOptions.LargeGraphView = .communities

    @Option(name: .long, help: "The map's title (default: the network's name).")
    var title: String?

    @Option(name: .long, help: "Seed of community detection (same seed, same colours).")
    var seed: UInt64 = 42

    func validate() throws {
        if labels < 0 { throw ValidationError("--labels takes a number ≥ 0") }
        if budget < 1 { throw ValidationError("--budget takes a positive number") }
    }

    func mapOptions(for graph: ContactGraph) -> MapOptions {
        var options = MapOptions()
        options.engine = layout
        options.coloring = color == "community" ? .community : .attribute(color)
        options.sizeMetric = size
        options.labelCount = labels
        options.nodeBudget = budget
        options.largeGraphView = large
        options.title = title
        options.date = graph.metadata["as_of"].map { String($0.prefix(10)) }
        options.seed = seed
        return options
    }
}

extension MapOptions.LargeGraphView: ExpressibleByArgument {}

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the network map with Graphviz: SVG, PNG, PDF or DOT.",
        discussion: """
            Nodes are coloured by community (Tol's colour-blind-safe palette, largest community \
            first) or by an attribute, sized by a centrality (PageRank by default), and the most \
            central ones and the team members are labelled. Weak ties are thin and dashed, \
            bridges between groups dark and thick. SVG nodes carry ids (n<index>) and tooltips \
            with name, title, organisation, community and the sizing measure; --redact applies \
            to all of it.

            Above --budget nodes (2,000) a full map is unreadable and slow to lay out: the \
            community map (one node per community, labelled with its profile) is drawn \
            instead, or the innermost k-core with --large core; stderr says so.

            --ego draws one person's circles: their contacts on rings by tie strength (the 5, \
            15, 50 and 150 strongest, then the rest), grouped by community around the rings.

            Examples:
              cercle map Examples/demo/team.jsonl -o map.svg
              cercle map team.jsonl --color organisation --size betweenness -o map.pdf
              cercle map team.jsonl --ego claire.martin@example.com -o claire.png
              cercle map big.graphml --large core -o core.svg
            """)

    @OptionGroup var input: SourceOptions
    @OptionGroup var style: MapStyleOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Draw this person's circles (id, e-mail or exact name).", valueName: "person"))
    var ego: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The map file: .svg, .png, .pdf or .dot.", valueName: "file"))
    var out: String

    @Flag(name: .customLong("no-layout"), help: "With a .dot output: the styled graph without positions, for Graphviz's own tools.")
    var noLayout = false

    /// Renders the map this many more times and reports resident memory before and after:
    /// the leak check of the test suite and the render benchmark.
    @Option(name: .long, help: .hidden)
    var repeatRender = 0

    func validate() throws {
        guard let format = RenderFormat(path: out) else {
            throw ValidationError("-o writes .svg, .png, .pdf or .dot, not '\(out)'")
        }
        if noLayout, format != .dot { throw ValidationError("--no-layout needs a .dot output") }
    }

    func run() throws {
        let started = Date()
        let (loaded, _, _) = try input.load()
        let graph = loaded.redacted(output.redaction)
        let options = style.mapOptions(for: graph)
        let scene: MapScene
        do {
            let data = try MapData.compute(graph, options: options)
            if let ego {
                let node = try PersonResolver.resolve(ego, in: loaded, shown: graph, flag: "--ego")
                scene = EgoMap.scene(data, ego: node, options: options)
            } else {
                scene = try NetworkMap.scene(data, options: options)
            }
        } catch let error as AnalysisError {
            throw InputError(error.description)
        }
        if noLayout {
            let text: String
            do { text = try GraphvizRenderer.dotSource(scene) } catch let error as RenderError { throw InputError("\(out): \(error)") }
            try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: out), displayName: out)
            return
        }
        let firstSeconds = try MapFile.write(scene, to: out, quiet: input.quiet, started: started)
        if repeatRender > 0, let format = RenderFormat(path: out) {
            let before = ResidentMemory.current, clock = Date()
            var each: [String] = []
            for _ in 0..<repeatRender {
                let start = Date()
                _ = try GraphvizRenderer.render(scene, format: format)
                if each.count < 5 { each.append(String(format: "%.3f", Date().timeIntervalSince(start))) }
            }
            let seconds = Date().timeIntervalSince(clock) / Double(repeatRender)
            Terminal.note(String(format: "repeat %d: %.4f s per render, resident %.1f MB before, %.1f MB after; first render %.3f s, then %@%@ s",
                                 repeatRender, seconds, before, ResidentMemory.current, firstSeconds, each.joined(separator: ", "), repeatRender > each.count ? ", …" : ""))
        }
    }
}

/// Renders a scene into a file atomically, with one line on stderr.
enum MapFile {
    /// - Returns: the seconds spent in Graphviz (layout and render).
    @discardableResult
    static func write(_ scene: MapScene, to path: String, quiet: Bool, started: Date) throws -> Double {
        guard let format = RenderFormat(path: path) else { throw InputError("\(path): unknown map format") }
        if !quiet { for note in scene.notes { Terminal.note(note) } }
        let data: Data
        let renderStarted = Date()
        do {
            data = try GraphvizRenderer.render(scene, format: format)
        } catch let error as RenderError {
            throw InputError("\(path): \(error.description)")
        }
        let renderSeconds = Date().timeIntervalSince(renderStarted)
        try AtomicFile.write(data, to: URL(fileURLWithPath: path), displayName: path)
        if !quiet {
            Terminal.note(String(format: "wrote %@: %d nodes, %d edges, layout %@, %.1f s (layout and render %.2f s)", path,
                                 scene.drawnNodes.count, scene.edges.count, scene.engine,
                                 Date().timeIntervalSince(started), renderSeconds))
        }
        return renderSeconds
    }
}

/// The process's resident memory in MB, from /proc/self/statm (Linux).
enum ResidentMemory {
    static var current: Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
