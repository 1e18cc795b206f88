import CercleCore
import Foundation

/// Burt's structural-hole measures: constraint, local constraint, effective size,
/// efficiency and hierarchy.
///
/// With `p_ij` the share of `i`'s ties that go to `j` (mutual weights
/// `(a_ij + a_ji) / Σ_k (a_ik + a_ki)`; 1/degree unweighted):
///
/// - **local (dyadic) constraint** `c_ij = (p_ij + Σ_{q ≠ i, j} p_iq p_qj)²`: how much
///   `i`'s investment is tied up in `j`, directly and through shared contacts;
/// - **constraint** `C_i = Σ_j c_ij`: low for brokers whose contacts are not connected;
/// - **effective size** `Σ_j (1 − Σ_{q ≠ i, j} p_iq m_jq)`, with `m_jq` the mutual weight
///   of `j` and `q` over `j`'s largest mutual weight: the non-redundant part of `i`'s
///   contacts. On an unweighted undirected graph this is Borgatti's shortcut
///   `n − 2t / n` (n contacts, t ties among them), which equals the general formula;
/// - **efficiency** `effective size / n`;
/// - **hierarchy** `H_i = Σ_j (c_ij / c̄) ln(c_ij / c̄) / (N ln N)` with `c̄ = C_i / N`:
///   0 when constraint is spread evenly over the `N` contacts, approaching 1 when it is
///   concentrated on one contact (Burt 1992, p. 71; defined for N ≥ 2, else 0).
///
/// **Conventions** (NetworkX's `constraint`, `local_constraint`, `effective_size`):
/// neighbours are predecessors ∪ successors; weights only when ``weighted`` is on (as
/// the mutual weight `a_ij + a_ji`); an isolated node gets NaN for constraint, effective
/// size and efficiency, as in NetworkX. Self-loops are ignored (`p_ij` is defined for
/// `j ≠ i`); NetworkX counts a loop in `i`'s total. `m_jq` divides by `j`'s largest
/// mutual weight, as Burt defines it and as NetworkX computes node by node; NetworkX
/// 3.6's vectorised path for all nodes at once (`nodes=None` with SciPy) divides by
/// `q`'s instead, so weighted effective sizes can differ from that path. igraph's
/// `constraint` uses the same `p_ij` and agrees on graphs without self-loops.
///
/// - Complexity: O(Σ_i d_i²) with sorted-adjacency merges (no dictionaries of
///   neighbours); nodes in parallel.
///
/// [Burt 1992] R. S. Burt, *Structural Holes: The Social Structure of Competition*,
/// Harvard University Press, ISBN 0-674-84371-1; [Borgatti 1997] "Structural holes:
/// unpacking Burt's redundancy measures", *Connections* 20(1):35–38.
public struct BurtConstraint: Sendable {
    /// Read edge weights as tie strengths (`a_ij`); otherwise every tie weighs 1.
    public var weighted = false

    public init(weighted: Bool = false) {
        self.weighted = weighted
    }

    /// All four node measures.
    public struct Result: Sendable, Equatable {
        public var constraint: NodeScores
        public var effectiveSize: NodeScores
        public var efficiency: NodeScores
        public var hierarchy: NodeScores
    }

    public func run(on graph: ContactGraph) throws -> Result {
        let hood = UndirectedNeighbourhoods(graph, weighted: weighted)
        let n = hood.nodeCount
        let p = proportions(hood)
        let mirror = hood.mirrorSlots()
        // Largest mutual weight of every node, for effective size.
        var largest = [Double](repeating: 0, count: n)
        for u in 0..<n { for slot in hood.range(u) { largest[u] = max(largest[u], hood.weights[slot]) } }
        let borgatti = !weighted && !graph.isDirected
        let rows = try Parallel.map(count: n) { range -> [(Double, Double, Double)] in
            var result: [(Double, Double, Double)] = []
            result.reserveCapacity(range.count)
            var local: [Double] = []
            for i in range {
                let degree = hood.degree(i)
                guard degree > 0 else {
                    result.append((.nan, .nan, 0))
                    continue
                }
                local.removeAll(keepingCapacity: true)
                var constraint = 0.0
                var redundancy = 0.0
                var ties = 0
                for slot in hood.range(i) {
                    let j = Int(hood.targets[slot])
                    // Σ_q p_iq p_qj and Σ_q p_iq m_jq over the common neighbours q of i and j.
                    var indirect = 0.0
                    var redundant = 0.0
                    var a = hood.offsets[i], b = hood.offsets[j]
                    let aEnd = hood.offsets[i + 1], bEnd = hood.offsets[j + 1]
                    while a < aEnd, b < bEnd {
                        let x = hood.targets[a], y = hood.targets[b]
                        if x < y { a += 1 } else if x > y { b += 1 } else {
                            indirect += p[a] * p[mirror[b]]  // p_iq · p_qj
                            if !borgatti { redundant += p[a] * hood.weights[b] / largest[j] }
                            ties += 1
                            a += 1
                            b += 1
                        }
                    }
                    let cij = (p[slot] + indirect) * (p[slot] + indirect)
                    local.append(cij)
                    constraint += cij
                    redundancy += redundant
                }
                let size = Double(degree)
                // Each tie among i's contacts was counted from both ends: t = ties / 2.
                let effective = borgatti ? size - Double(ties) / size : size - redundancy
                result.append((constraint, effective, Self.hierarchy(local, total: constraint)))
            }
            return result
        }.flatMap { $0 }
        let degrees = (0..<n).map { Double(hood.degree($0)) }
        return Result(
            constraint: NodeScores(name: "constraint", values: rows.map(\.0)),
            effectiveSize: NodeScores(name: "effective_size", values: rows.map(\.1)),
            efficiency: NodeScores(name: "efficiency", values: rows.indices.map {
                degrees[$0] > 0 ? rows[$0].1 / degrees[$0] : .nan
            }),
            hierarchy: NodeScores(name: "hierarchy", values: rows.map(\.2)))
    }

    /// The local constraint `c_ij` of `i` on each of its contacts, in neighbour order.
    public func localConstraint(of node: NodeIndex, on graph: ContactGraph) -> [(contact: NodeIndex, constraint: Double)] {
        let hood = UndirectedNeighbourhoods(graph, weighted: weighted)
        let p = proportions(hood)
        let mirror = hood.mirrorSlots()
        let i = Int(node)
        return hood.range(i).map { slot in
            let j = Int(hood.targets[slot])
            var indirect = 0.0
            var a = hood.offsets[i], b = hood.offsets[j]
            while a < hood.offsets[i + 1], b < hood.offsets[j + 1] {
                let x = hood.targets[a], y = hood.targets[b]
                if x < y { a += 1 } else if x > y { b += 1 } else { indirect += p[a] * p[mirror[b]]; a += 1; b += 1 }
            }
            return (NodeIndex(j), (p[slot] + indirect) * (p[slot] + indirect))
        }
    }

    /// `p_ij` for every slot: the mutual weight over the node's total.
    func proportions(_ hood: UndirectedNeighbourhoods) -> [Double] {
        var p = [Double](repeating: 0, count: hood.targets.count)
        for u in 0..<hood.nodeCount {
            let total = hood.range(u).reduce(0.0) { $0 + hood.weights[$1] }
            guard total > 0 else { continue }
            for slot in hood.range(u) { p[slot] = hood.weights[slot] / total }
        }
        return p
    }

    /// Burt's hierarchy of one node from its local constraints.
    static func hierarchy(_ local: [Double], total: Double) -> Double {
        let count = Double(local.count)
        guard local.count > 1, total > 0 else { return 0 }
        let mean = total / count
        var sum = 0.0
        for c in local where c > 0 {
            let ratio = c / mean
            sum += ratio * log(ratio)
        }
        return sum / (count * log(count))
    }
}
