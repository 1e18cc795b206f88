import CercleCore
import Dispatch
import Foundation

/// Splitting per-source work across cores with a deterministic result.
///
/// Work `0..<count` is cut into a fixed number of contiguous chunks that does not depend
/// on the machine; each chunk runs on some core and fills its own partial result; the
/// partials are combined in chunk order. Floating-point sums therefore come out the same
/// on every run and every machine.
enum Parallel {
    /// The number of chunks for `count` items: at most 16, at least one item each.
    static func chunkCount(for count: Int) -> Int { max(1, min(16, count)) }

    /// Number of worker threads (``WorkerThreads/count``: `CERCLE_THREADS` or every core).
    static var threads: Int { WorkerThreads.count }

    /// Runs `body` on every chunk of `0..<count` and returns the partial results in
    /// chunk order.
    static func map<T>(count: Int, chunks: Int? = nil, _ body: (Range<Int>) throws -> T) throws -> [T] {
        let chunkCount = chunks ?? chunkCount(for: count)
        let ranges = (0..<chunkCount).map { chunk in
            (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
        }
        if threads == 1 || chunkCount == 1 {
            return try ranges.map(body)
        }
        let results = ResultSlots<T>(count: chunkCount)
        let errors = ResultSlots<Error>(count: chunkCount)
        let next = AtomicCounter()
        withoutActuallyEscaping(body) { body in
            let work = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: min(threads, chunkCount)) { _ in
                while true {
                    let chunk = next.increment()
                    guard chunk < chunkCount else { return }
                    do {
                        results.set(chunk, try work.value(ranges[chunk]))
                    } catch {
                        errors.set(chunk, error)
                    }
                }
            }
        }
        if let error = errors.values.compactMap({ $0 }).first { throw error }
        return results.values.compactMap { $0 }
    }
}

/// A value passed across threads whose safety the caller guarantees (each thread touches
/// its own slots, or only reads).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    /// Adds one and returns the value before.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }

    /// Adds `amount` and returns the new total.
    func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }
}
