import CGraphviz
import CercleCore
import CercleGraphviz
import Foundation

/// Lays out and renders a ``MapScene`` with Graphviz, in this process.
///
/// The scene becomes a libcgraph graph (attributes declared once, then set per object),
/// `gvLayout` places it with the scene's engine, `gvRenderData` writes SVG, PNG, PDF or
/// DOT into memory. Graph, layout and render data are freed on every path, so repeated
/// renders do not grow the process (the test suite checks 100 renders). All calls go
/// through ``Graphviz/perform(_:)``: Graphviz is not thread-safe.
///
/// - Complexity: dominated by the layout: sfdp is about O((*n* + *m*) log *n*) per
///   iteration; neato is quadratic and used only for small maps.
public enum GraphvizRenderer {
    /// The layout engines Cercle offers (`--layout`); Graphviz itself says whether the
    /// engine is installed.
    public static let engines = ["sfdp", "neato", "fdp", "dot", "twopi", "circo", "osage", "nop"]

    /// Renders `scene` to `format`.
    ///
    /// - Throws: ``RenderError`` with Graphviz's message when the layout or the render fails.
    public static func render(_ scene: MapScene, format: RenderFormat) throws -> Data {
        try Graphviz.perform {
            Graphviz.clearMessages()
            guard let context = SharedContext.context else {
                throw RenderError("Graphviz could not start (is its plugin registry, config6a, missing? run 'dot -c' as root)")
            }
            guard let graph = build(scene) else { throw RenderError("Graphviz could not create the graph") }
            defer { agclose(graph) }
            guard gvLayout(context, graph, scene.engine) == 0 else {
                throw RenderError("layout \(scene.engine) failed: \(message(or: "unknown layout engine"))")
            }
            defer { gvFreeLayout(context, graph) }
            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(context, graph, format.graphvizName, &result, &length) == 0, let result else {
                throw RenderError("rendering \(format.rawValue) failed: \(message(or: "format not available in this Graphviz"))")
            }
            defer { gvFreeRenderData(result) }
            return Data(bytes: result, count: Int(length))
        }
    }

    private static func message(or fallback: String) -> String {
        let text = Graphviz.messages
        return text.isEmpty ? fallback : text
    }

    /// One Graphviz context for the process: loading the plugin registry once saves
    /// ~5 ms per render; it is only touched under the Graphviz lock.
    private final class SharedContext: @unchecked Sendable {
        nonisolated(unsafe) static var stored: OpaquePointer?
        static var context: OpaquePointer? {
            if stored == nil { stored = gvContext() }
            return stored
        }
    }

    /// The libcgraph graph of `scene` (the caller closes it).
    private static func build(_ scene: MapScene) -> UnsafeMutablePointer<Agraph_t>? {
        guard let graph = "map".withMutableCString({ agopen($0, cercle_undirected(), nil) }) else { return nil }
        var graphAttributes: [(String, String)] = [
            ("outputorder", "edgesfirst"), ("forcelabels", "true"), ("bgcolor", "white"),
            ("fontname", "DejaVu Sans"), ("pad", "0.3"), ("labelloc", "t"), ("labeljust", "l"),
        ]
        graphAttributes += scene.graphAttributes
        for (name, value) in graphAttributes { setGraph(graph, name, value) }
        setHTMLLabel(graph, Legend.html(scene))

        let node = NodeAttributes(graph)
        var handles: [UnsafeMutablePointer<Agnode_t>?] = []
        handles.reserveCapacity(scene.nodes.count)
        for item in scene.nodes {
            let handle = item.id.withMutableCString { agnode(graph, $0, 1) }
            handles.append(handle)
            guard let handle else { continue }
            node.set(handle, item)
        }
        let edge = EdgeAttributes(graph)
        for (index, item) in scene.edges.enumerated() {
            guard let tail = handles[item.source], let head = handles[item.target],
                  let handle = "e\(index)".withMutableCString({ agedge(graph, tail, head, $0, 1) }) else { continue }
            edge.set(handle, item, id: "e\(index)")
        }
        return graph
    }

    private static func setGraph(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        name.withMutableCString { name in
            value.withMutableCString { value in "".withMutableCString { _ = agsafeset(graph, name, value, $0) } }
        }
    }

    /// Sets the graph label to HTML-like text (`<...>` in DOT): `agxset` keeps a string's
    /// HTML mark when it was made by `agstrdup_html`.
    private static func setHTMLLabel(_ graph: UnsafeMutablePointer<Agraph_t>, _ html: String) {
        guard let text = html.withMutableCString({ agstrdup_html(graph, $0) }) else { return }
        defer { _ = agstrfree(graph, text) }
        "label".withMutableCString { name in "".withMutableCString { _ = agsafeset(graph, name, text, $0) } }
    }
}

/// Declared once per graph, set per object: `agxset` with a symbol avoids a dictionary
/// look-up per attribute and node.
private struct Symbols {
    let graph: UnsafeMutablePointer<Agraph_t>
    let kind: Int32
    var table: [String: UnsafeMutablePointer<Agsym_t>] = [:]

    init(_ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32, defaults: [(String, String)]) {
        self.graph = graph
        self.kind = kind
        for (name, value) in defaults {
            let symbol = name.withMutableCString { name in value.withMutableCString { agattr(graph, kind, name, $0) } }
            if let symbol { table[name] = symbol }
        }
    }

    func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String) {
        guard let symbol = table[name] else { return }
        _ = value.withMutableCString { agxset(object, symbol, $0) }
    }
}

private struct NodeAttributes {
    let symbols: Symbols

    init(_ graph: UnsafeMutablePointer<Agraph_t>) {
        symbols = Symbols(graph, kind: Int32(AGNODE), defaults: [
            ("id", ""), ("label", ""), ("xlabel", ""), ("tooltip", ""), ("fillcolor", "#DDDDDD"),
            ("color", "#555555"), ("style", "filled"), ("shape", "circle"), ("fixedsize", "true"),
            ("width", "0.2"), ("height", "0.2"), ("penwidth", "0.5"), ("pos", ""), ("fontsize", "10"),
            ("fontname", "DejaVu Sans"), ("fontcolor", "#222222"), ("class", ""),
        ])
    }

    func set(_ handle: UnsafeMutablePointer<Agnode_t>, _ node: MapScene.Node) {
        let object = UnsafeMutableRawPointer(handle)
        symbols.set(object, "id", node.id)
        symbols.set(object, "class", node.cssClass)
        if node.insideLabel {
            symbols.set(object, "label", node.label)
            symbols.set(object, "fontcolor", Palette.textColor(on: node.fill))
        } else if !node.label.isEmpty {
            symbols.set(object, "xlabel", node.label)
        }
        symbols.set(object, "tooltip", node.tooltip)
        symbols.set(object, "fillcolor", node.fill)
        symbols.set(object, "color", node.outline)
        symbols.set(object, "style", node.style)
        symbols.set(object, "shape", node.shape)
        let size = String(format: "%.3f", node.size)
        symbols.set(object, "width", size)
        symbols.set(object, "height", size)
        symbols.set(object, "penwidth", String(format: "%.2f", node.penWidth))
        symbols.set(object, "fontsize", String(format: "%.1f", node.fontSize))
        if let position = node.position {
            symbols.set(object, "pos", String(format: "%.2f,%.2f!", position.x, position.y))
        }
    }
}

private struct EdgeAttributes {
    let symbols: Symbols

    init(_ graph: UnsafeMutablePointer<Agraph_t>) {
        symbols = Symbols(graph, kind: Int32(AGEDGE), defaults: [
            ("id", ""), ("color", "#99999966"), ("penwidth", "0.5"), ("style", "solid"), ("tooltip", ""), ("class", ""),
        ])
    }

    func set(_ handle: UnsafeMutablePointer<Agedge_t>, _ edge: MapScene.Edge, id: String) {
        let object = UnsafeMutableRawPointer(handle)
        symbols.set(object, "id", id)
        symbols.set(object, "class", edge.cssClass)
        symbols.set(object, "color", edge.color)
        symbols.set(object, "penwidth", String(format: "%.2f", edge.penWidth))
        symbols.set(object, "style", edge.style)
        if !edge.tooltip.isEmpty { symbols.set(object, "tooltip", edge.tooltip) }
    }
}
