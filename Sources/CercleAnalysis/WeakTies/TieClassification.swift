import CercleCore
import Foundation

/// Strong and weak ties, and whether each tie crosses between communities.
///
/// A tie is **weak** when its strength is below a threshold: by default the median
/// strength of all ties (the 0.5 quantile, "the weaker half"), or a fixed value. In
/// contact graphs built by Cercle, strength is the tie-strength model's score; in
/// plain graph files it is the edge weight.
///
/// - Complexity: O(*m* log *m*) for the quantile.
public struct TieClassification: Sendable {
    /// A fixed threshold; `nil` uses ``quantile`` of the strengths.
    public var threshold: Double?
    /// The quantile of the strength distribution used as the threshold.
    public var quantile = 0.5

    public init(threshold: Double? = nil, quantile: Double = 0.5) {
        precondition((0...1).contains(quantile), "quantile in [0, 1]")
        self.threshold = threshold
        self.quantile = quantile
    }

    public struct Result: Sendable, Equatable {
        /// Whether each edge (by id) is weak.
        public var isWeak: [Bool]
        /// The threshold used.
        public var threshold: Double
    }

    public func run(on graph: ContactGraph) -> Result {
        let strengths = graph.edgeWeights()
        let cut = threshold ?? Self.quantile(strengths, quantile)
        return Result(isWeak: strengths.map { $0 < cut }, threshold: cut)
    }

    /// Whether each edge joins two different communities.
    public static func crossesCommunities(_ graph: ContactGraph, partition: Partition) -> [Bool] {
        graph.edges.map { partition[$0.source] != partition[$0.target] }
    }

    /// The `q`-quantile with linear interpolation (NumPy's default), 0 for no value.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

/// Granovetter's hypothesis, measured on one network: are bridges weak ties, and does
/// overlap grow with strength (Onnela et al. 2007)?
public struct GranovetterSummary: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var group: String
        public var edges: Int
        public var weakShare: Double
        public var meanOverlap: Double
    }

    /// All ties, bridges, local bridges, other ties: their count, share of weak ties and
    /// mean overlap.
    public var byKind: [Row]
    /// Ties in strength deciles (weakest first): mean overlap of each (NaN when empty).
    public var overlapByStrengthDecile: [Double]

    public init(graph: ContactGraph, weak: [Bool], bridges: [Bool], localBridges: [Bool], overlap: [Double]) {
        func row(_ name: String, _ include: (Int) -> Bool) -> Row {
            let ids = (0..<graph.edgeCount).filter(include)
            let weakCount = ids.filter { weak[$0] }.count
            let overlapSum = ids.reduce(0.0) { $0 + overlap[$1] }
            return Row(group: name, edges: ids.count,
                       weakShare: ids.isEmpty ? .nan : Double(weakCount) / Double(ids.count),
                       meanOverlap: ids.isEmpty ? .nan : overlapSum / Double(ids.count))
        }
        byKind = [
            row("all ties") { _ in true },
            row("bridges") { bridges[$0] },
            row("local bridges") { localBridges[$0] },
            row("other ties") { !localBridges[$0] && !bridges[$0] },
        ]
        let strengths = graph.edgeWeights()
        let order = strengths.indices.sorted { strengths[$0] != strengths[$1] ? strengths[$0] < strengths[$1] : $0 < $1 }
        overlapByStrengthDecile = (0..<10).map { decile in
            let slice = order[(order.count * decile / 10)..<(order.count * (decile + 1) / 10)]
            return slice.isEmpty ? .nan : slice.reduce(0.0) { $0 + overlap[$1] } / Double(slice.count)
        }
    }
}
