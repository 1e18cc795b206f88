import CercleCore
import Testing

@Suite("Node ids")
struct NodeIDsTests {
    @Test("a collection of strings: literal, equality, search by bytes")
    func collection() {
        var ids: NodeIDs = ["ann", "Zoë", ""]
        #expect(ids.count == 3)
        #expect(Array(ids) == ["ann", "Zoë", ""])
        #expect(ids == NodeIDs(["ann", "Zoë", ""]))
        #expect(ids != ["ann", "Zoe\u{308}", ""])  // ids compare by their bytes, as written in the source
        #expect(ids.firstIndex(of: "Zoë") == 1)
        #expect(ids.firstIndex(of: "") == 2)
        #expect(ids.firstIndex(of: "bo") == nil)
        ids.append("bo")
        #expect(ids.withUTF8(at: 3) { Array($0) } == Array("bo".utf8))
        #expect(Set([ids, NodeIDs(Array(ids))]).count == 1)
        #expect(ids.description == #"["ann", "Zoë", "", "bo"]"#)
    }

    @Test("ids equal as strings get a suffix, as a set of strings would give them")
    func canonicalUniqueness() {
        var builder = GraphBuilder()
        let a = builder.node("Zoë")
        let b = builder.node("Zoe\u{308}")  // another id for the builder: other bytes
        let c = builder.node("Ann")
        builder.addEdge(a, b)
        builder.addEdge(b, c)
        let graph = builder.build()
        #expect(graph.ids == ["Zoë", "Zoe\u{308}#2", "Ann"])
    }

    @Test("a small selection of a large column keeps only its own text")
    func smallGathering() {
        let big = AttributeColumn(name: "label", strings: (0..<1000).map { "person \($0)" })
        let small = big.gathering([999, -1, 3])
        #expect((0..<3).map { small.text(at: $0) } == ["person 999", nil, "person 3"])
        let lists = AttributeColumn(name: "urls", lists: (0..<1000).map { ["u\($0)", "v\($0)"] })
        let few = lists.gathering([5, 2000])
        #expect(few[0] == .stringList(["u5", "v5"]))
        #expect(few[1] == nil)
    }
}
