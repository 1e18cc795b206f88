import CercleCore
import CerclePlugin

/// Reads Pajek networks (`.net`), as Pajek, NetworkX's `write_pajek` and igraph's
/// `write_pajek` write them.
///
/// **Layout.** `*Network NAME` names the graph. `*Vertices n` declares vertices `1…n`;
/// the lines after it give `number "label" [x y [z]] [shape and drawing parameters]`
/// (a vertex without a line has no label). Edges follow in sections: `*Edges` (undirected)
/// and `*Arcs` (directed) hold `u v [weight] [drawing parameters]` lines; `*Edgeslist` and
/// `*Arcslist` hold `u v1 v2 …` lines; `*Matrix` holds an adjacency matrix (directed, as
/// NetworkX reads it; a non-zero entry is an arc with that weight). `%` starts a comment
/// line. Keywords are case-insensitive.
///
/// **Node ids** are the labels when every vertex has one and no two are equal (as
/// NetworkX names nodes); otherwise the vertex numbers, with labels kept as the `label`
/// attribute and a note. `x` and `y` coordinates become double attributes; shapes and
/// drawing parameters are ignored (a note says so).
///
/// **Direction.** A file with any `*Arcs`, `*Arcslist` or `*Matrix` section is directed;
/// its `*Edges` lines then give two opposite arcs (a note says so). `--directed`
/// overrides. Parallel lines merge into one edge whose weight is the sum.
///
/// Sections of Pajek project files (`*Partition`, `*Vector`, `*Permutation`…) and the
/// networks after the first one of a project file are not read: their lines are counted
/// as skipped rows, and a note names them.
///
/// **Refused** (an ``ImportError`` with line and column): an edge to a vertex number
/// outside `1…n`, a vertex or edge line whose numbers do not read, an unterminated quote,
/// a weight that is not finite, a vertex line outside `*Vertices`.
///
/// Files that are not UTF-8 are read as Windows-1252 (a note says so). Rows are vertex
/// and edge lines.
///
/// - Complexity: O(*b*) for a file of *b* bytes, plus one dictionary look-up per vertex.
public struct PajekImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(id: "pajek", name: "Pajek network (.net)", fileExtensions: ["net", "paj"], quality: 0)

    public var rowUnit: String { "line" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        for line in sample.text.prefix(8_192).split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("%") { continue }
            let keyword = trimmed.lowercased()
            if keyword.hasPrefix("*vertices") || keyword.hasPrefix("*network") {
                return sample.hasExtension(format.fileExtensions) ? .certain : .likely
            }
            break
        }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let bytes = try input.bytes()
        if String(validating: bytes, as: UTF8.self) == nil { context.note("not UTF-8: read as Windows-1252") }
        let text = ImportInput.decode(bytes)
        // Split on bytes: splitting a String on Characters costs a grapheme break per byte.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        var reader = PajekReader(lines: lines, file: input.displayName)
        try reader.read(into: &context)
    }
}
