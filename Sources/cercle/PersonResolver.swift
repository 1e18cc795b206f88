import CercleCore
import Foundation

/// Finds the person a user names on the command line: by id, e-mail address or exact name.
enum PersonResolver {
    /// The node named `query`.
    ///
    /// Tried in order: the id as written; the id ignoring case; an e-mail address of the
    /// person; the name exactly; the name ignoring case and accents. A name shared by several
    /// persons is an error listing their ids; an unknown one is an error listing the closest
    /// names (edit distance on folded names and ids), as shown in `shown` (so `--redact`
    /// holds for error messages too).
    static func resolve(_ query: String, in graph: ContactGraph, shown: ContactGraph, flag: String) throws -> NodeIndex {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if let node = graph.node(withID: trimmed) { return node }
        let lowered = trimmed.lowercased()
        let byID = graph.nodes.filter { graph.ids[Int($0)].lowercased() == lowered }
        if byID.count == 1, let node = byID.first { return node }
        if let email = IdentityKey.normalizedEmail(trimmed), let emails = graph.nodeAttributes[PersonField.emails] {
            for node in graph.nodes {
                guard case .stringList(let addresses)? = emails[Int(node)] else { continue }
                if addresses.contains(where: { IdentityKey.normalizedEmail($0) == email }) { return node }
            }
        }
        let labels = graph.nodeAttributes[PersonField.label]
        let exact = graph.nodes.filter { labels?.text(at: Int($0)) == trimmed }
        if exact.count == 1, let node = exact.first { return node }
        let folded = IdentityKey.fold(trimmed)
        let loose = exact.isEmpty
            ? graph.nodes.filter { labels?.text(at: Int($0)).map(IdentityKey.fold) == folded } : exact
        if loose.count == 1, let node = loose.first { return node }
        if loose.count > 1 {
            let ids = loose.prefix(5).map { shown.ids[Int($0)] }.joined(separator: ", ")
            throw InputError("\(flag) '\(query)' names \(loose.count) persons (\(ids)): give an id or e-mail address")
        }
        let suggestions = closest(to: folded, in: graph, shown: shown, count: 3)
        let hint = suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")
        throw InputError("\(flag) '\(query)': no person with this id, e-mail address or name\(hint)")
    }

    /// The `count` persons whose folded name or id is nearest to `folded`.
    static func closest(to folded: String, in graph: ContactGraph, shown: ContactGraph, count: Int) -> [String] {
        guard !folded.isEmpty else { return [] }
        let labels = graph.nodeAttributes[PersonField.label]
        let query = Array(folded)
        var scored: [(distance: Int, node: NodeIndex)] = []
        for node in graph.nodes {
            let label = labels?.text(at: Int(node)).map(IdentityKey.fold) ?? ""
            let id = IdentityKey.fold(graph.ids[Int(node)])
            var best = Int.max
            for candidate in [label, id] where !candidate.isEmpty {
                let distance = candidate.contains(folded) ? 0 : editDistance(query, Array(candidate), limit: max(2, query.count / 3))
                best = min(best, distance)
            }
            if best <= max(2, query.count / 3) { scored.append((best, node)) }
        }
        return scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.node < $1.node }
            .prefix(count).map { node in
                let label = shown.label(of: node.node), id = shown.ids[Int(node.node)]
                return label == id ? id : "\(label) (\(id))"
            }
    }

    /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
