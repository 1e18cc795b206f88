import CercleCore
import Foundation

/// An ego's contacts sorted into circles of decreasing closeness.
///
/// Definition: the alters of `ego` (its neighbours) are ranked by tie strength, strongest
/// first. With ``Method-swift.enum/dunbar`` the ranks fill cumulative layers of about
/// 5, 15, 50 and 150 people (the support clique, sympathy group, band and active network of
/// Zhou, Sornette, Hill & Dunbar 2005): ranks 1–5 are circle `5`, ranks 6–15 circle `15`,
/// 16–50 circle `50`, 51–150 circle `150`, and the rest `beyond`. With
/// ``Method-swift.enum/naturalBreaks(classes:)`` the layers follow the data instead: the
/// strengths are split by Jenks natural breaks (``NaturalBreaks``) and circle `1` is the
/// strongest class.
///
/// **Conventions**: strengths are the edge weights, read as closeness (larger = closer;
/// `--weight strength`); a directed graph uses out-ties. Equal strengths are ordered by
/// node index, so a Dunbar boundary may split alters of equal strength; natural breaks never
/// do. Self-loops are ignored. NetworkX, igraph and NetworKit have no equivalent.
///
/// - Complexity: O(*d* log *d*) for an ego of degree *d* (Dunbar), O(*d* + *k* *u*²) for *u*
///   distinct strengths and *k* classes (natural breaks).
///
/// Example: an ego with strengths 0.9 ×5, 0.5 ×10 and 0.05 ×100 gets 5 alters in circle `5`,
/// 10 in `15`, 35 in `50`, 65 in `150` and none beyond; natural breaks with 3 classes give
/// the same three groups as classes 1, 2, 3.
///
/// [Zhou et al. 2005] W.-X. Zhou, D. Sornette, R. A. Hill, R. I. M. Dunbar, "Discrete
/// hierarchical organization of social group sizes", *Proc. R. Soc. B* 272:439–444,
/// doi:10.1098/rspb.2004.2970. [Dunbar 1998] R. I. M. Dunbar, "The social brain
/// hypothesis", *Evolutionary Anthropology* 6(5):178–190,
/// doi:10.1002/(SICI)1520-6505(1998)6:5<178::AID-EVAN5>3.0.CO;2-8.
public struct DunbarCircles: Sendable {
    /// How alters are sorted into circles.
    public enum Method: Sendable, Equatable {
        /// Cumulative layers of the given sizes (default 5, 15, 50, 150) by strength rank.
        case dunbar(layers: [Int] = [5, 15, 50, 150])
        /// Jenks natural breaks on the strengths, into at most `classes` circles.
        case naturalBreaks(classes: Int = 4)
    }

    public var method: Method

    public init(method: Method = .dunbar()) {
        if case .dunbar(let layers) = method {
            precondition(!layers.isEmpty && zip(layers, layers.dropFirst()).allSatisfy { $0 < $1 } && layers[0] > 0,
                         "Dunbar layers are positive and increasing")
        }
        if case .naturalBreaks(let classes) = method { precondition(classes >= 1, "natural breaks need a class") }
        self.method = method
    }

    /// One alter and its circle.
    public struct Placement: Sendable, Equatable {
        public var alter: NodeIndex
        public var strength: Double
        /// Index of the circle in ``Result/circles``, 0 = innermost.
        public var circle: Int
    }

    /// One circle and what it holds.
    public struct Circle: Sendable, Equatable {
        /// `5`, `15`, `50`, `150`, `beyond` (Dunbar) or `1`, `2`… (natural breaks).
        public var name: String
        /// Alters in this circle.
        public var count: Int
        /// Alters in this circle and every inner one.
        public var cumulative: Int
        public var minimumStrength: Double
        public var meanStrength: Double
        public var maximumStrength: Double
    }

    /// The circles of one ego.
    public struct Result: Sendable, Equatable {
        public var ego: NodeIndex
        /// Alters from the strongest to the weakest.
        public var placements: [Placement]
        /// Circles from the innermost out. Empty Dunbar layers are listed (count 0) so that
        /// every ego has the same layers; `beyond` only when someone is in it.
        public var circles: [Circle]

        /// The alters of circle `index`, strongest first.
        public func alters(inCircle index: Int) -> [NodeIndex] {
            placements.filter { $0.circle == index }.map(\.alter)
        }
    }

    /// Sorts the alters of `ego` into circles.
    ///
    /// - Parameters:
    ///   - graph: a contact graph whose weights are tie strengths.
    ///   - ego: the person at the centre.
    /// - Returns: the placements and the circle summaries.
    /// - Complexity: see the type.
    public func run(on graph: ContactGraph, ego: NodeIndex) -> Result {
        precondition(ego >= 0 && Int(ego) < graph.nodeCount, "ego \(ego) is not a node")
        var alters: [(node: NodeIndex, strength: Double)] = []
        for (neighbour, weight) in zip(graph.neighbors(of: ego), graph.weights(of: ego)) where neighbour != ego {
            alters.append((neighbour, weight))
        }
        alters.sort { $0.strength != $1.strength ? $0.strength > $1.strength : $0.node < $1.node }
        var names: [String]
        var circleOf: [Int]
        switch method {
        case .dunbar(let layers):
            names = layers.map(String.init) + ["beyond"]
            circleOf = alters.indices.map { rank in layers.firstIndex { rank < $0 } ?? layers.count }
        case .naturalBreaks(let classes):
            let bounds = NaturalBreaks.breaks(alters.map(\.strength), classes: classes)
            let count = bounds.count + 1
            names = (1...count).map(String.init)
            circleOf = alters.map { alter in
                // Classes ascend; circle 0 is the strongest class.
                count - 1 - bounds.filter { $0 < alter.strength }.count
            }
        }
        let placements = zip(alters, circleOf).map { Placement(alter: $0.node, strength: $0.strength, circle: $1) }
        var circles: [Circle] = []
        var cumulative = 0
        for (index, name) in names.enumerated() {
            let strengths = placements.filter { $0.circle == index }.map(\.strength)
            cumulative += strengths.count
            circles.append(Circle(
                name: name, count: strengths.count, cumulative: cumulative,
                minimumStrength: strengths.min() ?? .nan,
                meanStrength: strengths.isEmpty ? .nan : strengths.reduce(0, +) / Double(strengths.count),
                maximumStrength: strengths.max() ?? .nan))
        }
        if case .dunbar = method, circles.last?.count == 0 { circles.removeLast() }
        return Result(ego: ego, placements: placements, circles: circles)
    }
}
