import CercleCore
import Foundation

/// Hover text of SVG nodes and edges: who a person is (name, title, organisation), their
/// community and the sizing measure. Built from the graph it is given, so a redacted
/// graph gives redacted tooltips; e-mail addresses and phone numbers are never shown.
enum Tooltip {
    static func person(_ node: NodeIndex, data: MapData, metric: String) -> String {
        let graph = data.graph
        var lines = [graph.label(of: node)]
        let title = graph.nodeAttributes[PersonField.title]?.text(at: Int(node))
        let organisation = graph.nodeAttributes[PersonField.organisation]?.text(at: Int(node))
        let role = [title, organisation].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
        if !role.isEmpty { lines.append(role) }
        let community = data.partition[node]
        let profile = community < data.profiles.count ? " (\(data.profiles[community].label))" : ""
        lines.append("community \(community)\(profile)")
        lines.append("\(metric) \(format(data.sizeScores[node])) · \(graph.degree(of: node)) ties")
        return lines.joined(separator: "\n")
    }

    static func edge(_ edge: Edge, data: MapData, kind: String) -> String {
        let graph = data.graph
        var text = "\(graph.label(of: edge.source)) — \(graph.label(of: edge.target)): \(kind)"
        if !graph.isUnweighted { text += ", strength \(format(edge.weight))" }
        if let channels = graph.edgeAttributes[TieField.channels]?.text(at: edge.id), !channels.isEmpty {
            text += " (\(channels))"
        }
        return text
    }

    static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
