import CercleCore
import Foundation

/// Small hand-built contact graphs for the insight tests.
enum InsightGraphs {
    /// A person of a hand-built graph.
    struct Person {
        var id: String
        var organisation: String? = nil
        var sector: String? = nil
        var title: String? = nil
        var location: String? = nil
        var member = false
    }

    /// A graph of persons and weighted ties (weights are strengths).
    static func make(_ persons: [Person], _ ties: [(String, String, Double)]) -> ContactGraph {
        var builder = GraphBuilder()
        for person in persons {
            let node = builder.node(person.id)
            builder.setNodeAttribute(PersonField.label, .string(person.id.capitalized), node: node)
            builder.setNodeAttribute(PersonField.member, .bool(person.member), node: node)
            let fields: [(String, String?)] = [
                (PersonField.organisation, person.organisation), (PersonField.sector, person.sector),
                (PersonField.title, person.title), (PersonField.location, person.location),
            ]
            for (name, value) in fields {
                builder.declareNodeAttribute(name, type: .string)
                if let value { builder.setNodeAttribute(name, .string(value), node: node) }
            }
        }
        for (a, b, weight) in ties { builder.addEdge(a, b, weight: weight) }
        return builder.build()
    }

    static func node(_ graph: ContactGraph, _ id: String) -> NodeIndex {
        graph.node(withID: id) ?? -1
    }
}
