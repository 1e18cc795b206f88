import Dispatch
import Foundation

/// Independent pieces of work spread over the cores, results in order.
///
/// ``map(count:_:)`` runs `body(i)` for every `i` in `0..<count` on
/// `min(threads, count)` threads, each taking the next index when it finishes one, and
/// returns the results in index order: the output never depends on the number of
/// threads. The analysis cuts its per-source work into fixed chunks on top of this; the
/// writers format blocks of lines with it.
public enum ParallelWork {
    /// Worker threads (``WorkerThreads/count``: `CERCLE_THREADS` or every core).
    public static var threads: Int { WorkerThreads.count }

    /// Runs `body` on every index of `0..<count` and returns the results in index order.
    ///
    /// - Throws: the error of the lowest failing index, once every piece has run.
    /// - Complexity: `count` calls of `body`, plus one locked store per result.
    public static func map<T>(count: Int, _ body: (Int) throws -> T) throws -> [T] {
        guard threads > 1, count > 1 else { return try (0..<count).map(body) }
        let results = ResultSlots<T>(count: count)
        let errors = ResultSlots<Error>(count: count)
        let next = AtomicCounter()
        withoutActuallyEscaping(body) { body in
            let work = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
                while true {
                    let index = next.increment()
                    guard index < count else { return }
                    do {
                        results.set(index, try work.value(index))
                    } catch {
                        errors.set(index, error)
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
public struct UncheckedBox<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}

/// One slot per piece of work, filled from any thread.
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

/// A counter shared by worker threads (progress reports, the next piece of work).
public final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    public init() {}

    /// Adds one and returns the value before.
    public func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }

    /// Adds `amount` and returns the new total.
    public func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }
}
