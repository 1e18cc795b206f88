import CercleCore

/// Gould & Fernandez's brokerage roles: how often a node sits between two others that are
/// not tied, classified by the groups of the three.
///
/// A brokerage relation is a path `a → b → c` with `a ≠ c` and no tie `a → c`; `b` is the
/// broker. With `g(x)` the group of `x`:
///
/// | role | groups | picture |
/// |---|---|---|
/// | coordinator | `g(a) = g(b) = g(c)` | broker inside one group |
/// | itinerant (consultant) | `g(a) = g(c) ≠ g(b)` | an outsider links two members of one group |
/// | representative | `g(a) = g(b) ≠ g(c)` | speaks for its group to another |
/// | gatekeeper | `g(b) = g(c) ≠ g(a)` | lets an outsider into its group |
/// | liaison | all three different | links two groups it belongs to neither |
///
/// **Conventions**: directed graphs use the definition above (R's `sna::brokerage`
/// counts the same `(a, c)` pairs). Undirected graphs (the documented variant): each tie
/// counts both ways and each unordered pair `{a, c}` once, so a path whose broker shares
/// a group with exactly one end adds ½ to *representative* and ½ to *gatekeeper* (the two
/// readings of the same path). Groups are any node labels: communities, organisations,
/// sites; nodes without a group form one group "unknown" (give them distinct labels to
/// treat them as singletons).
///
/// - Complexity: O(Σ_b d⁻(b) d⁺(b) log d) — every pair of a broker's in- and
///   out-neighbours, the tie `a → c` found by binary search.
///
/// [Gould & Fernandez 1989] R. V. Gould, R. M. Fernandez, "Structures of mediation: a
/// formal approach to brokerage in transaction networks", *Sociological Methodology*
/// 19:89–126, doi:10.2307/270949.
public enum BrokerageRoles {
    public struct Result: Sendable, Equatable {
        public var coordinator: NodeScores
        public var itinerant: NodeScores
        public var representative: NodeScores
        public var gatekeeper: NodeScores
        public var liaison: NodeScores

        /// The total number of brokerage relations of each node.
        public var total: NodeScores {
            NodeScores(name: "brokerage", values: coordinator.values.indices.map {
                coordinator.values[$0] + itinerant.values[$0] + representative.values[$0]
                    + gatekeeper.values[$0] + liaison.values[$0]
            })
        }
    }

    /// Counts the roles of every node for the group labels `groups` (one per node).
    public static func compute(_ graph: ContactGraph, groups: [Int32]) -> Result {
        precondition(groups.count == graph.nodeCount, "one group per node")
        let n = graph.nodeCount
        var counts = [[Double]](repeating: [Double](repeating: 0, count: n), count: 5)
        for b in graph.nodes {
            let gb = groups[Int(b)]
            let predecessors = graph.inNeighbors(of: b)
            let successors = graph.neighbors(of: b)
            for a in predecessors where a != b {
                let ga = groups[Int(a)]
                for c in successors where c != b && c != a {
                    // Undirected: each unordered pair once.
                    if !graph.isDirected, c < a { continue }
                    guard !graph.hasEdge(from: a, to: c) else { continue }
                    let gc = groups[Int(c)]
                    let role: Int
                    if ga == gb, gb == gc {
                        role = 0
                    } else if ga == gc {
                        role = 1
                    } else if ga == gb {
                        role = 2
                    } else if gb == gc {
                        role = 3
                    } else {
                        role = 4
                    }
                    if !graph.isDirected, role == 2 || role == 3 {
                        counts[2][Int(b)] += 0.5
                        counts[3][Int(b)] += 0.5
                    } else {
                        counts[role][Int(b)] += 1
                    }
                }
            }
        }
        return Result(
            coordinator: NodeScores(name: "brokerage_coordinator", values: counts[0]),
            itinerant: NodeScores(name: "brokerage_itinerant", values: counts[1]),
            representative: NodeScores(name: "brokerage_representative", values: counts[2]),
            gatekeeper: NodeScores(name: "brokerage_gatekeeper", values: counts[3]),
            liaison: NodeScores(name: "brokerage_liaison", values: counts[4]))
    }

    /// Group labels from a node attribute: equal values share a group; missing values
    /// share the group "unknown".
    public static func groups(fromAttribute name: String, of graph: ContactGraph) -> [Int32]? {
        guard let column = graph.nodeAttributes[name] else { return nil }
        var labels: [String: Int32] = [:]
        return (0..<graph.nodeCount).map { node in
            let key = column.text(at: node) ?? "\u{0}unknown"
            if let known = labels[key] { return known }
            let next = Int32(labels.count)
            labels[key] = next
            return next
        }
    }
}
