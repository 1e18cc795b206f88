import CGraphviz
import CercleGraphviz
import CerclePlugin
import Foundation

/// A DOT graph as libcgraph parsed it, copied out of Graphviz into Swift values so that
/// the Graphviz lock is held only while parsing.
struct DOTDocument {
    /// Why Graphviz could not read the text: its own message and the line it names.
    struct ParseError: Error {
        var message: String
        var line: Int?
    }

    var isDirected = false
    var isStrict = false
    /// The graph's name, `nil` when anonymous.
    var name: String?
    /// Graph attributes (`label`, `charset`, `rankdir`…).
    var graphAttributes: [(name: String, value: String)] = []
    var nodeNames: [String] = []
    /// Per node, its attributes with a value (empty values are defaults, left out).
    var nodeAttributes: [[(name: String, value: String)]] = []
    var edges: [(tail: Int, head: Int, attributes: [(name: String, value: String)])] = []
    /// Whether some text was not UTF-8 and was read as Latin-1.
    var readAsLatin1 = false
    /// Warnings Graphviz printed while parsing.
    var warnings = ""

    /// Parses DOT text with `agmemread`.
    ///
    /// Text is UTF-8 unless the graph says `charset=latin1` (or `l1`, `ISO-8859-1`…);
    /// a string that is not valid UTF-8 is read as Latin-1.
    ///
    /// - Throws: ``ParseError`` with Graphviz's message when it reads no graph.
    init(_ bytes: Data) throws(ParseError) {
        var text = [CChar](repeating: 0, count: bytes.count + 1)
        text.withUnsafeMutableBytes { destination in
            _ = bytes.copyBytes(to: destination)
        }
        var failure: ParseError?
        Graphviz.perform {
            // libcgraph 2.42's scanner carries state from one parse to the next: after a
            // graph followed by blank lines, the next parse counts one line too many, and
            // the line counter is never reset. A parse of an empty graph with nothing after
            // it drains that state, then the counter starts again at line 1.
            "graph{}".withCString { empty in
                if let drained = agmemread(empty) { agclose(drained) }
            }
            agreadline(1)
            Graphviz.clearMessages()
            guard let graph = text.withUnsafeBufferPointer({ buffer in buffer.baseAddress.flatMap { agmemread($0) } }) else {
                let message = Graphviz.messages
                failure = ParseError(message: message, line: Self.line(in: message))
                return
            }
            defer { agclose(graph) }
            load(graph)
            warnings = Graphviz.messages
        }
        if let failure { throw failure }
    }

    private mutating func load(_ graph: UnsafeMutablePointer<Agraph_t>) {
        isDirected = agisdirected(graph) != 0
        isStrict = agisstrict(graph) != 0
        let charset = "charset".withMutableCString { agget(graph, $0) }.map { String(cString: $0).lowercased() } ?? ""
        let latin1 = ["latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100", "latin_1"].contains(charset)
        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if !latin1, let text = String(validating: bytes, as: UTF8.self) { return text }
            if !latin1 { readAsLatin1 = true }
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        }
        if let raw = agnameof(UnsafeMutableRawPointer(graph)) {
            let text = string(raw)
            if !text.hasPrefix("%") { name = text }
        }
        graphAttributes = Self.symbols(graph, kind: AGRAPH).compactMap { symbol in
            let value = string(agxget(UnsafeMutableRawPointer(graph), symbol))
            return value.isEmpty ? nil : (string(symbol.pointee.name), value)
        }
        let nodeSymbols = Self.symbols(graph, kind: AGNODE).map { ($0, string($0.pointee.name)) }
        let edgeSymbols = Self.symbols(graph, kind: Int32(AGEDGE)).map { ($0, string($0.pointee.name)) }
        var index: [UnsafeMutableRawPointer: Int] = [:]
        var node = agfstnode(graph)
        while let current = node {
            index[UnsafeMutableRawPointer(current)] = nodeNames.count
            nodeNames.append(string(agnameof(UnsafeMutableRawPointer(current))))
            nodeAttributes.append(nodeSymbols.compactMap { symbol, name in
                let value = string(agxget(UnsafeMutableRawPointer(current), symbol))
                return value.isEmpty ? nil : (name, value)
            })
            node = agnxtnode(graph, current)
        }
        node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let link = edge {
                if let tail = cercle_tail(link).flatMap({ index[UnsafeMutableRawPointer($0)] }),
                   let head = cercle_head(link).flatMap({ index[UnsafeMutableRawPointer($0)] }) {
                    let attributes = edgeSymbols.compactMap { symbol, name -> (name: String, value: String)? in
                        guard name != "key" else { return nil }
                        let value = string(agxget(UnsafeMutableRawPointer(link), symbol))
                        return value.isEmpty ? nil : (name, value)
                    }
                    edges.append((tail, head, attributes))
                }
                edge = agnxtout(graph, link)
            }
            node = agnxtnode(graph, current)
        }
    }

    /// The attribute symbols of one kind of object, in declaration order.
    private static func symbols(_ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32) -> [UnsafeMutablePointer<Agsym_t>] {
        var result: [UnsafeMutablePointer<Agsym_t>] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            result.append(current)
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }

    /// The line number in a Graphviz message ("syntax error in line 3 near '}'").
    static func line(in message: String) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
