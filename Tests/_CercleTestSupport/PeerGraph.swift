import CercleCore
import Foundation

/// A graph as a peer library (NetworkX, igraph) read it, for checking that the files
/// Cercle writes mean the same thing to them, and that Cercle reads theirs.
///
/// The peer runs in a Python subprocess and prints its graph as JSON: node ids, edges
/// and every attribute value tagged with its Python type.
public struct PeerGraph: Sendable {
    /// A value as the peer holds it.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case number(Double)
        case string(String)
        case bool(Bool)
        /// Lists, dictionaries: their Python `repr`.
        case other(String)

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): x == y || (x.isNaN && y.isNaN) || isClose(x, y, tolerance: 1e-12)
            case (.string(let x), .string(let y)): x == y
            case (.bool(let x), .bool(let y)): x == y
            case (.other(let x), .other(let y)): x == y
            default: false
            }
        }

        public var description: String {
            switch self {
            case .number(let x): AttributeValue.format(x)
            case .string(let x): "\"\(x)\""
            case .bool(let x): x ? "True" : "False"
            case .other(let x): x
            }
        }
    }

    public var directed: Bool
    public var nodes: [String: [String: Value]]
    public var edges: [(source: String, target: String, attributes: [String: Value])]

    /// What NetworkX reads with `expression` (Python, `path` names the file), e.g.
    /// `nx.read_graphml(path)`.
    public static func networkx(_ expression: String, file: URL) throws -> PeerGraph {
        try run(prelude: "import networkx as nx", expression: expression, file: file, nameAttribute: nil)
    }

    /// What igraph reads with `expression` (e.g. `igraph.Graph.Read_GraphML(path)`), the
    /// vertex attribute `nameAttribute` naming the nodes (`id` for GraphML, `label` for GML).
    public static func igraph(_ expression: String, file: URL, nameAttribute: String) throws -> PeerGraph {
        try run(prelude: "import igraph", expression: expression, file: file, nameAttribute: nameAttribute)
    }

    static let dumper = """
        import sys, json, warnings
        warnings.simplefilter("ignore")
        def val(v):
            if isinstance(v, bool): return {"b": v}
            if isinstance(v, (int, float)): return {"n": repr(float(v))}
            if isinstance(v, str): return {"s": v}
            return {"o": repr(v)}
        def attrs(d, skip=()):
            return {str(k): val(x) for k, x in d.items() if k not in skip and x is not None}
        """

    static func run(prelude: String, expression: String, file: URL, nameAttribute: String?) throws -> PeerGraph {
        var script = prelude + "\n" + dumper + "\npath = sys.argv[1]\ng = " + expression + "\n"
        if let nameAttribute {
            script += """
                key = "\(nameAttribute)"
                names = [str(x) for x in g.vs[key]]
                out = {"directed": g.is_directed(),
                       "nodes": {names[v.index]: attrs(v.attributes(), (key,)) for v in g.vs},
                       "edges": [[names[e.source], names[e.target], attrs(e.attributes())] for e in g.es]}
                json.dump(out, sys.stdout)
                """
        } else {
            script += """
                out = {"directed": g.is_directed(),
                       "nodes": {str(n): attrs(d) for n, d in g.nodes(data=True)},
                       "edges": [[str(u), str(v), attrs(d)] for u, v, d in g.edges(data=True)]}
                json.dump(out, sys.stdout)
                """
        }
        let result = try Subprocess.python(script, [file.path])
        guard result.status == 0 else {
            throw PeerError(message: "peer failed on \(file.lastPathComponent): \(result.stderr.suffix(2_000))")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw PeerError(message: "peer printed no JSON object")
        }
        return PeerGraph(json: object)
    }

    init(json: [String: Any]) {
        directed = json["directed"] as? Bool ?? false
        nodes = [:]
        for (id, attributes) in json["nodes"] as? [String: Any] ?? [:] {
            nodes[id] = Self.values(attributes)
        }
        edges = (json["edges"] as? [[Any]] ?? []).map { triple in
            (triple[0] as? String ?? "", triple[1] as? String ?? "", Self.values(triple[2]))
        }
    }

    static func values(_ object: Any) -> [String: Value] {
        var result: [String: Value] = [:]
        for (name, tagged) in object as? [String: [String: Any]] ?? [:] {
            if let flag = tagged["b"] as? Bool {
                result[name] = .bool(flag)
            } else if let number = tagged["n"] as? String {
                result[name] = .number(AttributeColumn.parseDouble(number) ?? .nan)
            } else if let text = tagged["s"] as? String {
                result[name] = .string(text)
            } else {
                result[name] = .other(tagged["o"] as? String ?? "")
            }
        }
        return result
    }

    /// The differences between `graph` and what the peer read, as readable lines.
    ///
    /// - Parameters:
    ///   - expected: what the peer should hold for one of our values (`nil`: not checked).
    ///   - ignoring: peer attributes to leave out (`label`, `viz`, igraph's `id`).
    ///   - checkExtras: whether a peer attribute absent from `graph` is a difference.
    public func differences(
        from graph: ContactGraph, expected: (AttributeValue) -> Value? = PeerGraph.standard,
        ignoringNode: Set<String> = [], ignoringEdge: Set<String> = [], checkExtras: Bool = true, limit: Int = 20
    ) -> [String] {
        var problems: [String] = []
        if directed != graph.isDirected { problems.append("directed: \(graph.isDirected) vs peer \(directed)") }
        let ours = Set(graph.ids)
        let theirs = Set(nodes.keys)
        for id in ours.subtracting(theirs).sorted().prefix(5) { problems.append("node \(id) missing in the peer") }
        for id in theirs.subtracting(ours).sorted().prefix(5) { problems.append("node \(id) only in the peer") }
        for node in 0..<graph.nodeCount {
            guard let peer = nodes[graph.ids[node]] else { continue }
            compare(graph.nodeAttributes, row: node, peer: peer, what: "node \(graph.ids[node])", expected: expected,
                    ignoring: ignoringNode, checkExtras: checkExtras, into: &problems)
            if problems.count >= limit { return problems }
        }
        var peerEdges: [String: [String: Value]] = [:]
        for edge in edges {
            let key = GraphComparison.edgeKey(edge.source, edge.target, directed: directed)
            if peerEdges[key] != nil { problems.append("edge \(key) twice in the peer") }
            peerEdges[key] = edge.attributes
        }
        var ourKeys = Set<String>()
        for edge in graph.edges {
            let key = GraphComparison.edgeKey(graph.ids[Int(edge.source)], graph.ids[Int(edge.target)], directed: graph.isDirected)
            ourKeys.insert(key)
            guard var peer = peerEdges[key] else {
                problems.append("edge \(key) missing in the peer")
                continue
            }
            let weight = peer.removeValue(forKey: "weight")
            switch weight {
            case .number(let value)? where isClose(value, edge.weight, tolerance: 1e-12): break
            case nil where edge.weight == 1: break
            default: problems.append("edge \(key): weight \(edge.weight) vs peer \(weight.map(\.description) ?? "none")")
            }
            compare(graph.edgeAttributes, row: edge.id, peer: peer, what: "edge \(key)", expected: expected,
                    ignoring: ignoringEdge.union(["weight"]), checkExtras: checkExtras, into: &problems)
            if problems.count >= limit { return problems }
        }
        for key in Set(peerEdges.keys).subtracting(ourKeys).sorted().prefix(5) { problems.append("edge \(key) only in the peer") }
        return problems
    }

    private func compare(
        _ table: AttributeTable, row: Int, peer: [String: Value], what: String, expected: (AttributeValue) -> Value?,
        ignoring: Set<String>, checkExtras: Bool, into problems: inout [String]
    ) {
        for column in table.columns where !ignoring.contains(column.name) {
            guard let value = column[row], let want = expected(value) else { continue }
            if peer[column.name] != want {
                problems.append("\(what) \(column.name): \(want) vs peer \(peer[column.name].map(\.description) ?? "none")")
            }
        }
        guard checkExtras else { return }
        for (name, value) in peer where !ignoring.contains(name) && (table[name]?[row] == nil) {
            problems.append("\(what) \(name): none vs peer \(value)")
        }
    }

    /// What NetworkX holds for a value written as GraphML/GEXF types: numbers as numbers,
    /// booleans as booleans, dates as ISO 8601 text, lists joined by `;`.
    public static func standard(_ value: AttributeValue) -> Value? {
        switch value {
        case .integer(let x): .number(Double(x))
        case .double(let x): .number(x)
        case .bool(let x): .bool(x)
        case .string, .date, .stringList: .string(value.text)
        }
    }
}

/// A peer subprocess that failed.
public struct PeerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
