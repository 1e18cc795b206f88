import CercleAnalysis
import CercleCore
import Foundation

/// One node per community, its area proportional to its members and its label the
/// community's profile ("Acme · Retail"); one edge per pair of communities with ties
/// between them, as thick as the sum of those ties' strengths.
///
/// - Complexity: O(*n* + *m*) to aggregate; the layout then works on the (small)
///   community graph.
public enum CommunityMap {
    public static func scene(_ data: MapData, options: MapOptions) -> MapScene {
        let graph = data.graph, partition = data.partition
        let sizes = partition.sizes
        let rank = NodeColoring.communityRanks(partition)
        let order = sizes.indices.sorted { rank[$0] < rank[$1] }
        let engine = options.engine ?? (order.count <= options.neatoLimit ? "neato" : "sfdp")
        var scene = MapScene(kind: .communities, title: options.title ?? NetworkMap.title(of: graph),
                             subtitle: "community map · " + NetworkMap.subtitle(graph, data: data, nodes: graph.nodeCount, options: options),
                             engine: engine)
        scene.graphAttributes = NetworkMap.layoutAttributes(engine: engine, nodes: order.count) + [("splines", "true")]

        var between: [Int: Double] = [:], counts: [Int: Int] = [:]
        var internalTies = [Int](repeating: 0, count: sizes.count)
        for edge in graph.edges {
            let a = partition[edge.source], b = partition[edge.target]
            if a == b { internalTies[a] += 1; continue }
            let key = min(a, b) * sizes.count + max(a, b)
            between[key, default: 0] += graph.isUnweighted ? 1 : edge.weight
            counts[key, default: 0] += 1
        }
        let largest = Double(sizes.max() ?? 1)
        var position = [Int](repeating: -1, count: sizes.count)
        for community in order {
            position[community] = scene.nodes.count
            let profile = community < data.profiles.count ? data.profiles[community] : nil
            let name = profile?.label ?? "community \(community)"
            let top = profile.map { $0.members.prefix(3).map { graph.label(of: $0) }.joined(separator: ", ") } ?? ""
            let fill = NodeColoring.color(rank[community])
            let diameter = 0.45 + 2.2 * (Double(sizes[community]) / largest).squareRoot()
            scene.nodes.append(MapScene.Node(
                id: "c\(community)", source: community, label: "\(name)\n\(sizes[community]) people",
                tooltip: "\(name): \(sizes[community]) people, \(internalTies[community]) ties inside\nmost central: \(top)",
                fill: fill, size: diameter, penWidth: 0.8, insideLabel: true,
                fontSize: max(8, min(14, 6 + 8 * diameter / 2.65)), cssClass: "community"))
        }
        let heaviest = between.values.max() ?? 1
        for (key, weight) in between.sorted(by: { $0.key < $1.key }) {
            let a = key / sizes.count, b = key % sizes.count
            scene.edges.append(MapScene.Edge(
                source: position[a], target: position[b], color: "#55555599",
                penWidth: 0.5 + 7 * (weight / heaviest).squareRoot(), style: "solid",
                tooltip: "\(counts[key, default: 0]) ties between community \(a) and community \(b)", cssClass: "tie"))
        }
        scene.legend = NodeColoring.communities(data).legend + [
            .init(color: nil, text: "area: members of the community"),
            .init(color: nil, text: "line width: ties between communities"),
        ]
        return scene
    }
}
