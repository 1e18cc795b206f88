import CercleCore
import CerclePlugin

/// Reads GraphML (the format of NetworkX's `write_graphml`, igraph, yEd, Gephi, Cytoscape).
///
/// **What is read.**
/// - Node ids are the GraphML ids. Edges are undirected or directed after the graph's
///   `edgedefault` (`--directed` overrides it). An edge marked `directed="false"` in a
///   directed graph becomes two opposite arcs; one marked `directed="true"` in an
///   undirected graph stays undirected. Both are counted in a note.
/// - `<key>`s are typed: `int` and `long` become integer columns, `float` and `double`
///   double columns, `boolean` boolean columns (`true`/`false` in any case, or `1`/`0`),
///   `string` (or no type) text columns; other types (graph-tool's `vector_float`…)
///   are read as text, with a note. `for="node|edge|graph|all"` says where a key
///   applies; a `<data>` of a key declared for other elements is ignored with a note
///   (igraph does the same). `attr.name` names the attribute (the key id when absent).
///   A `<default>` fills the elements without a value for the key.
/// - The numeric edge key named `weight` is the edge weight (1 when absent); any other
///   key is an attribute. Parallel edges merge later, their weights summed.
/// - Graph `<data>` goes into the graph's metadata (`name`…).
/// - A file with several top-level `<graph>`s: the first is read, the others skipped, and
///   a note says so. Nested graphs are flattened into the top-level graph: their nodes and
///   edges are kept, where NetworkX and igraph drop them and keep only the nodes that
///   top-level edges name. Hyperedges are skipped rows (Cercle's edges join two nodes);
///   ports are ignored, the edge joining the nodes; yFiles graphics are ignored. Each of
///   these leaves a note.
///
/// **What is refused** (an ``ImportError`` with line and column): malformed or truncated
/// XML, a `<data>` whose key is not declared, a value that does not read as its key's
/// type, an edge whose endpoint is not a `<node>` of the file, a non-finite weight, and
/// (``ImportError/unsafe(_:file:line:column:)``) any DOCTYPE that declares entities,
/// which stops entity-expansion bombs and external entities.
///
/// Rows are the `<node>`, `<edge>` and `<hyperedge>` elements.
///
/// The file is streamed through ``XMLReader`` in 1 MiB blocks, never held whole.
///
/// - Complexity: O(*b*) for a file of *b* bytes, plus one dictionary look-up per node id
///   and edge endpoint.
public struct GraphMLImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "graphml", name: "GraphML", fileExtensions: ["graphml", "xml"], quality: 0)

    public var rowUnit: String { "element" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let text = sample.text.prefix(8_192)
        if text.contains("<graphml") { return .certain }
        return sample.fileExtension == "graphml" ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var parser = GraphMLParser(reader: try XMLReader(url: input.url, file: input.displayName))
        try parser.read(into: &context)
        if parser.reader.isLatin1 { context.note("read as Latin-1, as the XML declaration says") }
    }
}
