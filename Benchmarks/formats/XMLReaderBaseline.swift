// The XMLReader side of the tokenizer comparison in Benchmarks/formats.md: the same work
// as XMLParserBaseline.swift, with Cercle's streaming tokenizer.
// Build: swiftc -O -wmo XMLReaderBaseline.swift ../../Sources/CerclePlugin/{XMLReader,XMLScanner,ImportError,CSVReader}.swift -o xmlreader-baseline
import Foundation

@main
enum XMLReaderBaseline {
    static func main() throws {
        var index: [String: Int32] = [:]
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        var weightKey = ""
        func node(_ id: String) -> Int32 {
            if let known = index[id] { return known }
            let new = Int32(index.count)
            index[id] = new
            return new
        }
        let start = Date()
        var reader = try XMLReader(url: URL(fileURLWithPath: CommandLine.arguments[1]), file: CommandLine.arguments[1])
        while try reader.next() != .endOfDocument {
            guard reader.event == .startElement else { continue }
            if reader.isNamed("key"), try reader.attribute("attr.name") == "weight" {
                weightKey = try reader.attribute("id") ?? ""
            } else if reader.isNamed("node") {
                _ = node(try reader.attribute("id") ?? "")
            } else if reader.isNamed("edge") {
                sources.append(node(try reader.attribute("source") ?? ""))
                targets.append(node(try reader.attribute("target") ?? ""))
                weights.append(1)
            } else if reader.isNamed("data"), try reader.attribute("key") == weightKey {
                weights[weights.count - 1] = Double(try reader.readText()) ?? 1
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        print("XMLReader: nodes=\(index.count) edges=\(sources.count) weight sum=\(weights.reduce(0, +)) \(seconds) s")
    }
}
