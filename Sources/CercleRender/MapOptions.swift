/// How a map is drawn: what ``NetworkMap``, ``CommunityMap`` and ``EgoMap`` read.
public struct MapOptions: Sendable {
    /// What colours the nodes.
    public enum Coloring: Sendable, Equatable {
        /// By community, largest community first in the palette.
        case community
        /// By the values of a node attribute (organisation, sector…), most frequent first.
        case attribute(String)
    }

    /// What replaces the full map above ``nodeBudget``.
    public enum LargeGraphView: String, Sendable, CaseIterable {
        /// One node per community.
        case communities
        /// The innermost k-core that fits the budget.
        case core
    }

    /// The Graphviz engine; `nil` picks by size (neato up to ``neatoLimit`` nodes, sfdp above).
    public var engine: String?
    public var coloring: Coloring = .community
    /// The node measure that sizes the nodes (a ``CercleAnalysis/NodeMetric`` name).
    public var sizeMetric = "pagerank"
    /// How many of the highest-scoring nodes are labelled (members always are).
    public var labelCount = 25
    /// Above this many nodes the full map becomes unreadable and slow: draw ``largeGraphView``.
    public var nodeBudget = 2_000
    public var largeGraphView: LargeGraphView = .communities
    /// The map's title; the network's name when `nil`.
    public var title: String?
    /// The date printed under the title (the as-of date of the data).
    public var date: String?
    /// Seed of community detection.
    public var seed: UInt64 = 42
    /// Largest map laid out with neato; sfdp above (neato is quadratic: 3.5 s at 1,000 nodes).
    public var neatoLimit = 300

    public init() {}
}
