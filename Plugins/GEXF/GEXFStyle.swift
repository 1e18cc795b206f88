import CercleCore

/// The Gephi styling the GEXF exporter writes in the `viz` module, derived from analysis
/// results stored as node attributes.
///
/// - Colour: the integer node attribute `community`, through ``Palette/rgb(_:)`` (Paul
///   Tol's colour-blind-safe scheme), so that Gephi shows the communities Cercle found.
/// - Size: the first present of the node attributes `pagerank`, `betweenness`, `degree`,
///   scaled linearly from its smallest value (size 5) to its largest (size 50); every node
///   gets size 10 when all values are equal. A node without a value gets no size.
/// - Position: the numeric node attributes `x` and `y`, when a node has both.
struct GEXFStyle {
    /// The attribute that sizes nodes, if any.
    let sizeAttribute: String?
    private let colors: [(red: Int, green: Int, blue: Int)?]
    private let sizes: [Double?]
    private let positions: [(x: Double, y: Double)?]

    /// The attributes read for sizes, in order of preference.
    static let sizeAttributes = ["pagerank", "betweenness", "degree"]

    init(_ graph: ContactGraph) {
        let n = graph.nodeCount
        if let community = graph.nodeAttributes["community"], community.type == .integer {
            colors = (0..<n).map { node in
                if case .integer(let index)? = community[node] { return Palette.rgb(index) }
                return nil
            }
        } else {
            colors = []
        }
        let sizeColumn = Self.sizeAttributes.lazy.compactMap { graph.nodeAttributes[$0] }
            .first { $0.type == .integer || $0.type == .double }
        sizeAttribute = sizeColumn?.name
        if let sizeColumn {
            let values = (0..<n).map { sizeColumn.double(at: $0).flatMap { $0.isFinite ? $0 : nil } }
            let present = values.compactMap { $0 }
            let low = present.min() ?? 0
            let high = present.max() ?? 0
            sizes = values.map { value in
                guard let value else { return nil }
                return high > low ? 5 + 45 * (value - low) / (high - low) : 10
            }
        } else {
            sizes = []
        }
        if let x = graph.nodeAttributes["x"], let y = graph.nodeAttributes["y"] {
            positions = (0..<n).map { node in
                guard let px = x.double(at: node), let py = y.double(at: node), px.isFinite, py.isFinite,
                      x.type != .bool, y.type != .bool else { return nil }
                return (px, py)
            }
        } else {
            positions = []
        }
    }

    /// The `viz` elements of `node`, each on its own line with `indent`.
    func elements(of node: Int, indent: String) -> String {
        var text = ""
        if node < colors.count, let color = colors[node] {
            text += "\n\(indent)<viz:color r=\"\(color.red)\" g=\"\(color.green)\" b=\"\(color.blue)\"/>"
        }
        if node < sizes.count, let size = sizes[node] {
            text += "\n\(indent)<viz:size value=\"\(AttributeValue.format(size))\"/>"
        }
        if node < positions.count, let position = positions[node] {
            text += "\n\(indent)<viz:position x=\"\(AttributeValue.format(position.x))\" y=\"\(AttributeValue.format(position.y))\" z=\"0.0\"/>"
        }
        return text
    }
}
