import CerclePlugin
import CercleCore
import Foundation

/// Where the tests find their data.
public enum Fixtures {
    /// The repository's root folder.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// The shared third-party data: `$CERCLE_SHARED_DATA`, else `../shared/data` beside the checkout.
    public static let sharedData: URL = {
        if let path = ProcessInfo.processInfo.environment["CERCLE_SHARED_DATA"] {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    /// A file under `Tests/Fixtures`.
    public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// A file under the shared data folder.
    public static func shared(_ path: String) -> URL { sharedData.appendingPathComponent(path) }

    /// The names of the real networks in `shared/data/networks` (those with a reference file).
    public static let networkNames: [String] = {
        let folder = shared("networks")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".reference.json") }
            .map { String($0.dropLast(".reference.json".count)) }.sorted()
    }()

    /// The names of the synthetic graphs in `shared/data/synthetic`.
    public static let syntheticNames: [String] = {
        let folder = shared("synthetic")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".reference.json") }
            .map { String($0.dropLast(".reference.json".count)) }.sorted()
    }()
}

/// Loading graphs for tests.
public enum TestGraphs {
    /// Reads files through the registry of `registry` into one graph.
    public static func load(
        _ urls: [URL], registry: PluginRegistry, options: ImportOptions = ImportOptions(),
        builder: GraphBuilder = GraphBuilder()
    ) throws -> (graph: ContactGraph, report: ImportReport) {
        var builder = builder
        var report = try registry.read(urls.map { ImportInput(url: $0) }, options: options, into: &builder)
        let graph = PluginRegistry.build(builder, report: &report)
        return (graph, report)
    }

    /// An undirected or directed graph from `(source, target, weight)` triples of ids.
    public static func make(
        _ edges: [(String, String, Double)], directed: Bool = false, isolated: [String] = [],
        selfLoops: GraphBuilder.SelfLoopPolicy = .keep
    ) -> ContactGraph {
        var builder = GraphBuilder(directed: directed, selfLoops: selfLoops)
        for (u, v, w) in edges { builder.addEdge(u, v, weight: w) }
        for id in isolated { _ = builder.node(id) }
        return builder.build()
    }

    /// An unweighted graph from `(source, target)` pairs of integers (ids are their text).
    public static func make(_ edges: [(Int, Int)], directed: Bool = false, nodeCount: Int? = nil) -> ContactGraph {
        var builder = GraphBuilder(directed: directed, selfLoops: .keep)
        if let nodeCount { for node in 0..<nodeCount { _ = builder.node(String(node)) } }
        for (u, v) in edges { builder.addEdge(String(u), String(v)) }
        return builder.build()
    }

    /// Named small graphs of the edge-case catalogue.
    public static func path(_ n: Int) -> ContactGraph { make((0..<max(0, n - 1)).map { ($0, $0 + 1) }, nodeCount: n) }
    public static func star(_ leaves: Int) -> ContactGraph { make((1...leaves).map { (0, $0) }, nodeCount: leaves + 1) }
    public static func complete(_ n: Int) -> ContactGraph {
        make((0..<n).flatMap { u in (u + 1..<n).map { (u, $0) } }, nodeCount: n)
    }
    public static func cycle(_ n: Int) -> ContactGraph { make((0..<n).map { ($0, ($0 + 1) % n) }, nodeCount: n) }
}

/// A deterministic generator for property tests and random graphs (SplitMix64).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension TestGraphs {
    /// An Erdős–Rényi G(n, m)-like random graph (no self-loops, duplicates merged).
    public static func random(nodes n: Int, edges m: Int, seed: UInt64, directed: Bool = false, weighted: Bool = false) -> ContactGraph {
        var generator = SeededGenerator(seed: seed)
        var builder = GraphBuilder(directed: directed)
        for node in 0..<n { _ = builder.node(String(node)) }
        for _ in 0..<m {
            let u = Int32.random(in: 0..<Int32(n), using: &generator)
            let v = Int32.random(in: 0..<Int32(n), using: &generator)
            builder.addEdge(u, v, weight: weighted ? Double(Int.random(in: 1...9, using: &generator)) : 1)
        }
        return builder.build()
    }
}

/// Approximate comparison.
public func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
    if a == b { return true }
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
