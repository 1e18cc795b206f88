import CercleCore
import Foundation
import Testing

@Suite("Parallel work")
struct ParallelWorkTests {
    @Test("a pipeline takes every item, in order, and reuses the items it made")
    func pipelineOrder() throws {
        var next = 0
        var taken: [[Int]] = []
        var made = 0
        try ParallelWork.pipeline(
            make: { () -> [Int] in
                made += 1
                return []
            },
            fill: { item in
                item.removeAll(keepingCapacity: true)
                for _ in 0..<Int.random(in: 1...50) where next < 10_000 {
                    item.append(next)
                    next += 1
                }
                return next < 10_000
            },
            take: { item in taken.append(item) })
        #expect(taken.flatMap { $0 } == Array(0..<10_000))
        #expect(made <= 2)
    }

    @Test("an error of either stage stops the pipeline and reaches the caller")
    func pipelineErrors() {
        struct Stop: Error, Equatable { let stage: String }
        var filled = 0
        #expect(throws: Stop(stage: "fill")) {
            try ParallelWork.pipeline(
                make: { 0 },
                fill: { item in
                    filled += 1
                    item = filled
                    if filled == 5 { throw Stop(stage: "fill") }
                    return true
                },
                take: { _ in })
        }
        var takes = 0
        #expect(throws: Stop(stage: "take")) {
            try ParallelWork.pipeline(
                make: { 0 },
                fill: { _ in true },
                take: { _ in
                    takes += 1
                    if takes == 3 { throw Stop(stage: "take") }
                })
        }
        #expect(takes == 3)
    }
}
