import CercleAnalysis
import CercleCore
import Foundation

/// The map of a whole network: nodes coloured by community (or an attribute), sized by a
/// centrality, the top nodes and the members labelled, weak ties thin and dashed,
/// bridges dark and thick, members drawn as double circles.
///
/// Above ``MapOptions/nodeBudget`` nodes a full map is a hairball and takes minutes to
/// lay out, so ``scene(_:options:)`` draws the community map (or the innermost k-core
/// that fits) instead and says so in ``MapScene/notes``.
public enum NetworkMap {
    /// The scene for `data`: the full map, or the large-graph view above the budget.
    ///
    /// - Throws: ``RenderError`` for an unknown colouring attribute.
    public static func scene(_ data: MapData, options: MapOptions) throws -> MapScene {
        let n = data.graph.nodeCount
        guard n > options.nodeBudget else { return try full(data, options: options) }
        switch options.largeGraphView {
        case .communities:
            var scene = CommunityMap.scene(data, options: options)
            scene.notes.insert("\(n) nodes are more than the map's budget of \(options.nodeBudget): "
                + "drawing one node per community (\(scene.nodes.count)); --budget \(n) draws every node", at: 0)
            return scene
        case .core:
            let coreness = CoreDecomposition.coreness(data.graph).values
            let levels = Set(coreness).sorted()
            // The smallest k whose core fits the budget.
            let k = levels.first { level in coreness.lazy.filter { $0 >= level }.count <= options.nodeBudget } ?? (levels.last ?? 0)
            let keep = coreness.map { $0 >= k }
            var scene = try full(data, options: options, keep: keep)
            scene.kind = .core
            scene.subtitle += " · \(Int(k))-core"
            scene.notes.append("\(n) nodes are more than the map's budget of \(options.nodeBudget): "
                + "drawing the \(Int(k))-core (\(scene.nodes.count) nodes with at least \(Int(k)) ties among themselves)")
            return scene
        }
    }

    /// Every node (or those of `keep`), whatever the budget.
    public static func full(_ data: MapData, options: MapOptions, keep: [Bool]? = nil) throws -> MapScene {
        let graph = data.graph
        let coloring: NodeColoring = switch options.coloring {
        case .community: NodeColoring.communities(data)
        case .attribute(let name): try NodeColoring.attribute(name, of: graph)
        }
        let kept = keep.map { mask in graph.nodes.filter { mask[Int($0)] } } ?? Array(graph.nodes)
        let engine = options.engine ?? (kept.count <= options.neatoLimit ? "neato" : "sfdp")
        var scene = MapScene(kind: .full, title: options.title ?? Self.title(of: graph),
                             subtitle: subtitle(graph, data: data, nodes: kept.count, options: options), engine: engine)
        scene.graphAttributes = layoutAttributes(engine: engine, nodes: kept.count)

        let sizes = NodeSizes(scores: data.sizeScores.values, nodes: kept.count)
        let members = graph.nodeAttributes[PersonField.member]
        let isMember: (NodeIndex) -> Bool = { node in
            if case .bool(true) = members?[Int(node)] { return true }
            return false
        }
        let labelled = Set(kept.sorted { data.sizeScores[$0] != data.sizeScores[$1] ? data.sizeScores[$0] > data.sizeScores[$1] : $0 < $1 }
            .prefix(options.labelCount))
        var position = [Int](repeating: -1, count: graph.nodeCount)
        for node in kept {
            position[Int(node)] = scene.nodes.count
            let member = isMember(node)
            scene.nodes.append(MapScene.Node(
                id: "n\(node)", source: Int(node),
                label: labelled.contains(node) || member ? graph.label(of: node) : "",
                tooltip: Tooltip.person(node, data: data, metric: options.sizeMetric),
                fill: coloring.fill[Int(node)], size: sizes.diameter(data.sizeScores[node]),
                shape: member ? "doublecircle" : "circle", penWidth: member ? 1.2 : 0.5,
                outline: member ? "#000000" : "#555555", fontSize: member ? 12 : 10,
                cssClass: member ? "member" : "person"))
        }
        let strengths = graph.isUnweighted ? nil : graph.edgeWeights()
        let strongest = strengths?.max() ?? 1
        for edge in graph.edges {
            let u = position[Int(edge.source)], v = position[Int(edge.target)]
            guard u >= 0, v >= 0, edge.source != edge.target else { continue }
            let same = data.partition[edge.source] == data.partition[edge.target]
            let base = same && options.coloring == .community ? coloring.fill[Int(edge.source)] : "#888888"
            let relative = strengths.map { strongest > 0 ? $0[edge.id] / strongest : 1 } ?? 0.5
            let item: MapScene.Edge = if data.isBridge[edge.id] {
                .init(source: u, target: v, color: "#222222CC", penWidth: 2.2, style: "solid",
                      tooltip: Tooltip.edge(edge, data: data, kind: "bridge"), cssClass: "bridge")
            } else if data.isWeak[edge.id] {
                .init(source: u, target: v, color: "#99999980", penWidth: 0.4, style: "dashed",
                      tooltip: Tooltip.edge(edge, data: data, kind: "weak tie"), cssClass: "weak")
            } else {
                .init(source: u, target: v, color: base + "70", penWidth: 0.5 + 1.5 * relative, style: "solid",
                      tooltip: Tooltip.edge(edge, data: data, kind: "tie"), cssClass: "tie")
            }
            scene.edges.append(item)
        }
        scene.legend = coloring.legend + [
            .init(color: nil, text: "size: \(options.sizeMetric)"),
            .init(color: nil, text: "⊚ team member"),
            .init(color: nil, text: "╍ weak tie (below median strength)"),
            .init(color: nil, text: "━ bridge between groups"),
        ]
        return scene
    }

    /// The network's name, from the graph's metadata.
    static func title(of graph: ContactGraph) -> String {
        let name = graph.metadata["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "Network"
        return name
    }

    static func subtitle(_ graph: ContactGraph, data: MapData, nodes: Int, options: MapOptions) -> String {
        var parts = ["\(nodes) people" + (nodes < graph.nodeCount ? " of \(graph.nodeCount)" : ""),
                     "\(graph.edgeCount) ties", "\(data.partition.count) communities"]
        if let date = options.date { parts.append("as of \(date)") }
        return parts.joined(separator: " · ")
    }

    /// Graph attributes for an engine: overlap removal for the force-directed ones.
    static func layoutAttributes(engine: String, nodes: Int) -> [(String, String)] {
        switch engine {
        case "sfdp": [("overlap", "prism"), ("overlap_scaling", "-4"), ("splines", "false"), ("outputorder", "edgesfirst")]
        case "neato", "fdp": [("overlap", "prism"), ("splines", "false"), ("sep", "+2"), ("start", "42")]
        case "twopi", "circo": [("overlap", "prism"), ("splines", "false")]
        default: []
        }
    }
}

/// Node diameters in inches from a score: the area grows with the score (a square-root
/// scale), so a node twice as central looks twice as big, not four times.
struct NodeSizes {
    let low: Double, high: Double, minimum: Double, maximum: Double

    init(scores: [Double], nodes: Int) {
        let finite = scores.filter(\.isFinite)
        low = finite.min() ?? 0
        high = finite.max() ?? 1
        // Small maps get bigger dots; large ones must not cover each other.
        minimum = nodes <= 300 ? 0.16 : nodes <= 3_000 ? 0.09 : 0.05
        maximum = nodes <= 300 ? 0.7 : nodes <= 3_000 ? 0.45 : 0.3
    }

    func diameter(_ score: Double) -> Double {
        guard score.isFinite, high > low else { return (minimum + maximum) / 3 }
        return minimum + (maximum - minimum) * ((score - low) / (high - low)).squareRoot()
    }
}
