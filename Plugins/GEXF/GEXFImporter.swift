import CercleCore
import CerclePlugin

/// Reads GEXF 1.1, 1.2 and 1.3 (Gephi's format; NetworkX's `write_gexf`).
///
/// **What is read.**
/// - Node ids are the GEXF ids. A node's `label` becomes its `label` attribute when it
///   differs from the id (NetworkX and Gephi write the id as label when there is none).
/// - Edges are undirected or directed after the graph's `defaultedgetype` (`mutual`
///   counts as undirected; `--directed` overrides). An edge of `type="undirected"` or
///   `"mutual"` in a directed graph becomes two opposite arcs; a `type="directed"` edge in
///   an undirected graph stays undirected; both leave a note. The edge's `weight` is its
///   weight (else a numeric edge attribute titled `weight`, else 1); its `label` becomes
///   the edge attribute `label`.
/// - `<attributes class="node|edge">` declare typed attributes: `integer`, `long`,
///   `short`, `byte`, `biginteger` → integer; `float`, `double`, `bigdecimal` → double;
///   `boolean` → boolean (`true`/`false`, `1`/`0`); `string`, `anyURI`, `char` → text;
///   `liststring` and the other list types → list of strings (`[a, b]` or `a|b`). A
///   `<default>` fills the elements without a value. `<attvalue for="…">` (or `id=` in
///   GEXF 1.1) gives the values.
/// - The viz module: `viz:position` becomes the node attributes `x` and `y` (unless the
///   node gives them as attribute values); colour, size, shape and thickness are styling
///   and are not read (a note says so). Cercle's exporter derives them from analysis
///   results, so nothing is lost on a round trip.
/// - Dynamic graphs: time bounds are ignored; an attribute with several dated values
///   keeps the last one written (a note says so). Hierarchies (`<nodes>` inside a node)
///   are flattened into one graph, as NetworkX reads them.
/// - The graph's `name` (NetworkX) or the `<meta>` `<description>` becomes the metadata
///   `name`.
///
/// **What is refused** (an ``ImportError`` with line and column): malformed or truncated
/// XML, an `<attvalue>` whose attribute is not declared, a value that does not read as
/// its attribute's type, a weight that is not a finite number, an edge whose endpoint is
/// not a `<node>` of the file, and any DOCTYPE that declares entities
/// (``ImportError/unsafe(_:file:line:column:)``).
///
/// Rows are the `<node>` and `<edge>` elements.
///
/// - Complexity: O(*b*) for a file of *b* bytes, streamed through ``XMLReader``.
public struct GEXFImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(id: "gexf", name: "GEXF (Gephi)", fileExtensions: ["gexf"], quality: 0)

    public var rowUnit: String { "element" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let text = sample.text.prefix(8_192)
        if text.contains("<gexf") { return .certain }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        var parser = GEXFParser(reader: try XMLReader(url: input.url, file: input.displayName))
        try parser.read(into: &context)
        if parser.reader.isLatin1 { context.note("read as Latin-1, as the XML declaration says") }
    }
}
