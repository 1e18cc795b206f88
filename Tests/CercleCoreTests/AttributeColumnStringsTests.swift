import CercleCore
import Testing
import _CercleTestSupport

/// The byte-buffer storage of string and string-list columns against arrays of strings,
/// the storage it replaced: same values after any sequence of writes.
@Suite("String columns as bytes")
struct AttributeColumnStringsTests {
    static let texts = ["", "Ann", "Zoë Müller", "Zoe\u{308}", "李雷", "a\"b\\c", "linkedin.com/in/ann", "Ann"]

    @Test("writes in any order read back as an array of optional strings would")
    func stringsAgreeWithArray() {
        var generator = SeededGenerator(seed: 11)
        var strings = AttributeColumn.Strings()
        var reference: [String?] = []
        for _ in 0..<4000 {
            let value: String? = Int.random(in: 0..<5, using: &generator) == 0
                ? nil : Self.texts[Int.random(in: 0..<Self.texts.count, using: &generator)]
            switch Int.random(in: 0..<3, using: &generator) {
            case 0:
                strings.append(value)
                reference.append(value)
            case 1:
                let row = Int.random(in: 0..<(reference.count + 3), using: &generator)
                strings.set(value, at: row)
                if row >= reference.count { reference += Array(repeating: nil, count: row + 1 - reference.count) }
                reference[row] = value
            default:
                strings.appendMissing(count: Int.random(in: 0..<3, using: &generator))
                reference += Array(repeating: nil, count: strings.count - reference.count)
            }
        }
        #expect(strings.count == reference.count)
        #expect((0..<reference.count).allSatisfy { strings[$0] == reference[$0] })
        #expect(strings.presentCount == reference.compactMap { $0 }.count)
        #expect(strings == AttributeColumn.Strings(reference))
        // An empty string is a value, not a missing one.
        #expect(AttributeColumn.Strings([""]) != AttributeColumn.Strings([nil]))
    }

    @Test("lists read back as an array of optional lists would; an empty list is a value")
    func listsAgreeWithArray() {
        var generator = SeededGenerator(seed: 12)
        var lists = AttributeColumn.StringLists()
        var reference: [[String]?] = []
        for _ in 0..<3000 {
            let value: [String]? = Int.random(in: 0..<5, using: &generator) == 0
                ? nil : (0..<Int.random(in: 0..<4, using: &generator)).map { _ in Self.texts.randomElement(using: &generator) ?? "" }
            let row = Int.random(in: 0..<(reference.count + 2), using: &generator)
            if Bool.random(using: &generator) {
                lists.append(value)
                reference.append(value)
            } else {
                lists.set(value, at: row)
                if row >= reference.count { reference += Array(repeating: nil, count: row + 1 - reference.count) }
                reference[row] = value
            }
        }
        #expect(lists.count == reference.count)
        #expect((0..<reference.count).allSatisfy { lists[$0] == reference[$0] })
        #expect(lists == AttributeColumn.StringLists(reference))
        #expect(AttributeColumn.StringLists([[]]) != AttributeColumn.StringLists([nil]))
        #expect(AttributeColumn.StringLists([["a", "b"]]) != AttributeColumn.StringLists([["ab"]]))
    }

    @Test("a value equal to the last one stored shares its bytes; rows stay independent")
    func sharing() {
        var column = AttributeColumn(name: "sources", type: .stringList)
        for row in 0..<1000 { column.set(.stringList(["lena-vogel/Connections.csv"]), at: row) }
        column.set(.stringList(["other.vcf"]), at: 500)
        #expect(column[499] == .stringList(["lena-vogel/Connections.csv"]))
        #expect(column[500] == .stringList(["other.vcf"]))
        #expect(column[501] == .stringList(["lena-vogel/Connections.csv"]))
        var names = AttributeColumn(name: "label", type: .string)
        for row in 0..<10 { names.set(.string(row < 5 ? "Ann" : "Bo"), at: row) }
        names.set(.string("Cy"), at: 2)
        #expect((0..<10).map { names.text(at: $0) } == ["Ann", "Ann", "Cy", "Ann", "Ann", "Bo", "Bo", "Bo", "Bo", "Bo"])
    }

    @Test("a gathered column shares the bytes and changes apart from its source")
    func gathering() {
        let source = AttributeColumn(name: "label", strings: ["a", nil, "c", "d"])
        var gathered = source.gathering([3, -1, 0, 9, 2])
        #expect((0..<5).map { gathered.text(at: $0) } == ["d", nil, "a", nil, "c"])
        gathered.set(.string("x"), at: 0)
        #expect(gathered.text(at: 0) == "x")
        #expect(source.text(at: 3) == "d")
        let lists = AttributeColumn(name: "emails", lists: [["a@x"], nil, ["b@x", "c@x"]])
        var gatheredLists = lists.gathering([2, 2, 1])
        #expect(gatheredLists[1] == .stringList(["b@x", "c@x"]))
        gatheredLists.set(.stringList(["z@x"]), at: 1)
        #expect(gatheredLists[0] == .stringList(["b@x", "c@x"]))
        #expect(gatheredLists[1] == .stringList(["z@x"]))
        #expect(gatheredLists[2] == nil)
        #expect(lists[2] == .stringList(["b@x", "c@x"]))
    }

    @Test("the bulk readers give each row's bytes")
    func rows() {
        let strings = AttributeColumn.Strings(["Zoë", nil, ""])
        strings.withRows { rows in
            #expect(rows.count == 3)
            #expect(rows[0].map { String(decoding: $0, as: UTF8.self) } == "Zoë")
            #expect(rows[1] == nil)
            #expect(rows[2]?.count == 0)
            #expect(rows[7] == nil)
        }
        let lists = AttributeColumn.StringLists([["a", "Zoë"], nil])
        lists.withRows { rows in
            #expect(rows.itemCount(at: 0) == 2)
            #expect(String(decoding: rows.item(1, ofRow: 0), as: UTF8.self) == "Zoë")
            #expect(rows.itemCount(at: 1) == nil)
        }
    }

    @Test("room reserved is not a difference between tables")
    func reservation() {
        var reserved = AttributeTable(rowCount: 0)
        reserved.reserveCapacity(rows: 100)
        var plain = AttributeTable(rowCount: 0)
        reserved.set("label", .string("Ann"), at: 1)
        plain.set("label", .string("Ann"), at: 1)
        #expect(reserved == plain)
    }
}

/// ``AttributeColumn/combining(offsets:members:)`` against the rule it implements, value
/// by value: the first present; lists united (`a + b.filter { !a.contains($0) }`);
/// booleans or-ed.
@Suite("Combining rows of merged persons")
struct AttributeColumnCombiningTests {
    static func reference(_ column: AttributeColumn, offsets: [Int], members: [Int]) -> [AttributeValue?] {
        (0..<offsets.count - 1).map { row in
            var value: AttributeValue?
            for p in members[offsets[row]..<offsets[row + 1]] {
                guard let next = column[p] else { continue }
                switch (value, next) {
                case (nil, _): value = next
                case (.stringList(let a)?, .stringList(let b)): value = .stringList(a + b.filter { !a.contains($0) })
                case (.bool(let a)?, .bool(let b)): value = .bool(a || b)
                default: break
                }
            }
            return value
        }
    }

    @Test("every type of column, groups of one to four members in any order")
    func agreesWithRule() {
        var generator = SeededGenerator(seed: 77)
        let texts = ["a", "b", "Zoë", "Zoe\u{308}", "", "linkedin.com/in/x"]
        let rows = 400
        func maybe<T>(_ make: () -> T) -> T? { Int.random(in: 0..<3, using: &generator) == 0 ? nil : make() }
        let columns = [
            AttributeColumn(name: "s", strings: (0..<rows).map { _ in maybe { texts.randomElement(using: &generator) ?? "" } }),
            AttributeColumn(name: "l", lists: (0..<rows).map { _ in
                maybe { (0..<Int.random(in: 0...3, using: &generator)).map { _ in texts.randomElement(using: &generator) ?? "" } }
            }),
            AttributeColumn(name: "i", integers: (0..<rows).map { $0 }),
            AttributeColumn(name: "b", bools: (0..<rows).map { _ in Bool.random(using: &generator) }),
        ]
        var members = Array(0..<rows)
        members.shuffle(using: &generator)
        var offsets = [0]
        while offsets.last ?? 0 < rows {
            offsets.append(min(rows, (offsets.last ?? 0) + Int.random(in: 1...4, using: &generator)))
        }
        for column in columns {
            let combined = column.combining(offsets: offsets, members: members)
            let expected = Self.reference(column, offsets: offsets, members: members)
            #expect(combined.count == expected.count)
            #expect((0..<expected.count).allSatisfy { combined[$0] == expected[$0] }, "\(column.name)")
        }
    }
}
