import CercleCore
import CerclePlugin

/// Reads GML (the Graph Modelling Language), as NetworkX's `write_gml`, igraph's
/// `write_gml`, Cytoscape and Mark Newman's network data write it.
///
/// **Node ids.** GML numbers its nodes (`id 0`) and names them in `label`; NetworkX reads
/// the labels as node names (`read_gml(path, label="label")`), igraph keeps both and names
/// vertices by `name`. Cercle picks, for the whole file:
/// 1. the `label`s, when every node has one and no two are equal (NetworkX's reading);
/// 2. else the `name`s, when every node has a distinct one (igraph's vertex names);
/// 3. else the GML `id`s, keeping labels as the `label` attribute (a note says why when
///    labels exist but repeat).
/// When labels are the ids, a `display_label` (how Cercle's exporter keeps a graph's
/// display names) becomes the `label` attribute.
///
/// **Values.** Integers become integer attributes, reals double attributes (`INF`,
/// `-INF`, `NAN` included), strings text attributes with `&…;` references decoded
/// (numeric ones, and HTML's named ones that ``GMLEntities`` lists; an unknown name stays
/// as written, as in NetworkX). A key repeated in one node or edge gives a list of strings
/// (NetworkX writes lists that way, with a `_networkx_list_start` marker for one-item
/// lists). Nested lists (`graphics [ … ]`) are ignored with a note. Graph-level values
/// (`name`, `comment`…) go to the graph's metadata.
///
/// **Edges.** `source` and `target` name GML ids; `weight`, when a number, is the weight;
/// every other key is an attribute (Newman's `value` stays the attribute `value`, as
/// NetworkX reads it). `directed 1` makes the graph directed (`--directed` overrides).
/// Parallel edges (`multigraph 1`) merge, their weights summed.
///
/// **Refused** (an ``ImportError`` with line and column): syntax errors (unbalanced
/// brackets, an unterminated string, a key without value), a node without an id or with
/// an id used twice, an edge whose endpoint is no node, a weight that is not a finite
/// number, a numeric character reference to no character (`&#0;`).
///
/// Files that are not UTF-8 are read as Windows-1252 (a note says so). Rows are the
/// `node` and `edge` lists. Only the first `graph [ … ]` of a file is read (with a note).
///
/// - Complexity: O(*b*) for a file of *b* bytes; the file is parsed whole (GML files are
///   small: NetworkX itself reads them line by line into memory).
public struct GMLImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(id: "gml", name: "GML (Graph Modelling Language)", fileExtensions: ["gml"], quality: 0)

    public var rowUnit: String { "element" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let text = sample.text.prefix(8_192)
        var rest = text[...]
        while let range = rest.range(of: "graph") {
            let before = rest[..<range.lowerBound].last
            let after = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
            if (before == nil || before?.isWhitespace == true), after.first == "[" {
                return sample.hasExtension(format.fileExtensions) ? .certain : .likely
            }
            rest = rest[range.upperBound...]
        }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let bytes = try input.bytes()
        if String(validating: bytes, as: UTF8.self) == nil { context.note("not UTF-8: read as Windows-1252") }
        let document: GMLDocument
        do {
            document = try GMLDocument(ImportInput.decode(bytes))
        } catch {
            throw context.error(error.reason, line: error.line, column: error.column)
        }
        let graphs = document.pairs.filter { $0.key == "graph" && $0.value.isList }
        guard let graph = graphs.first, case .list(let pairs) = graph.value else {
            throw context.error("no 'graph [ … ]' in the file")
        }
        if graphs.count > 1 { context.note("the file holds \(graphs.count) graphs; read the first") }
        var reader = GMLGraphReader(file: input.displayName)
        try reader.read(pairs, into: &context)
    }
}
