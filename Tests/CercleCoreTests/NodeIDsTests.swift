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
}
