import CercleCore
import Foundation

/// How an edge's weight enters a measure.
///
/// Contact ties carry *strengths* (larger = closer), while shortest paths need
/// *distances* (larger = farther). Every measure says which conventions it accepts and
/// never reads a weight the caller did not ask for.
///
/// | convention | path measures use | other measures use |
/// |---|---|---|
/// | `none` | 1 per edge (hop count) | 1 per edge |
/// | `strength` | — (refused: a strength is not a length) | the weight |
/// | `inverse` | `1 / w` | — |
/// | `neglog` | `−log w`, for `w` in (0, 1]: the most probable path | — |
/// | `distance` | `w` itself (NetworkX's `weight=` on betweenness and closeness) | — |
public enum EdgeWeighting: String, Sendable, CaseIterable {
    case none
    case strength
    case inverse
    case neglog
    case distance

    /// Whether this convention gives distances for path measures.
    public var isPathConvention: Bool { self != .strength }

    /// Whether this convention gives closeness weights for flow and spectral measures.
    public var isStrengthConvention: Bool { self == .none || self == .strength }

    /// The length of each adjacency slot (parallel to `graph.weights`), or `nil` for
    /// hop counts.
    ///
    /// - Throws: ``AnalysisError`` for `strength` (not a length) and for weights the
    ///   convention cannot turn into a non-negative length (`inverse` of 0 or less,
    ///   `neglog` outside (0, 1], a negative distance).
    func lengths(_ graph: ContactGraph, measure: String) throws -> [Double]? {
        switch self {
        case .none:
            return nil
        case .strength:
            throw AnalysisError.invalidWeights(
                "\(measure) needs distances; strengths are not lengths: use --weight inverse, neglog or distance")
        case .inverse:
            return try graph.weights.map { w in
                guard w > 0, w.isFinite else {
                    throw AnalysisError.invalidWeights("\(measure) with --weight inverse needs positive weights, found \(w)")
                }
                return 1 / w
            }
        case .neglog:
            return try graph.weights.map { w in
                guard w > 0, w <= 1 else {
                    throw AnalysisError.invalidWeights("\(measure) with --weight neglog needs weights in (0, 1], found \(w)")
                }
                return -log(w)
            }
        case .distance:
            return try graph.weights.map { w in
                guard w >= 0, !w.isNaN else {
                    throw AnalysisError.invalidWeights("\(measure) needs non-negative distances, found \(w)")
                }
                return w
            }
        }
    }

    /// The closeness weight of each slot for spectral and flow measures, or `nil` for 1.
    ///
    /// - Throws: ``AnalysisError`` for the path conventions and for negative weights.
    func strengths(_ graph: ContactGraph, measure: String) throws -> [Double]? {
        switch self {
        case .none:
            return nil
        case .strength:
            if let bad = graph.weights.first(where: { $0 < 0 || $0.isNaN }) {
                throw AnalysisError.invalidWeights("\(measure) needs non-negative weights, found \(bad)")
            }
            return graph.weights
        case .inverse, .neglog, .distance:
            throw AnalysisError.invalidWeights("\(measure) reads weights as strengths: use --weight none or strength")
        }
    }
}
