/// A drawing, described independently of Graphviz: what ``GraphvizRenderer`` lays out and
/// renders, and what tests inspect.
///
/// Coordinates, when given, are in points (1/72 inch) and pinned: the ego map places
/// its nodes itself and asks Graphviz only to draw them (`nop`). Sizes are in inches,
/// as Graphviz expects.
public struct MapScene: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Every node of the graph.
        case full
        /// One node per community (graphs above the node budget).
        case communities
        /// The densest core (graphs above the node budget, on request).
        case core
        /// One member's contacts on rings by tie strength.
        case ego
    }

    public struct Node: Sendable, Equatable {
        /// The SVG element id (`n<index>`); never personal data.
        public var id: String
        /// The graph node this one draws (a community number for community maps).
        public var source: Int
        /// Shown beside the node; empty for unlabelled nodes.
        public var label: String
        /// Shown on hover in SVG.
        public var tooltip: String
        public var fill: String
        /// Diameter in inches.
        public var size: Double
        public var shape: String = "circle"
        public var penWidth: Double = 0.5
        public var outline: String = "#555555"
        /// Pinned position in points, if any.
        public var position: (x: Double, y: Double)?
        /// Text drawn inside (community maps); the label goes outside otherwise.
        public var insideLabel: Bool = false
        /// Extra styles (`dashed` for the rings of an ego map).
        public var style: String = "filled"
        public var fontSize: Double = 10
        /// A CSS class on the SVG element, after Graphviz's own `node` (`person`, `member`,
        /// `community`, `ego`, `circle0`…, `ring`).
        public var cssClass: String = "person"

        public static func == (a: Node, b: Node) -> Bool {
            a.id == b.id && a.source == b.source && a.label == b.label && a.tooltip == b.tooltip && a.fill == b.fill
                && a.size == b.size && a.shape == b.shape && a.penWidth == b.penWidth && a.outline == b.outline
                && a.position?.x == b.position?.x && a.position?.y == b.position?.y && a.insideLabel == b.insideLabel
                && a.style == b.style && a.fontSize == b.fontSize && a.cssClass == b.cssClass
        }
    }

    public struct Edge: Sendable, Equatable {
        /// Indices into ``MapScene/nodes``.
        public var source: Int
        public var target: Int
        public var color: String
        public var penWidth: Double
        /// `solid`, `dashed` or `dotted`.
        public var style: String
        public var tooltip: String
        public var cssClass: String
    }

    public struct LegendEntry: Sendable, Equatable {
        /// A fill colour for a swatch, or `nil` for a line of text.
        public var color: String?
        public var text: String
    }

    public var kind: Kind
    public var title: String
    public var subtitle: String
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var legend: [LegendEntry] = []
    /// The Graphviz layout engine.
    public var engine: String
    /// Graph attributes passed to Graphviz as they are (overlap, splines…).
    public var graphAttributes: [(String, String)] = []
    /// Scales the title and legend text, for maps drawn larger than a page.
    public var fontScale = 1.0
    /// Remarks for the user (why a community map was drawn…).
    public var notes: [String] = []

    public init(kind: Kind, title: String, subtitle: String, engine: String) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.engine = engine
    }

    /// The nodes that stand for something of the graph (not rings or ring labels).
    public var drawnNodes: [Node] { nodes.filter { $0.cssClass != "ring" && $0.cssClass != "ring-label" } }

    public static func == (a: MapScene, b: MapScene) -> Bool {
        a.kind == b.kind && a.title == b.title && a.subtitle == b.subtitle && a.nodes == b.nodes && a.edges == b.edges
            && a.legend == b.legend && a.engine == b.engine && a.notes == b.notes
            && a.graphAttributes.map { "\($0.0)=\($0.1)" } == b.graphAttributes.map { "\($0.0)=\($0.1)" }
    }
}
