// The Foundation XMLParser side of the tokenizer comparison in Benchmarks/formats.md.
// Reads a GraphML file into the same minimal structures as XMLReaderBaseline.swift: a
// dictionary from node id to index, edge endpoint arrays and the `weight` data.
// Build: swiftc -O XMLParserBaseline.swift -o xmlparser-baseline
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

final class GraphMLDelegate: NSObject, XMLParserDelegate {
    var index: [String: Int32] = [:]
    var sources: [Int32] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var weightKey = ""
    var inWeight = false
    var text = ""

    func node(_ id: String) -> Int32 {
        if let known = index[id] { return known }
        let new = Int32(index.count)
        index[id] = new
        return new
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "key" where attributes["attr.name"] == "weight": weightKey = attributes["id"] ?? ""
        case "node": _ = node(attributes["id"] ?? "")
        case "edge":
            sources.append(node(attributes["source"] ?? ""))
            targets.append(node(attributes["target"] ?? ""))
            weights.append(1)
        case "data":
            inWeight = attributes["key"] == weightKey
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inWeight { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", inWeight {
            weights[weights.count - 1] = Double(text) ?? 1
            inWeight = false
        }
    }
}

let start = Date()
let url = URL(fileURLWithPath: CommandLine.arguments[1])
guard let parser = XMLParser(contentsOf: url) else { fatalError("cannot open \(url.path)") }
let delegate = GraphMLDelegate()
parser.delegate = delegate
parser.shouldResolveExternalEntities = false
let ok = parser.parse()
print("XMLParser: ok=\(ok) nodes=\(delegate.index.count) edges=\(delegate.sources.count) weight sum=\(delegate.weights.reduce(0, +)) \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
