import CercleAnalysis
import CercleCore
import Foundation
import Testing

@Suite("Dunbar circles and natural breaks")
struct DunbarCirclesTests {
    /// An ego with 5 very strong, 10 medium and 100 weak ties (all strengths distinct).
    static let egoNetwork: ContactGraph = {
        var ties: [(String, String, Double)] = []
        for i in 0..<5 { ties.append(("ego", "strong\(i)", 0.95 - Double(i) * 0.01)) }
        for i in 0..<10 { ties.append(("ego", "medium\(i)", 0.55 - Double(i) * 0.01)) }
        for i in 0..<100 { ties.append(("ego", "weak\(i)", 0.08 - Double(i) * 0.0005)) }
        // Ties among alters do not change the ego's circles.
        ties.append(("strong0", "weak3", 0.7))
        return InsightGraphs.make([], ties)
    }()

    @Test("5 very strong, 10 medium and 100 weak ties fall into the layers 5, 15, 50 and 150")
    func dunbarLayers() {
        let graph = Self.egoNetwork
        let result = DunbarCircles().run(on: graph, ego: InsightGraphs.node(graph, "ego"))
        #expect(result.circles.map(\.name) == ["5", "15", "50", "150"])
        #expect(result.circles.map(\.count) == [5, 10, 35, 65])
        #expect(result.circles.map(\.cumulative) == [5, 15, 50, 115])
        #expect(result.alters(inCircle: 0).map { graph.ids[Int($0)] }.sorted() == (0..<5).map { "strong\($0)" })
        #expect(result.alters(inCircle: 1).map { graph.ids[Int($0)] }.sorted() == (0..<10).map { "medium\($0)" }.sorted())
        #expect(result.alters(inCircle: 2).allSatisfy { graph.ids[Int($0)].hasPrefix("weak") })
        #expect(result.placements.first?.strength == 0.95)
        #expect(abs(result.circles[0].meanStrength - 0.93) < 1e-12)
    }

    @Test("natural breaks separate the three groups whatever their sizes")
    func naturalBreaksCircles() {
        let graph = Self.egoNetwork
        let ego = InsightGraphs.node(graph, "ego")
        let result = DunbarCircles(method: .naturalBreaks(classes: 3)).run(on: graph, ego: ego)
        #expect(result.circles.map(\.name) == ["1", "2", "3"])
        #expect(result.circles.map(\.count) == [5, 10, 100])
        // More classes than distinct values: as many circles as values.
        let small = InsightGraphs.make([], [("e", "a", 0.5), ("e", "b", 0.5), ("e", "c", 0.1)])
        let two = DunbarCircles(method: .naturalBreaks(classes: 4)).run(on: small, ego: InsightGraphs.node(small, "e"))
        #expect(two.circles.map(\.count) == [2, 1])
    }

    @Test("an ego without contacts has empty layers; more than 150 contacts spill beyond")
    func edgeCases() {
        let lonely = InsightGraphs.make([Person(id: "ego")], [])
        let empty = DunbarCircles().run(on: lonely, ego: 0)
        #expect(empty.placements.isEmpty)
        #expect(empty.circles.map(\.count) == [0, 0, 0, 0])
        let big = InsightGraphs.make([], (0..<200).map { ("ego", "a\($0)", 0.5) })
        let spilled = DunbarCircles().run(on: big, ego: InsightGraphs.node(big, "ego"))
        #expect(spilled.circles.map(\.count) == [5, 10, 35, 100, 50])
        #expect(spilled.circles.last?.name == "beyond")
    }

    @Test("the documented example of natural breaks")
    func breaksExample() {
        #expect(NaturalBreaks.breaks([1, 2, 3, 10, 11, 12, 30], classes: 3) == [3, 12])
        #expect(NaturalBreaks.breaks([4, 4, 4], classes: 3) == [])
        #expect(NaturalBreaks.breaks([], classes: 2) == [])
    }

    @Test("natural breaks are optimal: no other split of a small sample has less squared deviation")
    func breaksMatchBruteForce() {
        var state: UInt64 = 12_345
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 40) / Double(1 << 24)
        }
        func deviation(_ values: [Double], _ bounds: [Double]) -> Double {
            var classes = [[Double]](repeating: [], count: bounds.count + 1)
            for value in values { classes[bounds.filter { $0 < value }.count].append(value) }
            return classes.reduce(0) { total, group in
                guard !group.isEmpty else { return total }
                let mean = group.reduce(0, +) / Double(group.count)
                return total + group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            }
        }
        for _ in 0..<20 {
            let values = (0..<9).map { _ in (next() * 20).rounded() / 20 }
            let distinct = Array(Set(values)).sorted()
            let k = 3
            guard distinct.count >= k else { continue }
            let found = deviation(values, NaturalBreaks.breaks(values, classes: k))
            var best = Double.infinity
            for i in 0..<(distinct.count - 1) {
                for j in (i + 1)..<(distinct.count - 1) { best = min(best, deviation(values, [distinct[i], distinct[j]])) }
            }
            #expect(abs(found - best) < 1e-9, "\(values)")
        }
    }
}

private typealias Person = InsightGraphs.Person
