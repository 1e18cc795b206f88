// cercle-bench: loads an edge list once and times one analysis case, for the
// side-by-side comparison run by Benchmarks/run. Prints one JSON object on stdout.
//
//   cercle-bench CASE FILE [--repeat R] [--budget SECONDS] [--sources K] [--epsilon E] [--delta D] [--seed S]
//
// Threads follow CERCLE_THREADS (default: every core). Peak memory is the process's
// maximum resident set (getrusage), which covers the graph and the case.
import CercleAnalysis
import CercleBuiltins
import CercleCore
import CerclePlugin
import Foundation

struct Failure: Error, CustomStringConvertible {
    let description: String
}

func residentKilobytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

func peakKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func load(_ path: String) throws -> ContactGraph {
    var builder = GraphBuilder()
    let input = ImportInput(url: URL(fileURLWithPath: path), displayName: path)
    var report = try PluginRegistry.builtIn.read([input], into: &builder)
    return PluginRegistry.build(builder, report: &report)
}

/// Runs one case and returns a short summary of its result (so the work cannot be
/// optimised away, and results can be compared with the peers').
func run(_ name: String, on graph: ContactGraph, options: [String: String]) throws -> [String: Double] {
    let seed = UInt64(options["seed"] ?? "1") ?? 1
    switch name {
    case "degree":
        let degrees = DegreeCentrality.degrees(graph)
        return ["max_degree": Double(degrees.max() ?? 0)]
    case "pagerank":
        let scores = try PageRank().run(on: graph)
        return ["max": scores.values.max() ?? 0]
    case "betweenness":
        var algorithm = BetweennessCentrality()
        if let text = options["sources"], let k = Int(text), k < graph.nodeCount {
            var random = SplitMix(seed: seed)
            var nodes = Array(0..<Int32(graph.nodeCount))
            for i in 0..<k { nodes.swapAt(i, i + Int(random.next() % UInt64(graph.nodeCount - i))) }
            algorithm.sources = Array(nodes[0..<k])
        }
        let scores = try algorithm.run(on: graph)
        return ["max": scores.values.max() ?? 0, "sources": Double(algorithm.sources?.count ?? graph.nodeCount)]
    case "approx_betweenness":
        let epsilon = Double(options["epsilon"] ?? "0.05") ?? 0.05
        let delta = Double(options["delta"] ?? "0.1") ?? 0.1
        let result = try ApproximateBetweenness(epsilon: epsilon, delta: delta, seed: seed).run(on: graph)
        return ["max": result.scores.values.max() ?? 0, "samples": Double(result.samples)]
    case "closeness":
        let scores = try ClosenessCentrality().run(on: graph)
        return ["max": scores.values.max() ?? 0]
    case "harmonic":
        let scores = try HarmonicCentrality().run(on: graph)
        return ["max": scores.values.max() ?? 0]
    case "kcore":
        let scores = CoreDecomposition.coreness(graph)
        return ["max_core": scores.values.max() ?? 0]
    case "louvain":
        let partition = try Louvain(seed: seed).run(on: graph)
        return ["modularity": try Modularity.undirected(partition, on: graph), "communities": Double(partition.count)]
    case "leiden":
        let partition = try Leiden(seed: seed).run(on: graph)
        return ["modularity": try Modularity.undirected(partition, on: graph), "communities": Double(partition.count)]
    case "constraint":
        let result = try BurtConstraint().run(on: graph)
        let values = result.constraint.values.filter { $0.isFinite }
        return ["mean": values.reduce(0, +) / Double(max(1, values.count))]
    case "local_bridges":
        let result = LocalBridges.find(graph)
        return ["local_bridges": Double(result.isLocalBridge.filter { $0 }.count)]
    default:
        throw Failure(description: "unknown case '\(name)'")
    }
}

/// A small deterministic generator for sampling sources.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func main() throws {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 2 else {
        throw Failure(description: "usage: cercle-bench CASE FILE [--repeat R] [--sources K] [--epsilon E] [--delta D] [--seed S]")
    }
    let name = arguments[0], path = arguments[1]
    var options: [String: String] = [:]
    var index = 2
    while index + 1 < arguments.count {
        options[String(arguments[index].drop { $0 == "-" })] = arguments[index + 1]
        index += 2
    }
    let repeats = max(1, Int(options["repeat"] ?? "1") ?? 1)
    let threads = ProcessInfo.processInfo.environment["CERCLE_THREADS"].flatMap(Int.init)
        ?? ProcessInfo.processInfo.activeProcessorCount
    let baseline = residentKilobytes()

    var start = now()
    var graph = try load(path)
    let loadSeconds = now() - start
    var seconds: [Double] = []
    var summary: [String: Double] = [:]
    // Betweenness from K sampled sources stands for the whole run: scale by n / K, as the
    // peers' scripts do.
    var extrapolation = 1.0
    if name == "betweenness", let text = options["sources"], let k = Int(text), k > 0, k < graph.nodeCount {
        extrapolation = Double(graph.nodeCount) / Double(k)
    }
    if name == "load" {
        seconds.append(loadSeconds)
        for _ in 1..<repeats {
            start = now()
            graph = try load(path)
            seconds.append(now() - start)
        }
        summary = ["nodes": Double(graph.nodeCount), "edges": Double(graph.edgeCount)]
    } else {
        // Repetitions stop once the case has used `budget` seconds (at least one run).
        let budget = Double(options["budget"] ?? "") ?? .infinity
        var spent = 0.0
        for _ in 0..<repeats where spent < budget {
            start = now()
            summary = try run(name, on: graph, options: options)
            let elapsed = now() - start
            spent += elapsed
            seconds.append(elapsed * extrapolation)
        }
    }
    let record: [String: Any] = [
        "tool": "cercle", "case": name, "threads": threads, "seconds": seconds, "load_seconds": loadSeconds,
        "extrapolation": extrapolation,
        "rss_kb_before_load": baseline, "rss_kb_peak": peakKilobytes(),
        "nodes": graph.nodeCount, "edges": graph.edgeCount, "summary": summary,
    ]
    let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("cercle-bench: \(error)\n".utf8))
    exit(1)
}
