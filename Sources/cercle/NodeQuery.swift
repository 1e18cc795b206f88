import CercleCore
import Foundation

/// Finds the node a person on the command line means: by id, by e-mail address, or by
/// exact name (case- and accent-insensitive); a name shared by several people is refused.
enum NodeQuery {
    static func resolve(_ query: String, in graph: ContactGraph, flag: String) throws -> NodeIndex {
        if let node = graph.node(withID: query) { return node }
        if let key = IdentityKey.email(query) {
            let emails = graph.nodeAttributes[PersonField.emails]
            for node in graph.nodes {
                guard case .stringList(let list)? = emails?[Int(node)] else { continue }
                if list.contains(where: { IdentityKey.email($0) == key }) { return node }
            }
        }
        let wanted = IdentityKey.fold(query)
        let named = graph.nodes.filter { IdentityKey.fold(graph.label(of: $0)) == wanted }
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            let ids = named.prefix(5).map { graph.ids[Int($0)] }.joined(separator: ", ")
            throw InputError("\(flag) \(query): \(named.count) people have this name (\(ids)); give an id or e-mail")
        }
        let close = graph.nodes.filter { IdentityKey.fold(graph.label(of: $0)).contains(wanted) }.prefix(5)
        let hint = close.isEmpty ? "" : "; did you mean " + close.map { "\(graph.label(of: $0)) (\(graph.ids[Int($0)]))" }.joined(separator: ", ") + "?"
        throw InputError("\(flag) \(query): no such person in the graph\(hint)")
    }
}
