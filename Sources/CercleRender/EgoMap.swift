import CercleAnalysis
import CercleCore
import Foundation

/// One person's contacts on rings around them: the strongest 5, then up to 15, 50 and
/// 150 (Dunbar's cumulative layers, by tie strength), then everyone else, each ring
/// farther out; around each ring, contacts sit by community so a circle's groups show as
/// sectors. Ties among the contacts are drawn too (weak ones dashed).
///
/// Cercle places the nodes itself and Graphviz draws them (`nop`), because Graphviz's
/// radial layout (`twopi`) puts every direct contact on the same ring; `--layout twopi`
/// still gives that view.
///
/// - Complexity: O(*d* log *d* + Σ deg) for an ego with *d* contacts.
public enum EgoMap {
    /// Cumulative layer sizes (Dunbar 1993; Zhou, Sornette, Hill & Dunbar 2005).
    public static let layers = [5, 15, 50, 150]

    /// The circle (0-based ring) of each alter ranked `rank` (0 = strongest).
    public static func circle(ofRank rank: Int) -> Int { layers.firstIndex { rank < $0 } ?? layers.count }

    public static func ringName(_ circle: Int) -> String {
        circle < layers.count ? "\(layers[circle]) closest" : "beyond \(layers[layers.count - 1])"
    }

    /// The scene of `ego`'s map.
    public static func scene(_ data: MapData, ego: NodeIndex, options: MapOptions) -> MapScene {
        let graph = data.graph
        let name = graph.label(of: ego)
        var strength: [NodeIndex: Double] = [:]
        for (alter, weight) in zip(graph.neighbors(of: ego), graph.weights(of: ego)) where alter != ego {
            strength[alter, default: 0] += graph.isUnweighted ? 1 : weight
        }
        if graph.isDirected {
            for (alter, weight) in zip(graph.inNeighbors(of: ego), graph.inWeights(of: ego)) where alter != ego {
                strength[alter, default: 0] += graph.isUnweighted ? 1 : weight
            }
        }
        let ranked = strength.keys.sorted {
            strength[$0] != strength[$1] ? strength[$0, default: 0] > strength[$1, default: 0] : $0 < $1
        }
        var circleOf: [NodeIndex: Int] = [:]
        for (rank, alter) in ranked.enumerated() { circleOf[alter] = circle(ofRank: rank) }
        let rings = (ranked.isEmpty ? -1 : circle(ofRank: ranked.count - 1))

        let engine = options.engine ?? "nop"
        var scene = MapScene(kind: .ego, title: options.title ?? "\(name)'s circles",
                             subtitle: ([("\(ranked.count) contacts")] + (options.date.map { ["as of \($0)"] } ?? []))
                                .joined(separator: " · "), engine: engine)
        scene.graphAttributes = engine == "nop" ? [("splines", "false"), ("notranslate", "false")]
            : NetworkMap.layoutAttributes(engine: engine, nodes: ranked.count + 1) + (engine == "twopi" ? [("root", "n\(ego)")] : [])

        // Ring radii: the outer rings must have room for their nodes side by side.
        let nodeRoom = 13.0
        let spacing = max(70.0, Double(ranked.count) * nodeRoom / (2 * Double.pi) / Double(max(1, rings + 1)))
        func radius(_ circle: Int) -> Double { 60 + spacing * Double(circle + 1) }
        let pinned = engine == "nop"
        scene.fontScale = pinned ? max(1, radius(max(0, rings)) / 450) : 1
        if pinned {
            for circle in 0...max(0, rings) where rings >= 0 {
                let r = radius(circle)
                scene.nodes.append(MapScene.Node(
                    id: "ring\(circle)", source: -1, label: "", tooltip: ringName(circle), fill: "#FFFFFF",
                    size: 2 * r / 72, penWidth: 0.8, outline: "#BBBBBB", position: (0, 0), style: "dashed",
                    cssClass: "ring"))
                scene.nodes.append(MapScene.Node(
                    id: "ringlabel\(circle)", source: -1, label: ringName(circle), tooltip: ringName(circle),
                    fill: "#FFFFFF", size: 0.1, shape: "plaintext", position: (0, r + 9), insideLabel: true,
                    style: "solid", fontSize: 11 * scene.fontScale, cssClass: "ring-label"))
            }
        }

        let coloring = NodeColoring.communities(data)
        let rank = coloring.communityRank
        // Each community owns a sector of the circle, as wide as its share of the
        // contacts; on every ring its contacts spread evenly inside that sector, strongest
        // first, so a group lines up across the rings.
        let communities = Set(ranked.map { data.partition[$0] }).sorted { rank[$0] < rank[$1] }
        var sectorStart: [Int: Double] = [:], sectorWidth: [Int: Double] = [:]
        var start = 0.0
        for community in communities {
            let share = Double(ranked.filter { data.partition[$0] == community }.count) / Double(max(1, ranked.count))
            sectorStart[community] = start
            sectorWidth[community] = 2 * Double.pi * share
            start += 2 * Double.pi * share
        }
        var angle: [NodeIndex: Double] = [:]
        var groups: [[Int]: [NodeIndex]] = [:]
        for alter in ranked { groups[[circleOf[alter] ?? 0, data.partition[alter]], default: []].append(alter) }
        for (key, members) in groups {
            let community = key[1]
            let width = sectorWidth[community] ?? 0, begin = sectorStart[community] ?? 0
            for (index, alter) in members.enumerated() {
                angle[alter] = begin + width * (Double(index) + 0.5) / Double(members.count) + Double.pi / 2
            }
        }
        let angular = ranked
        let labelled = Set(ranked.prefix(options.labelCount))
        let sizes = NodeSizes(scores: ranked.map { strength[$0, default: 0] }, nodes: ranked.count + 1)
        var position: [NodeIndex: Int] = [ego: scene.nodes.count]
        scene.nodes.append(MapScene.Node(
            id: "n\(ego)", source: Int(ego), label: name, tooltip: Tooltip.person(ego, data: data, metric: options.sizeMetric),
            fill: coloring.fill[Int(ego)], size: 0.5, shape: "doublecircle", penWidth: 1.5, outline: "#000000",
            position: pinned ? (0, 0) : nil, fontSize: 13 * scene.fontScale, cssClass: "ego"))
        for alter in angular {
            let theta = angle[alter] ?? 0
            let r = radius(circleOf[alter] ?? 0)
            position[alter] = scene.nodes.count
            scene.nodes.append(MapScene.Node(
                id: "n\(alter)", source: Int(alter), label: labelled.contains(alter) ? graph.label(of: alter) : "",
                tooltip: Tooltip.person(alter, data: data, metric: options.sizeMetric)
                    + "\nstrength \(Tooltip.format(strength[alter, default: 0])) · \(ringName(circleOf[alter] ?? 0))",
                fill: coloring.fill[Int(alter)], size: sizes.diameter(strength[alter, default: 0]),
                position: pinned ? (r * cos(theta), r * sin(theta)) : nil, fontSize: 10 * scene.fontScale.squareRoot(),
                cssClass: "circle\(circleOf[alter] ?? 0)"))
        }
        for edge in graph.edges where edge.source != edge.target {
            guard let u = position[edge.source], let v = position[edge.target] else { continue }
            if edge.source == ego || edge.target == ego {
                let alter = edge.source == ego ? edge.target : edge.source
                let circle = circleOf[alter] ?? layers.count
                scene.edges.append(MapScene.Edge(
                    source: u, target: v, color: circle == 0 ? "#333333AA" : "#77777755",
                    penWidth: max(0.3, 2.0 - 0.4 * Double(circle)), style: "solid",
                    tooltip: Tooltip.edge(edge, data: data, kind: ringName(circle)), cssClass: "ego-tie"))
            } else if (circleOf[edge.source] ?? layers.count) < layers.count, (circleOf[edge.target] ?? layers.count) < layers.count {
                // Ties among the 150 closest only: beyond, they hide the picture.
                let weak = data.isWeak[edge.id]
                scene.edges.append(MapScene.Edge(
                    source: u, target: v, color: weak ? "#AAAAAA66" : "#88888877", penWidth: 0.4,
                    style: weak ? "dashed" : "solid", tooltip: Tooltip.edge(edge, data: data, kind: weak ? "weak tie" : "tie"),
                    cssClass: weak ? "weak" : "tie"))
            }
        }
        scene.legend = coloring.legend + [
            .init(color: nil, text: "rings: Dunbar circles by tie strength (5, 15, 50, 150)"),
            .init(color: nil, text: "lines: ties to \(name), and among the 150 closest"),
            .init(color: nil, text: "size: tie strength to \(name)"),
        ]
        return scene
    }
}
