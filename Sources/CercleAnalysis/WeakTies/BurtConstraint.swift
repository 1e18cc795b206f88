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
/// - Complexity: O(Σ over ties of min(d_i, d_j)) time, as forward triangle listing:
///   each tie is visited once, from its endpoint of higher degree, by gathering the other
///   endpoint's sorted list against a dense per-thread vector (no dictionaries of
///   neighbours, no merges); O(m) memory for the per-slot terms and O(n) scratch per
///   thread; nodes in parallel.
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
        let mirror = hood.mirrorSlots()
        let totals = (0..<n).map { u in hood.range(u).reduce(0.0) { $0 + hood.weights[$1] } }
        // Largest mutual weight of every node, for effective size.
        var largest = [Double](repeating: 0, count: n)
        for u in 0..<n { for slot in hood.range(u) { largest[u] = max(largest[u], hood.weights[slot]) } }
        let borgatti = !weighted && !graph.isDirected
        // First pass: c_ij and the redundancy term of every slot, each tie visited once.
        var local = [Double](repeating: 0, count: hood.targets.count)
        var redundancy = [Double](repeating: 0, count: hood.targets.count)
        try local.withUnsafeMutableBufferPointer { local in
            try redundancy.withUnsafeMutableBufferPointer { redundancy in
                let output = TieOutput(local: local, redundancy: redundancy)
                _ = try Parallel.map(count: n) { range in
                    var kernel = TieKernel(hood: hood, mirror: mirror, totals: totals, largest: largest, borgatti: borgatti)
                    for i in range { kernel.visitTies(of: i, into: output) }
                }
            }
        }
        // Second pass: sums over each node's slots.
        let rows = try Parallel.map(count: n) { range in
            range.map { i -> (Double, Double, Double) in
                let slots = hood.range(i)
                guard !slots.isEmpty else { return (.nan, .nan, 0) }
                let size = Double(slots.count)
                let constraint = local[slots].reduce(0, +)
                let redundant = redundancy[slots].reduce(0, +)
                // Unweighted: the redundancy terms count each tie among i's contacts from
                // both ends (2t), and Borgatti's shortcut is n − 2t / n.
                let effective = borgatti ? size - redundant / size : size - redundant
                return (constraint, effective, Self.hierarchy(local[slots], total: constraint))
            }
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

    /// Where the first pass writes: one value per slot, each slot written by exactly one
    /// thread (the one that visits the tie), so the buffers are shared without locks.
    private struct TieOutput: @unchecked Sendable {
        let local: UnsafeMutableBufferPointer<Double>
        let redundancy: UnsafeMutableBufferPointer<Double>
    }

    /// The first pass of ``run(on:)``, with one thread's scratch space.
    ///
    /// Both halves of a tie share one sum over the common contacts `q` of `i` and `j`:
    /// `p_iq p_qj = a_iq a_qj / (T_i T_q)` and `p_jq p_qi = a_jq a_qi / (T_j T_q)` (with
    /// `T` a node's total mutual weight), so `S_ij = Σ_q a_iq a_jq / T_q` gives both
    /// indirect terms, and `R_ij = Σ_q a_iq a_jq` both redundancy terms
    /// (`Σ_q p_iq m_jq = R_ij / (T_i · max_j)`). Each tie is visited once, from the
    /// endpoint of higher (degree, index), and the sum runs over the other endpoint's
    /// list: Σ over ties of the smaller degree, as in forward triangle listing.
    ///
    /// While `i` is visited, `scratch[2q]` holds `a_iq / T_q` and `scratch[2q + 1]` holds
    /// `a_iq` (1 in Borgatti's case, so that the sum counts common contacts); both are 0
    /// for every `q` that is not `i`'s contact. Gathering a sorted list against this
    /// dense vector is a branch-free loop with one random access per step (a merge of
    /// two lists costs more steps and mispredicts). Arrays are read through unsafe
    /// buffers: this loop is the whole cost of the measure.
    private struct TieKernel {
        let hood: UndirectedNeighbourhoods
        let mirror: [Int]
        let totals: [Double]
        let largest: [Double]
        let borgatti: Bool
        var scratch: [Double]

        init(hood: UndirectedNeighbourhoods, mirror: [Int], totals: [Double], largest: [Double], borgatti: Bool) {
            self.hood = hood
            self.mirror = mirror
            self.totals = totals
            self.largest = largest
            self.borgatti = borgatti
            scratch = [Double](repeating: 0, count: 2 * hood.nodeCount)
        }

        /// Writes `c_ij`, `c_ji` and both redundancy terms of every tie of `i` whose
        /// other endpoint ranks lower.
        mutating func visitTies(of i: Int, into output: TieOutput) {
            let borgatti = borgatti
            hood.offsets.withUnsafeBufferPointer { offsets in
            hood.targets.withUnsafeBufferPointer { targets in
            hood.weights.withUnsafeBufferPointer { weights in
            mirror.withUnsafeBufferPointer { mirror in
            totals.withUnsafeBufferPointer { totals in
            largest.withUnsafeBufferPointer { largest in
            scratch.withUnsafeMutableBufferPointer { scratch in
                let own = offsets[i]..<offsets[i + 1]
                let degree = own.count
                var anyLower = false
                for slot in own {
                    let j = Int(targets[slot])
                    let d = offsets[j + 1] - offsets[j]
                    if d < degree || (d == degree && j < i) { anyLower = true; break }
                }
                guard anyLower else { return }
                for slot in own {
                    let q = Int(targets[slot])
                    scratch[2 * q] = totals[q] > 0 ? weights[slot] / totals[q] : 0
                    scratch[2 * q + 1] = borgatti ? 1 : weights[slot]
                }
                for slot in own {
                    let j = Int(targets[slot])
                    let theirs = offsets[j]..<offsets[j + 1]
                    guard theirs.count < degree || (theirs.count == degree && j < i) else { continue }
                    var shared = 0.0     // S_ij
                    var redundant = 0.0  // R_ij (common contacts in Borgatti's case)
                    if borgatti {
                        // Every a is 1.
                        for b in theirs {
                            let q = 2 * Int(targets[b])
                            shared += scratch[q]
                            redundant += scratch[q + 1]
                        }
                    } else {
                        for b in theirs {
                            let q = 2 * Int(targets[b])
                            shared += scratch[q] * weights[b]
                            redundant += scratch[q + 1] * weights[b]
                        }
                    }
                    let back = mirror[slot]
                    // p_ij and p_ji from the tie's mutual weight (the same on both sides)
                    // rather than from p[back], a random read that missed the cache.
                    let cij = totals[i] > 0 ? (weights[slot] + shared) / totals[i] : 0
                    let cji = totals[j] > 0 ? (weights[slot] + shared) / totals[j] : 0
                    output.local[slot] = cij * cij
                    output.local[back] = cji * cji
                    if borgatti {
                        output.redundancy[slot] = redundant
                        output.redundancy[back] = redundant
                    } else {
                        output.redundancy[slot] = totals[i] > 0 ? redundant / (totals[i] * largest[j]) : 0
                        output.redundancy[back] = totals[j] > 0 ? redundant / (totals[j] * largest[i]) : 0
                    }
                }
                for slot in own {
                    let q = Int(targets[slot])
                    scratch[2 * q] = 0
                    scratch[2 * q + 1] = 0
                }
            }}}}}}}
        }
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
    static func hierarchy<Local: Collection<Double>>(_ local: Local, total: Double) -> Double {
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
