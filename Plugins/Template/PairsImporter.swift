// The template for an in-tree plugin: the smallest complete importer (and its exporter)
// for a made-up format. Copy this folder, rename, and follow PLUGINS.md.
//
// The format, "Cercle pairs" (`.pairs`): one acquaintance per line, `A -- B`, with an
// optional weight after the pair; `#` starts a comment; the first line may be the
// signature `# cercle-pairs`.
//
//     # cercle-pairs
//     Ann Berg -- Bo Ek 3
//     Bo Ek -- Cy Dahl

import CercleCore
import CerclePlugin

/// Reads the "Cercle pairs" format: `A -- B [weight]` per line.
///
/// Names are global ids (the same name in two files is the same node), so the default
/// ``GraphImporter/idScope`` (`.global`) fits and the graph-level fast path
/// (``ImportContext/node(_:)``, ``ImportContext/addEdge(_:_:weight:)``) is used.
///
/// - Complexity: O(file size); the file is streamed line by line.
public struct PairsImporter: GraphImporter {
    public init() {}

    /// The id `pairs` is shared with ``PairsExporter``; `--format pairs` forces it.
    public let format = FormatDescriptor(id: "pairs", name: "Cercle pairs (template plugin)", fileExtensions: ["pairs"])

    /// The signature line makes a file certain; otherwise only the extension speaks.
    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        if sample.firstLine == PairsFormat.signature { return .certain }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        // LineReader streams: a 1 GB file never sits in memory.
        let reader = try LineReader(url: input.url, displayName: input.displayName)
        try reader.forEachLine { bytes, line in
            let text = bytes.lineText.trimmingCharacters(in: .whitespaces)
            // Comments and blank lines are not data rows: they are neither accepted nor skipped.
            if text.isEmpty || text.hasPrefix("#") { return true }
            let parts = text.components(separatedBy: PairsFormat.separator)
            guard parts.count == 2 else {
                // A bad row is skipped with its reason, so the report accounts for it.
                context.skip(line: line, reason: "expected 'A -- B [weight]'")
                return true
            }
            let source = parts[0].trimmingCharacters(in: .whitespaces)
            var target = parts[1].trimmingCharacters(in: .whitespaces)
            var weight = 1.0
            // A trailing number is the weight; names may contain spaces, not a final number.
            if let space = target.lastIndex(of: " "), let number = Double(target[target.index(after: space)...]) {
                guard number.isFinite, number > 0 else {
                    context.skip(line: line, reason: "weight \(number) is not a positive number")
                    return true
                }
                weight = number
                target = String(target[..<space]).trimmingCharacters(in: .whitespaces)
            }
            guard !source.isEmpty, !target.isEmpty else {
                context.skip(line: line, reason: "a name is empty")
                return true
            }
            context.addEdge(context.node(source), context.node(target), weight: weight)
            context.accept()
            return true
        }
    }
}

/// The constants both sides of the format share.
enum PairsFormat {
    static let signature = "# cercle-pairs"
    static let separator = " -- "
}
