import CercleCore
import Foundation

/// How varied a person's contacts are — by organisation, sector, function, location and
/// source — and which second-degree contacts would widen them most.
///
/// Definition: for an ego and an attribute, let `p_c` be the share of the ego's alters in
/// category *c* (alters without a value are left out; an alter with several values, such as
/// several channels, is split equally among them). The **source** of a contact is how the ego
/// knows them: the channels of their tie (`linkedin`, `addressbook`, `crm`, `email`,
/// `meeting`…). Then
/// - **Shannon entropy** `H = −Σ p_c ln p_c` (nats; 0 for one category, `ln K` for *K* equal
///   ones) and **evenness** `H / ln K`;
/// - **Blau index** `B = 1 − Σ p_c²`: the chance that two alters drawn at random (with
///   replacement) differ (Blau 1977; one minus the Herfindahl index).
///
/// The team comparison averages each index over the members. A category is
/// **under-represented** for an ego when its share among the pooled contacts of the whole team
/// is at least twice its share among the ego's contacts. A **suggestion** is a second-degree
/// contact (a neighbour of a neighbour, not yet tied to the ego): its gain is the mean rise of
/// the Blau index over the attributes if it joined the ego's contacts, plus 0.1 if it belongs
/// to a community none of the ego's contacts is in. Suggestions carry the strongest
/// introducer (the neighbour maximising `strength(ego, i) × strength(i, c)`).
///
/// **Conventions**: the function is read from the `title` by keywords (see ``function(ofTitle:)``);
/// everything else is the attribute as written, compared case- and accent-folded.
///
/// - Complexity: O(*d* × *a*) per ego of degree *d* for *a* attributes; suggestions
///   O(Σ_{i ∈ N(ego)} k_i × *a*).
///
/// Example: contacts in sectors Retail, Retail, Banking, Energy give `H = 1.0397`,
/// `B = 0.625`.
///
/// [Shannon 1948] C. E. Shannon, "A mathematical theory of communication", *Bell System
/// Technical Journal* 27(3):379–423, doi:10.1002/j.1538-7305.1948.tb01338.x. [Blau 1977]
/// P. M. Blau, *Inequality and Heterogeneity*, Free Press. [Burt 2004] R. S. Burt,
/// "Structural holes and good ideas", *AJS* 110(2):349–399, doi:10.1086/421787.
public struct ContactDiversity: Sendable {
    /// The dimensions of diversity.
    public enum Dimension: String, Sendable, CaseIterable {
        case organisation, sector, function, location, source
    }

    public var dimensions: [Dimension] = Dimension.allCases
    /// Suggestions returned per ego.
    public var suggestions = 10

    public init(dimensions: [Dimension] = Dimension.allCases, suggestions: Int = 10) {
        self.dimensions = dimensions
        self.suggestions = suggestions
    }

    /// Diversity of one ego over one attribute.
    public struct Score: Sendable, Equatable {
        public var dimension: Dimension
        /// Alters with a value.
        public var covered: Double
        /// Category counts (fractional for multi-valued attributes), largest first.
        public var counts: [(category: String, count: Double)]
        public var shannon: Double
        public var evenness: Double
        public var blau: Double

        public static func == (lhs: Score, rhs: Score) -> Bool {
            lhs.dimension == rhs.dimension && lhs.covered == rhs.covered && lhs.shannon == rhs.shannon
                && lhs.blau == rhs.blau && lhs.counts.elementsEqual(rhs.counts) { $0.category == $1.category && $0.count == $1.count }
        }
    }

    /// A category the ego reaches less than the team does.
    public struct Gap: Sendable, Equatable {
        public var dimension: Dimension
        public var category: String
        public var egoShare: Double
        public var teamShare: Double
    }

    /// A second-degree contact that would widen the ego's network.
    public struct Suggestion: Sendable, Equatable {
        public var node: NodeIndex
        public var introducer: NodeIndex
        /// `strength(ego, introducer) × strength(introducer, node)`.
        public var pathStrength: Double
        /// Mean rise of the Blau index over the dimensions, plus 0.1 for a new community.
        public var gain: Double
        /// Whether it reaches a community none of the ego's contacts is in.
        public var newCommunity: Bool
    }

    /// The diversity of one ego.
    public struct Result: Sendable, Equatable {
        public var ego: NodeIndex
        public var alters: Int
        public var scores: [Score]
        public var gaps: [Gap]
        public var suggestions: [Suggestion]

        public func score(_ dimension: Dimension) -> Score? { scores.first { $0.dimension == dimension } }
    }

    /// Shannon entropy (nats) of counts.
    public static func shannon(_ counts: [Double]) -> Double {
        let total = counts.reduce(0, +)
        guard total > 0 else { return 0 }
        let entropy = -counts.reduce(0) { sum, count in count > 0 ? sum + count / total * log(count / total) : sum }
        return entropy == 0 ? 0 : entropy
    }

    /// Blau index `1 − Σ p²` of counts.
    public static func blau(_ counts: [Double]) -> Double {
        let total = counts.reduce(0, +)
        guard total > 0 else { return 0 }
        return 1 - counts.reduce(0) { $0 + ($1 / total) * ($1 / total) }
    }

    /// The function a job title belongs to, by keywords (first match wins): Executive (CEO,
    /// CFO, Managing Director, Founder…), Sales, Procurement, Finance, IT, Data, Operations,
    /// Marketing, HR, Legal, Engineering, Consulting, Product, else Other.
    public static func function(ofTitle title: String) -> String {
        let folded = " " + IdentityKey.fold(title).replacingOccurrences(of: ",", with: " ") + " "
        let rules: [(String, [String])] = [
            ("Executive", [" ceo ", " cfo ", " coo ", " cmo ", " chief ", " managing director ", " founder", " owner ", " president", " geschaftsfuhr", " partner "]),
            ("IT", [" cio ", " cto ", " cmio ", " it ", "infrastructure", "security", "architect", "clinical it", "digital", "e commerce", "network", " devops", "software"]),
            ("Sales", ["sales", "account", "business development", "key account"]),
            ("Procurement", ["procurement", "purchasing", "buyer", "category manager", "einkauf", "sourcing"]),
            ("Finance", ["finance", "controller", "accounting", "treasur", "actuary", "payments", "claims", "risk"]),
            ("Data", ["data", "analyst", "analytics"]),
            ("Operations", ["operations", "logistics", "warehouse", "fleet", "plant", "supply", "grid", "production"]),
            ("Marketing", ["marketing", "brand", "communications", "events"]),
            ("HR", [" hr ", "human resources", "people", "talent", "recruit"]),
            ("Legal", ["legal", "counsel", "compliance", "lawyer"]),
            ("Engineering", ["engineer", " rd ", "research", "developer"]),
            ("Consulting", ["consultant", "advisor", "adviser"]),
            ("Product", ["product", "project", "program"]),
        ]
        for (function, keywords) in rules where keywords.contains(where: { folded.contains($0) }) { return function }
        return "Other"
    }

    /// The categories of `node` on `dimension`, folded key and display text. The source of a
    /// contact is the channels of its ties to `egos` (how they know it).
    static func categories(
        _ graph: ContactGraph, _ node: Int, _ dimension: Dimension, egos: [NodeIndex], index: EdgeIndex
    ) -> [(key: String, display: String)] {
        let attributes = graph.nodeAttributes
        func texts(_ column: String) -> [String] {
            switch attributes.value(column, at: node) {
            case .stringList(let values)?: return values
            case let value?: return [value.text]
            case nil: return []
            }
        }
        let values: [String]
        switch dimension {
        case .organisation: values = texts(PersonField.organisation)
        case .sector: values = texts(PersonField.sector)
        case .location: values = texts(PersonField.location)
        case .source:
            var channels: [String] = []
            for ego in egos {
                guard let edge = graph.edgeID(from: ego, to: NodeIndex(node), index: index)
                    ?? (graph.isDirected ? graph.edgeID(from: NodeIndex(node), to: ego, index: index) : nil) else { continue }
                switch graph.edgeAttributes.value(TieField.channels, at: edge) {
                case .stringList(let names)?: channels += names
                case let value?: channels.append(value.text)
                case nil: break
                }
            }
            values = channels
        case .function: values = texts(PersonField.title).map(function(ofTitle:))
        }
        var seen = Set<String>()
        return values.compactMap { value in
            let key = IdentityKey.fold(value)
            guard !key.isEmpty, seen.insert(key).inserted else { return nil }
            return (key, value)
        }
    }

    /// Category counts of a set of nodes on one dimension.
    struct Tally {
        var counts: [String: Double] = [:]
        var display: [String: String] = [:]
        var covered = 0.0

        mutating func add(_ categories: [(key: String, display: String)]) {
            guard !categories.isEmpty else { return }
            covered += 1
            for category in categories {
                counts[category.key, default: 0] += 1 / Double(categories.count)
                if display[category.key] == nil { display[category.key] = category.display }
            }
        }

        var sumOfSquares: Double { counts.values.reduce(0) { $0 + $1 * $1 } }
        func share(_ key: String) -> Double { covered > 0 ? (counts[key] ?? 0) / covered : 0 }

        /// The Blau index after adding one node with these categories.
        func blauAfterAdding(_ categories: [(key: String, display: String)]) -> Double {
            guard !categories.isEmpty else { return ContactDiversity.blau(Array(counts.values)) }
            let part = 1 / Double(categories.count)
            var squares = sumOfSquares
            for category in categories {
                let before = counts[category.key] ?? 0
                squares += (before + part) * (before + part) - before * before
            }
            let total = covered + 1
            return 1 - squares / (total * total)
        }
    }

    func tallies(_ graph: ContactGraph, nodes: some Sequence<NodeIndex>, egos: [NodeIndex], index: EdgeIndex) -> [Tally] {
        var tallies = [Tally](repeating: Tally(), count: dimensions.count)
        for node in nodes {
            for (slot, dimension) in dimensions.enumerated() {
                tallies[slot].add(Self.categories(graph, Int(node), dimension, egos: egos, index: index))
            }
        }
        return tallies
    }

    static func alters(_ graph: ContactGraph, of ego: NodeIndex) -> [NodeIndex] {
        var seen = Set<NodeIndex>()
        return (Array(graph.neighbors(of: ego)) + Array(graph.inNeighbors(of: ego))).filter { $0 != ego && seen.insert($0).inserted }
    }

    /// The diversity of `ego`, with gaps measured against `team` (the members; may be empty).
    ///
    /// - Parameter communities: a partition for the "new community" bonus, or `nil`.
    public func run(on graph: ContactGraph, ego: NodeIndex, team: [NodeIndex] = [], communities: Partition? = nil) -> Result {
        precondition(ego >= 0 && Int(ego) < graph.nodeCount, "ego \(ego) is not a node")
        let alters = Self.alters(graph, of: ego)
        let edgeIndex = graph.makeEdgeIndex()
        let egoTallies = tallies(graph, nodes: alters, egos: [ego], index: edgeIndex)
        let scores = zip(dimensions, egoTallies).map { dimension, tally in
            let counts = tally.counts.map { (category: tally.display[$0.key] ?? $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.category < $1.category }
            let h = Self.shannon(counts.map(\.count))
            return Score(dimension: dimension, covered: tally.covered, counts: counts, shannon: h,
                         evenness: counts.count > 1 ? h / log(Double(counts.count)) : 0,
                         blau: Self.blau(counts.map(\.count)))
        }

        var gaps: [Gap] = []
        if !team.isEmpty {
            var pooled = Set<NodeIndex>()
            for member in team { pooled.formUnion(Self.alters(graph, of: member)) }
            pooled.subtract(team)
            let teamTallies = tallies(graph, nodes: pooled.sorted(), egos: team, index: edgeIndex)
            for (index, dimension) in dimensions.enumerated() {
                let teamTally = teamTallies[index]
                let candidates = teamTally.counts.keys.map { key in
                    Gap(dimension: dimension, category: teamTally.display[key] ?? key,
                        egoShare: egoTallies[index].share(key), teamShare: teamTally.share(key))
                }.filter { $0.teamShare >= 0.02 && $0.teamShare >= 2 * $0.egoShare }
                gaps += candidates.sorted {
                    $0.teamShare - $0.egoShare != $1.teamShare - $1.egoShare
                        ? $0.teamShare - $0.egoShare > $1.teamShare - $1.egoShare : $0.category < $1.category
                }.prefix(3)
            }
        }

        var ranked: [Suggestion] = []
        if suggestions > 0 {
            let direct = Set(alters)
            let reachedCommunities = Set(alters.compactMap { communities?[$0] } + [communities?[ego]].compactMap { $0 })
            var best: [NodeIndex: (introducer: NodeIndex, strength: Double)] = [:]
            for (introducer, first) in zip(graph.neighbors(of: ego), graph.weights(of: ego)) where introducer != ego {
                for (candidate, second) in zip(graph.neighbors(of: introducer), graph.weights(of: introducer))
                where candidate != ego && !direct.contains(candidate) {
                    let strength = first * second
                    if let current = best[candidate], current.strength >= strength { continue }
                    best[candidate] = (introducer, strength)
                }
            }
            let baseline = egoTallies.map { Self.blau(Array($0.counts.values)) }
            for (candidate, route) in best {
                var gain = 0.0
                for (index, dimension) in dimensions.enumerated() {
                    let categories = Self.categories(graph, Int(candidate), dimension, egos: [], index: edgeIndex)
                    gain += egoTallies[index].blauAfterAdding(categories) - baseline[index]
                }
                gain /= Double(max(1, dimensions.count))
                let newCommunity = communities.map { !reachedCommunities.contains($0[candidate]) } ?? false
                ranked.append(Suggestion(node: candidate, introducer: route.introducer, pathStrength: route.strength,
                                         gain: gain + (newCommunity ? 0.1 : 0), newCommunity: newCommunity))
            }
            ranked.sort {
                if $0.gain != $1.gain { return $0.gain > $1.gain }
                if $0.pathStrength != $1.pathStrength { return $0.pathStrength > $1.pathStrength }
                return $0.node < $1.node
            }
        }
        return Result(ego: ego, alters: alters.count, scores: scores, gaps: gaps,
                      suggestions: Array(ranked.prefix(suggestions)))
    }
}
