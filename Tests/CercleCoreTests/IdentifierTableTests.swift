import CercleCore
import Testing
import _CercleTestSupport

@Suite("Interning ids from bytes")
struct IdentifierTableTests {
    @Test("ids given as strings or as bytes intern to the same nodes")
    func stringsAndBytes() {
        var generator = SeededGenerator(seed: 99)
        var builder = GraphBuilder()
        var expected: [String: Int32] = [:]
        let alphabet = Array("ab01é李 -_.")
        for round in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let id = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            let node: Int32
            if round % 2 == 0 {
                node = builder.node(id)
            } else {
                var copy = id
                node = copy.withUTF8 { builder.node(utf8: $0) }
            }
            if let known = expected[id] {
                #expect(known == node, "\(id)")
            } else {
                expected[id] = node
            }
        }
        let graph = builder.build()
        #expect(graph.nodeCount == expected.count)
        for (id, node) in expected { #expect(graph.ids[Int(node)] == id) }
    }
}
