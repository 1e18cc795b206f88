import CercleCore
import CerclePlugin
import Foundation

/// Reads the lines of a Pajek network into an ``ImportContext`` (the rules are documented
/// on ``PajekImporter``).
struct PajekReader {
    let lines: [Substring]
    let file: String

    private enum Section: Equatable {
        case preamble
        case vertices
        case edges(directed: Bool)
        case list(directed: Bool)
        case matrix
        case other(String)
    }

    private var vertexCount = 0
    private var labels: [String?] = []
    private var coordinates: [(x: Double, y: Double)?] = []
    private var nodes: [Int32] = []
    private var isDirected = false
    private var drawingParameters = false
    private var doubledEdges = 0
    private var otherSections: [String] = []

    init(lines: [Substring], file: String) {
        self.lines = lines
        self.file = file
    }

    mutating func read(into context: inout ImportContext) throws {
        let keywords = lines.lazy.compactMap { Self.keyword(of: $0) }
        let hasArcs = keywords.contains { $0.hasPrefix("*arcs") || $0.hasPrefix("*matrix") }
        isDirected = context.options.directed ?? hasArcs
        guard context.builder.declareDirected(isDirected) else {
            throw context.error("the graph is \(isDirected ? "" : "un")directed but earlier sources were not")
        }
        var section = Section.preamble
        var sawVertices = false
        var matrixRow = 0
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == "\r" }) || trimmed.hasPrefix("%") { continue }
            if let keyword = Self.keyword(of: line) {
                if section == .vertices { try createNodes(&context) }
                if case .other(let name) = section, keyword == "*vertices" {
                    section = .other(name)  // a partition or vector has its own *Vertices line
                } else if sawVertices, keyword == "*vertices" || keyword == "*network" {
                    // A Pajek project file (.paj) may hold several networks: the first is read.
                    section = .other("further networks")
                    if !otherSections.contains("further networks") { otherSections.append("further networks") }
                } else {
                    section = try enter(keyword, line: trimmed, number: number, sawVertices: &sawVertices, &context)
                }
                matrixRow = 0
                continue
            }
            switch section {
            case .preamble:
                throw context.error("a line before *Vertices: '\(trimmed.prefix(40))'", line: number)
            case .vertices:
                try readVertex(trimmed, number: number)
                context.accept()
            case .edges(let directed):
                try readEdge(trimmed, number: number, directed: directed, &context)
                context.accept()
            case .list(let directed):
                try readList(trimmed, number: number, directed: directed, &context)
                context.accept()
            case .matrix:
                matrixRow += 1
                try readMatrixRow(trimmed, row: matrixRow, number: number, &context)
                context.accept()
            case .other(let name):
                context.skip(line: number, reason: "\(name) section: not part of the network")
            }
        }
        try createNodes(&context)
        if drawingParameters { context.note("vertex shapes and drawing parameters ignored") }
        if doubledEdges > 0 {
            context.note("\(doubledEdges) *Edges line(s) in a directed network read as two opposite arcs")
        }
        if !otherSections.isEmpty {
            context.note("sections not read: \(otherSections.joined(separator: ", "))")
        }
    }

    /// The lower-cased keyword of a `*` line, or `nil`.
    private static func keyword(of line: Substring) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "*" else { return nil }
        return String(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\r" }).lowercased()
    }

    private mutating func enter(
        _ keyword: String, line: Substring, number: Int, sawVertices: inout Bool, _ context: inout ImportContext
    ) throws -> Section {
        let rest = line.drop { $0 != " " && $0 != "\t" }.trimmingCharacters(in: .whitespacesAndNewlines)
        switch keyword {
        case "*network":
            if !rest.isEmpty, context.builder.metadata["name"] == nil { context.builder.metadata["name"] = rest }
            return .preamble
        case "*vertices":
            let counts = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = counts.first, let count = Int(first), count >= 0 else {
                throw context.error("*Vertices needs the number of vertices", line: number)
            }
            if counts.count > 1 { context.note("two-mode network: the first \(counts[1]) vertices are one mode, the rest the other") }
            sawVertices = true
            vertexCount = count
            labels = Array(repeating: nil, count: count)
            coordinates = Array(repeating: nil, count: count)
            return .vertices
        case "*edges", "*arcs", "*edgeslist", "*arcslist", "*matrix":
            guard sawVertices else { throw context.error("\(keyword) before *Vertices", line: number) }
            switch keyword {
            case "*edges": return .edges(directed: false)
            case "*arcs": return .edges(directed: true)
            case "*edgeslist": return .list(directed: false)
            case "*arcslist": return .list(directed: true)
            default: return .matrix
            }
        default:
            let name = String(line.prefix { $0 != " " && $0 != "\t" && $0 != "\r" })
            if !otherSections.contains(name) { otherSections.append(name) }
            return .other(name)
        }
    }

    private func fields(_ line: Substring, number: Int) throws -> [String] {
        do {
            return try PajekLine.fields(line)
        } catch {
            throw ImportError.malformed("unterminated quote", file: file, line: number, column: error.column)
        }
    }

    private mutating func readVertex(_ line: Substring, number: Int) throws {
        let parts = try fields(line, number: number)
        guard let vertex = Int(parts[0]), vertex >= 1, vertex <= vertexCount else {
            throw ImportError.malformed("'\(parts[0].prefix(40))' is not a vertex number in 1…\(vertexCount)", file: file, line: number)
        }
        guard labels[vertex - 1] == nil else {
            throw ImportError.malformed("vertex \(vertex) is listed twice", file: file, line: number)
        }
        labels[vertex - 1] = parts.count > 1 ? parts[1] : String(vertex)
        if parts.count >= 4, let x = Double(parts[2]), let y = Double(parts[3]) {
            coordinates[vertex - 1] = (x, y)
            if parts.count > 4, !(parts.count == 5 && Double(parts[4]) != nil) { drawingParameters = true }
        } else if parts.count > 2 {
            drawingParameters = true
        }
    }

    /// Creates the nodes once the vertices are known: named by label when labels are
    /// complete and distinct, else by number.
    private mutating func createNodes(_ context: inout ImportContext) throws {
        guard nodes.isEmpty, vertexCount > 0 else { return }
        let given = labels.compactMap { $0 }
        let byLabel = given.count == vertexCount && Set(given).count == vertexCount
        if !byLabel, !given.isEmpty {
            context.note("vertex labels are missing or repeat: node ids are the vertex numbers, labels are kept as the label attribute")
        }
        nodes.reserveCapacity(vertexCount)
        for vertex in 0..<vertexCount {
            let node = context.node(byLabel ? given[vertex] : String(vertex + 1))
            nodes.append(node)
            if !byLabel, let label = labels[vertex] {
                context.builder.setNodeAttribute(PersonField.label, .string(label), node: node)
            }
            if let position = coordinates[vertex] {
                context.builder.setNodeAttribute("x", .double(position.x), node: node)
                context.builder.setNodeAttribute("y", .double(position.y), node: node)
            }
        }
    }

    private func vertex(_ text: String, number: Int) throws -> Int32 {
        guard let vertex = Int(text), vertex >= 1, vertex <= vertexCount else {
            throw ImportError.malformed("'\(text.prefix(40))' is not a vertex number in 1…\(vertexCount)", file: file, line: number)
        }
        return nodes[vertex - 1]
    }

    private mutating func addEdge(_ u: Int32, _ v: Int32, weight: Double, directed: Bool, _ context: inout ImportContext) {
        context.addEdge(u, v, weight: weight)
        if isDirected, !directed, u != v {
            context.addEdge(v, u, weight: weight)
            doubledEdges += 1
        }
    }

    private mutating func readEdge(_ line: Substring, number: Int, directed: Bool, _ context: inout ImportContext) throws {
        let parts = try fields(line, number: number)
        guard parts.count >= 2 else { throw ImportError.malformed("an edge line needs two vertex numbers", file: file, line: number) }
        let u = try vertex(parts[0], number: number)
        let v = try vertex(parts[1], number: number)
        var weight = 1.0
        if parts.count >= 3 {
            if let value = Double(parts[2]) {
                guard value.isFinite else {
                    throw ImportError.malformed("weight \(parts[2]) is not a finite number", file: file, line: number)
                }
                weight = value
                if parts.count > 3 { drawingParameters = true }
            } else {
                drawingParameters = true
            }
        }
        addEdge(u, v, weight: weight, directed: directed, &context)
    }

    private mutating func readList(_ line: Substring, number: Int, directed: Bool, _ context: inout ImportContext) throws {
        let parts = try fields(line, number: number)
        let u = try vertex(parts[0], number: number)
        for target in parts.dropFirst() {
            addEdge(u, try vertex(target, number: number), weight: 1, directed: directed, &context)
        }
    }

    private mutating func readMatrixRow(_ line: Substring, row: Int, number: Int, _ context: inout ImportContext) throws {
        guard row <= vertexCount else {
            throw ImportError.malformed("the matrix has more rows than the \(vertexCount) vertices", file: file, line: number)
        }
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard parts.count == vertexCount else {
            throw ImportError.malformed("a matrix row needs \(vertexCount) values, found \(parts.count)", file: file, line: number)
        }
        for (column, text) in parts.enumerated() {
            guard let value = Double(text), value.isFinite else {
                throw ImportError.malformed("matrix value '\(text.prefix(20))' is not a number", file: file, line: number)
            }
            if value != 0 { addEdge(nodes[row - 1], nodes[column], weight: value, directed: true, &context) }
        }
    }
}
