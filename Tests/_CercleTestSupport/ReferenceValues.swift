import Foundation

/// The NetworkX / igraph reference values of a graph in `shared/data`
/// (`networks/NAME.reference.json` or `synthetic/NAME.reference.json`).
public struct ReferenceValues: @unchecked Sendable {
    public let name: String
    public let json: [String: Any]
    /// `networks` or `synthetic`.
    public let folderName: String

    public init(network name: String) throws {
        try self.init(folder: "networks", name: name)
    }

    public init(synthetic name: String) throws {
        try self.init(folder: "synthetic", name: name)
    }

    init(folder: String, name: String) throws {
        let data = try Data(contentsOf: Fixtures.shared("\(folder)/\(name).reference.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.name = name
        folderName = folder
        json = object
    }

    /// `graph` members (nodes, edges, directed, weighted, density…).
    public var graph: [String: Any] { json["graph"] as? [String: Any] ?? [:] }
    public var isDirected: Bool { graph["directed"] as? Bool ?? false }
    public var isWeighted: Bool { graph["weighted"] as? Bool ?? false }
    public var nodeCount: Int { graph["nodes"] as? Int ?? -1 }
    public var edgeCount: Int { graph["edges"] as? Int ?? -1 }

    /// Every node's value of `metric` (only for graphs of ≤ 300 nodes), by node id.
    public func all(_ metric: String) -> [String: Double]? {
        guard let section = json[metric] as? [String: Any], let values = section["all"] as? [String: Any] else { return nil }
        return values.compactMapValues(Self.number)
    }

    /// The top 10 of `metric` as (id, value), ties broken by id.
    public func top(_ metric: String) -> [(id: String, value: Double)]? {
        guard let section = json[metric] as? [String: Any], let rows = section["top"] as? [[Any]] else { return nil }
        return rows.compactMap { row in
            guard row.count == 2, let id = row[0] as? String, let value = Self.number(row[1]) else { return nil }
            return (id, value)
        }
    }

    /// A section as a dictionary.
    public func section(_ name: String) -> [String: Any]? { json[name] as? [String: Any] }

    static func number(_ value: Any) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let text = value as? String {
            switch text {
            case "inf": return .infinity
            case "-inf": return -.infinity
            case "nan": return .nan
            default: return Double(text)
            }
        }
        return nil
    }

    /// The files of this network: the node table and the edge list (`.csv` or `.csv.gz`
    /// unpacked to a temporary file).
    public func files() throws -> [URL] {
        let folder = Fixtures.shared(folderName)
        var urls: [URL] = []
        let nodes = folder.appendingPathComponent("\(name).nodes.csv")
        if FileManager.default.fileExists(atPath: nodes.path) { urls.append(nodes) }
        let edges = folder.appendingPathComponent("\(name).edges.csv")
        if FileManager.default.fileExists(atPath: edges.path) {
            urls.append(edges)
        } else {
            urls.append(try Self.gunzip(folder.appendingPathComponent("\(name).edges.csv.gz")))
        }
        return urls
    }

    /// The reference GraphML of this network.
    public var graphML: URL { Fixtures.shared("networks/\(name).graphml") }

    static func gunzip(_ url: URL) throws -> URL {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("cercle-\(ProcessInfo.processInfo.processIdentifier)-\(url.deletingPathExtension().lastPathComponent)")
        return try GunzipCache.shared.file(output) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "gzip -dc '\(url.path)' > '\(output.path)'"]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        }
    }
}

/// Unpacks each file once per process, even when tests run in parallel.
final class GunzipCache: @unchecked Sendable {
    static let shared = GunzipCache()
    private let lock = NSLock()
    private var done: Set<String> = []

    func file(_ output: URL, make: () throws -> Void) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if !done.contains(output.path) {
            try make()
            done.insert(output.path)
        }
        return output
    }
}
