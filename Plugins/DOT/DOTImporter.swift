import CercleCore
import CerclePlugin
import Foundation

/// Reads Graphviz DOT files through Graphviz's own parser (libcgraph's `agmemread`), so
/// that every file `dot` accepts reads, and every file it refuses fails with Graphviz's
/// message.
///
/// **What is read.**
/// - Node ids are the DOT node names; nodes and edges declared inside subgraphs and
///   clusters belong to the graph. `digraph` is directed, `graph` undirected
///   (`--directed` overrides); `strict` graphs have no parallel edges (Graphviz merges
///   them while parsing), other parallel edges merge later, their weights summed.
/// - Node and edge attributes are read as text, defaults from `node [...]` and `edge [...]`
///   included; an empty value (the unset default) is left out, and so is a node `label` of
///   `\N` (Graphviz's "the node's name"). Graphviz's escapes `\\` and `\n` are decoded
///   to a backslash and a line break, the inverse of ``DOTExporter``'s quoting; other
///   escapes (`\l`, `\N`…) stay as written.
/// - An edge's `weight`, when a number, is its weight; a `weight` that is not a number
///   is kept as the attribute `weight_text` (with a note). Edge keys (`key`) are not kept.
/// - Only the first graph of a file is read, as Graphviz's own tools do.
/// - The graph's name (unless anonymous) is the metadata `name`; its `label` the
///   metadata `label`.
/// - Text is UTF-8 unless the graph says `charset=latin1` (or another Latin-1 name); a
///   string that is not UTF-8 is read as Latin-1 and a note says so.
///
/// **Refused:** a file Graphviz cannot parse gives an ``ImportError`` with the line and
/// Graphviz's own words (`syntax error in line 3 near '}'`).
///
/// Every Graphviz call runs under ``Graphviz/perform(_:)``: Graphviz is not thread-safe.
/// Rows are the nodes and edges.
///
/// - Complexity: O(*b*) parsing for a file of *b* bytes, then O(*n* · *a* + *m* · *b*) for
///   *n* nodes with *a* declared attributes and *m* edges with *b*.
public struct DOTImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(id: "dot", name: "Graphviz DOT", fileExtensions: ["dot", "gv"], quality: 0)

    public var rowUnit: String { "element" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        var text = Substring(sample.text.prefix(8_192))
        // Skip comments and blank lines before the header.
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("//") || text.hasPrefix("#") {
                text = text.drop { !$0.isNewline }
            } else if text.hasPrefix("/*"), let end = text.range(of: "*/") {
                text = text[end.upperBound...]
            } else {
                break
            }
        }
        let header = text.prefix(200).lowercased()
        let words = header.split(whereSeparator: { $0.isWhitespace || $0 == "{" })
        let first = words.first.map(String.init) ?? ""
        let second = words.dropFirst().first.map(String.init) ?? ""
        let isHeader = first == "digraph" || first == "graph" || (first == "strict" && (second == "digraph" || second == "graph"))
        if isHeader, header.contains("{") {
            return sample.hasExtension(format.fileExtensions) ? .certain : .likely
        }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let bytes = try input.bytes()
        let document: DOTDocument
        do {
            document = try DOTDocument(bytes)
        } catch {
            var message = error.message
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            let reason = message.isEmpty ? "not a DOT graph (Graphviz read nothing)" : "Graphviz: \(message)"
            throw context.error(reason, line: error.line)
        }
        let directed = context.options.directed ?? document.isDirected
        guard context.builder.declareDirected(directed) else {
            throw context.error("the graph is \(directed ? "" : "un")directed but earlier sources were not")
        }
        if let name = document.name, context.builder.metadata["name"] == nil { context.builder.metadata["name"] = name }
        if let label = document.graphAttributes.first(where: { $0.name == "label" })?.value, context.builder.metadata["label"] == nil {
            context.builder.metadata["label"] = Self.unescaped(label)
        }
        var nodes: [Int32] = []
        nodes.reserveCapacity(document.nodeNames.count)
        for (index, name) in document.nodeNames.enumerated() {
            let node = context.node(Self.unescaped(name))
            nodes.append(node)
            for (attribute, value) in document.nodeAttributes[index] where !(attribute == "label" && value == "\\N") {
                context.builder.setNodeAttribute(attribute, .string(Self.unescaped(value)), node: node)
            }
            context.accept()
        }
        var textWeights = 0
        for edge in document.edges {
            var weight = 1.0
            var attributes: [(String, String)] = []
            for (attribute, value) in edge.attributes {
                if attribute == "weight", let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite {
                    weight = number
                } else if attribute == "weight" {
                    textWeights += 1
                    attributes.append(("weight_text", value))
                } else {
                    attributes.append((attribute, value))
                }
            }
            let raw = context.addEdge(nodes[edge.tail], nodes[edge.head], weight: weight)
            for (attribute, value) in attributes {
                context.builder.setEdgeAttribute(attribute, .string(Self.unescaped(value)), edge: raw)
            }
            context.accept()
        }
        if document.readAsLatin1 { context.note("text that is not UTF-8 was read as Latin-1") }
        if textWeights > 0 { context.note("\(textWeights) edge weight(s) that are not numbers kept as the attribute weight_text") }
        if !document.warnings.isEmpty { context.note("Graphviz: \(document.warnings)") }
    }

    /// Decodes Graphviz's `\\` and `\n` escapes (see the type's documentation).
    static func unescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case let other?: result.append("\\"); result.append(other)
            case nil: result.append("\\")
            }
        }
        return result
    }
}
