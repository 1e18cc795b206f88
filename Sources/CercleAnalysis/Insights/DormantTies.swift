import CercleCore
import Foundation

/// Ties that were strong and have gone quiet: the contacts most worth reviving.
///
/// Definition: a tie between ego *e* and alter *a* is **dormant** when it has at least
/// `minimumInteractions` dated interactions and none in the last `months` months before the
/// reference date. For each dormant tie:
/// - **past strength** `p`: the tie-strength model evaluated at the last interaction (what the
///   tie was worth when it was last alive);
/// - **time dormant** `t` in months, and its factor `1 − exp(−t / months)` (a tie dormant for
///   twice the threshold weighs more than one just past it);
/// - **structural novelty** `ν = ((1 − overlap) + otherCommunity) / 2`, where `overlap` is the
///   tie's neighbourhood overlap (Onnela et al. 2007) and `otherCommunity` is 1 when the alter
///   sits in another community than the ego (Granovetter: weak, bridging ties bring new
///   information).
///
/// The revival **score** is `p × (1 − exp(−t / months)) × (1 + ν) / 2`; ties are ranked by it.
///
/// **Conventions**: a month is 30.44 days. Ties are read from the ego's side; without an ego
/// every member's ties are considered (a tie between two members is listed once, from the
/// member with the smaller index). The graph's interaction log is required: ties known only
/// from connections are never dormant, having never been active.
///
/// - Complexity: O(*m* + *k*) for *k* interaction events, plus the overlap (O(Σ (k_i + k_j))).
///
/// [Levin, Walter & Murnighan 2011] D. Z. Levin, J. Walter, J. K. Murnighan, "Dormant ties:
/// the value of reconnecting", *Organization Science* 22(4):923–939, doi:10.1287/orsc.1100.0576.
/// [Onnela et al. 2007] doi:10.1073/pnas.0610245104.
public struct DormantTies: Sendable {
    /// Months without interaction after which a tie is dormant.
    public var months: Double = 6
    /// Interactions a tie needs to have had a history.
    public var minimumInteractions = 3
    /// The tie-strength model that gave the graph its weights.
    public var model = TieStrengthModel()

    public init(months: Double = 6, minimumInteractions: Int = 3, model: TieStrengthModel = TieStrengthModel()) {
        precondition(months > 0, "months is positive")
        precondition(minimumInteractions >= 1, "at least one interaction")
        self.months = months
        self.minimumInteractions = minimumInteractions
        self.model = model
    }

    public static let daysPerMonth = 30.44

    /// One dormant tie.
    public struct Tie: Sendable, Equatable {
        public var ego: NodeIndex
        public var alter: NodeIndex
        public var edge: Int
        public var pastStrength: Double
        /// The tie's weight in the graph today.
        public var strength: Double
        public var lastContact: Date
        public var monthsDormant: Double
        public var interactions: Int
        public var overlap: Double
        public var otherCommunity: Bool
        public var novelty: Double
        public var score: Double
    }

    /// The dormant ties of `egos`, best to revive first.
    ///
    /// - Parameters:
    ///   - egos: whose ties to look at.
    ///   - asOf: the reference date ("now").
    ///   - communities: a partition for the novelty; `nil` counts every alter as in the
    ///     ego's community.
    public func run(on graph: ContactGraph, egos: [NodeIndex], asOf: Date, communities: Partition? = nil) -> [Tie] {
        guard !graph.interactions.isEmpty else { return [] }
        let overlap = NeighbourhoodOverlap.compute(graph).overlap
        let edgeIndex = graph.makeEdgeIndex()
        let now = asOf.timeIntervalSince1970
        let threshold = months * Self.daysPerMonth * 86_400
        let channels = graph.edgeAttributes[TieField.channels]
        let egoSet = Set(egos)
        var result: [Tie] = []
        for ego in egos {
            for (alter, weight) in zip(graph.neighbors(of: ego), graph.weights(of: ego)) where alter != ego {
                if egoSet.contains(alter), alter < ego { continue }
                guard let edge = graph.edgeID(from: ego, to: alter, index: edgeIndex) else { continue }
                let events = graph.interactions.events(ofEdge: edge).filter { ($0.date ?? .infinity) <= now }
                guard events.count >= minimumInteractions,
                      let last = events.compactMap(\.date).max(), now - last >= threshold else { continue }
                var channelSet = ChannelSet()
                if case .stringList(let names)? = channels?[edge] {
                    channelSet = ChannelSet(names.compactMap(Channel.init(rawValue:)))
                }
                let past = model.strength(channels: channelSet, events: events, since: nil,
                                          asOf: Date(timeIntervalSince1970: last))
                let dormant = (now - last) / 86_400 / Self.daysPerMonth
                let other = communities.map { $0[ego] != $0[alter] } ?? false
                let novelty = ((1 - overlap.values[edge]) + (other ? 1 : 0)) / 2
                let score = past * (1 - exp(-dormant / months)) * (1 + novelty) / 2
                result.append(Tie(
                    ego: ego, alter: alter, edge: edge, pastStrength: past, strength: weight,
                    lastContact: Date(timeIntervalSince1970: last), monthsDormant: dormant, interactions: events.count,
                    overlap: overlap.values[edge], otherCommunity: other, novelty: novelty, score: score))
            }
        }
        return result.sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.ego, $0.alter) < ($1.ego, $1.alter)
        }
    }
}
