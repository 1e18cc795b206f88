import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation

/// The reference networks of `shared/data`, loaded once per test process.
public enum ReferenceGraphs {
    private static let cache = GraphCache()

    /// The graph of a network or synthetic graph, read from its CSV files as the
    /// reference values were computed (directed when the reference says so).
    public static func load(_ reference: ReferenceValues) throws -> ContactGraph {
        if let graph = cache.get(reference.name) { return graph }
        var options = ImportOptions()
        options.directed = reference.isDirected ? true : nil
        let (graph, _) = try TestGraphs.load(try reference.files(), registry: .builtIn, options: options)
        cache.set(reference.name, graph)
        return graph
    }

    /// Every graph with reference values: the real networks, then the synthetic ones.
    public static var all: [ReferenceValues] {
        (Fixtures.networkNames.compactMap { try? ReferenceValues(network: $0) }
            + Fixtures.syntheticNames.compactMap { try? ReferenceValues(synthetic: $0) })
    }

    /// Names of every graph with reference values (for parameterised tests).
    public static var names: [String] { Fixtures.networkNames + Fixtures.syntheticNames.map { "synthetic/\($0)" } }

    /// The reference values named as in ``names``.
    public static func reference(_ name: String) throws -> ReferenceValues {
        name.hasPrefix("synthetic/") ? try ReferenceValues(synthetic: String(name.dropFirst(10))) : try ReferenceValues(network: name)
    }
}

final class GraphCache: @unchecked Sendable {
    private var graphs: [String: ContactGraph] = [:]
    private let lock = NSLock()
    func get(_ name: String) -> ContactGraph? { lock.lock(); defer { lock.unlock() }; return graphs[name] }
    func set(_ name: String, _ graph: ContactGraph) { lock.lock(); graphs[name] = graph; lock.unlock() }
}

/// Compares per-node scores with a reference metric: every node where the reference
/// lists all, else its top 10. Returns a description of each mismatch.
public func mismatches(
    _ values: [Double], graph: ContactGraph, reference: ReferenceValues, metric: String, tolerance: Double
) -> [String] {
    let lookup = NodeLookup(graph)
    var expected: [(String, Double)] = []
    if let all = reference.all(metric) {
        expected = all.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    } else if let top = reference.top(metric) {
        expected = top.map { ($0.id, $0.value) }
    } else {
        return ["\(reference.name): no reference for \(metric)"]
    }
    var problems: [String] = []
    for (id, value) in expected {
        guard let node = lookup[id] else {
            problems.append("\(reference.name): node \(id) missing")
            continue
        }
        let actual = values[Int(node)]
        if !(abs(actual - value) <= tolerance) && !(actual.isNaN && value.isNaN) {
            problems.append("\(reference.name) \(metric) node \(id): \(actual) vs \(value)")
        }
    }
    return problems
}
