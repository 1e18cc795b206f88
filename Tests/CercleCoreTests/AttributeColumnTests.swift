import CercleCore
import Foundation
import Testing

@Suite("Attribute columns")
struct AttributeColumnTests {
    @Test("types are inferred from text: integer, double, boolean, string")
    func inference() {
        #expect(AttributeColumn.inferring(name: "a", texts: ["1", "2", nil, ""]).type == .integer)
        #expect(AttributeColumn.inferring(name: "a", texts: ["1", "2.5"]).type == .double)
        #expect(AttributeColumn.inferring(name: "a", texts: ["True", "false"]).type == .bool)
        #expect(AttributeColumn.inferring(name: "a", texts: ["1", "x"]).type == .string)
        #expect(AttributeColumn.inferring(name: "a", texts: ["inf", "1"]).type == .double)
        let empty = AttributeColumn.inferring(name: "a", texts: ["", nil])
        #expect(empty.type == .string)
        #expect(empty.presentCount == 0)
    }

    @Test("a value of another type converts or is refused")
    func conversions() {
        var column = AttributeColumn(name: "x", type: .double)
        let stored = column.set(.integer(3), at: 2)
        #expect(stored)
        #expect(column[2] == .double(3))
        #expect(column[0] == nil)
        let refused = column.set(.string("three"), at: 0)
        #expect(!refused)
        var text = AttributeColumn(name: "t", type: .string)
        let printed = text.set(.double(0.5), at: 0)
        #expect(printed)
        #expect(text[0] == .string("0.5"))
        var table = AttributeTable(rowCount: 2)
        table.set("n", .integer(1), at: 0)
        let widened = table.set("n", .double(1.5), at: 1)
        #expect(widened)
        #expect(table["n"]?.type == .double)
        #expect(table.value("n", at: 0) == .double(1))
    }

    @Test("doubles print as Python's repr; dates as ISO 8601")
    func formatting() {
        #expect(AttributeValue.double(1).text == "1.0")
        #expect(AttributeValue.double(0.1 + 0.2).text == "0.30000000000000004")
        #expect(AttributeValue.double(1e-5).text == "1e-05")
        #expect(AttributeValue.double(.infinity).text == "inf")
        #expect(AttributeValue.date(Date(timeIntervalSince1970: 86_400)).text == "1970-01-02")
        #expect(AttributeValue.date(Date(timeIntervalSince1970: 90_000)).text == "1970-01-02T01:00:00Z")
        #expect(AttributeValue.stringList(["a", "b"]).text == "a;b")
    }

    @Test("gathering reorders rows and leaves -1 missing")
    func gathering() {
        let column = AttributeColumn(name: "x", integers: [10, 20, 30])
        let gathered = column.gathering([2, -1, 0])
        #expect(gathered[0] == .integer(30))
        #expect(gathered[1] == nil)
        #expect(gathered[2] == .integer(10))
    }

    @Test("dates print as Foundation's ISO 8601 formatter prints them, days and timestamps")
    func dateFormatting() {
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        day.timeZone = TimeZone(identifier: "UTC")
        let stamp = ISO8601DateFormatter()
        stamp.formatOptions = [.withInternetDateTime]
        stamp.timeZone = TimeZone(identifier: "UTC")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed linear congruential sequence
        func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 16) % UInt64(range.upperBound - range.lowerBound + 1))
        }
        var samples: [Double] = [0, -1, 86_400, -86_400, 951_782_400, 951_868_800, 4_107_542_399, -2_208_988_800, 1_767_225_600]
        for _ in 0..<2000 { samples.append(Double(next(-5_000_000_000...8_000_000_000))) }
        for _ in 0..<500 { samples.append(Double(next(-20_000...40_000) * 86_400)) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = seconds.truncatingRemainder(dividingBy: 86_400) == 0 ? day.string(from: date) : stamp.string(from: date)
            #expect(AttributeValue.format(date) == expected, "\(seconds)")
        }
    }
}
