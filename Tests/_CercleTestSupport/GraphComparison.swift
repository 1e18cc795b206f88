import CercleCore
import Foundation

/// Compares two graphs by what a file format carries: node ids, edges with weights, and
/// node and edge attribute values, indexed by ids rather than by node or edge index.
public enum GraphComparison {
    /// The differences between `expected` and `actual`, as readable lines (empty when
    /// the graphs are the same).
    ///
    /// - Parameters:
    ///   - transform: what a format makes of a value (`.date` → `.string`, …); applied to
    ///     `expected` values. Returning `nil` says the format drops the value.
    ///   - ignoringNodeAttributes / ignoringEdgeAttributes: names left out on both sides.
    ///   - checkAttributes: `false` compares structure and weights only.
    public static func differences(
        _ expected: ContactGraph, _ actual: ContactGraph,
        transform: (AttributeValue) -> AttributeValue? = { $0 },
        ignoringNodeAttributes: Set<String> = [], ignoringEdgeAttributes: Set<String> = [],
        checkAttributes: Bool = true, limit: Int = 20
    ) -> [String] {
        var problems: [String] = []
        if expected.isDirected != actual.isDirected {
            problems.append("directed: \(expected.isDirected) vs \(actual.isDirected)")
        }
        let expectedIDs = Set(expected.ids)
        let actualIDs = Set(actual.ids)
        for id in expectedIDs.subtracting(actualIDs).sorted().prefix(5) { problems.append("node \(id) missing") }
        for id in actualIDs.subtracting(expectedIDs).sorted().prefix(5) { problems.append("node \(id) unexpected") }
        if checkAttributes {
            let actualLookup = NodeLookup(actual)
            for node in 0..<expected.nodeCount {
                let id = expected.ids[node]
                guard let other = actualLookup[id] else { continue }
                let want = values(expected.nodeAttributes, row: node, ignoring: ignoringNodeAttributes, transform: transform)
                let got = values(actual.nodeAttributes, row: Int(other), ignoring: ignoringNodeAttributes, transform: { $0 })
                if !same(want, got) { problems.append("node \(id): \(describe(want)) vs \(describe(got))") }
                if problems.count >= limit { return problems }
            }
        }
        let wantEdges = edges(expected, ignoring: ignoringEdgeAttributes, transform: transform)
        let gotEdges = edges(actual, ignoring: ignoringEdgeAttributes, transform: { $0 })
        for key in Set(wantEdges.keys).subtracting(gotEdges.keys).sorted().prefix(5) { problems.append("edge \(key) missing") }
        for key in Set(gotEdges.keys).subtracting(wantEdges.keys).sorted().prefix(5) { problems.append("edge \(key) unexpected") }
        for (key, want) in wantEdges.sorted(by: { $0.key < $1.key }) {
            guard let got = gotEdges[key] else { continue }
            if !isClose(want.weight, got.weight, tolerance: 1e-12) {
                problems.append("edge \(key): weight \(want.weight) vs \(got.weight)")
            }
            if checkAttributes, !same(want.attributes, got.attributes) {
                problems.append("edge \(key): \(describe(want.attributes)) vs \(describe(got.attributes))")
            }
            if problems.count >= limit { return problems }
        }
        return problems
    }

    /// A stable key of an edge by its endpoint ids (undirected: the smaller id first).
    public static func edgeKey(_ source: String, _ target: String, directed: Bool) -> String {
        directed || source <= target ? "\(source) -> \(target)" : "\(target) -> \(source)"
    }

    static func values(
        _ table: AttributeTable, row: Int, ignoring: Set<String>, transform: (AttributeValue) -> AttributeValue?
    ) -> [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        for column in table.columns where !ignoring.contains(column.name) {
            if let value = column[row], let kept = transform(value) { result[column.name] = kept }
        }
        return result
    }

    static func edges(
        _ graph: ContactGraph, ignoring: Set<String>, transform: (AttributeValue) -> AttributeValue?
    ) -> [String: (weight: Double, attributes: [String: AttributeValue])] {
        var result: [String: (Double, [String: AttributeValue])] = [:]
        for edge in graph.edges {
            let key = edgeKey(graph.ids[Int(edge.source)], graph.ids[Int(edge.target)], directed: graph.isDirected)
            result[key] = (edge.weight, values(graph.edgeAttributes, row: edge.id, ignoring: ignoring.union(["weight"]), transform: transform))
        }
        return result
    }

    static func same(_ a: [String: AttributeValue], _ b: [String: AttributeValue]) -> Bool {
        guard a.count == b.count else { return false }
        for (name, value) in a {
            guard let other = b[name] else { return false }
            if case .double(let x) = value, case .double(let y) = other {
                if !(x == y || (x.isNaN && y.isNaN)) { return false }
            } else if value != other {
                return false
            }
        }
        return true
    }

    static func describe(_ values: [String: AttributeValue]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
