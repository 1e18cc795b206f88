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

extension ParallelWork {
    /// Runs a two-stage pipeline: `fill` prepares items one after another on a thread of
    /// its own while `take` consumes them, in the same order, on this thread; at most
    /// `slots` items are between the two. Items are made once by `make` and filled again
    /// once taken, so their buffers keep their capacity (and their pages).
    ///
    /// An importer reads and parses the next rows of a file while the graph builder takes
    /// the previous ones. Unlike rounds in lockstep, neither stage waits for the other
    /// while the buffer has room: a slow item on one side is absorbed.
    ///
    /// - Parameters:
    ///   - fill: fills an item; returns whether more items follow (the item filled is
    ///     taken either way).
    ///   - take: consumes an item.
    /// - Throws: the first error of either stage; the other stops at its next item.
    /// - Complexity: one lock and two semaphore operations per item.
    ///
    /// Both stages block their threads while they wait for each other (semaphores), and
    /// the pipeline does not look at task cancellation: it is for synchronous work, as an
    /// importer's `read` is.
    public static func pipeline<Item>(
        slots: Int = 2, make: () -> Item, fill: (inout Item) throws -> Bool, take: (Item) throws -> Void
    ) throws {
        guard threads > 1 else {
            var item = make()
            var more = true
            while more {
                more = try fill(&item)
                try take(item)
            }
            return
        }
        try withoutActuallyEscaping(fill) { fill in
            try withoutActuallyEscaping(make) { make in
                let state = PipelineState<Item>(slots: slots)
                // The producer's thread lets go of the closures before it says it is done:
                // they must not outlive this call (the thread object may).
                let stages = ProducerStages(make: make, fill: fill)
                let producer = Thread {
                    if let make = stages.make, let fill = stages.fill { state.produce(make: make, fill: fill) }
                    stages.make = nil
                    stages.fill = nil
                    state.finished.signal()
                }
                producer.start()
                defer { state.finished.wait() }
                while let item = try state.next() {
                    do {
                        try take(item)
                    } catch {
                        state.cancel()
                        throw error
                    }
                    state.recycle(item)
                }
            }
        }
    }
}

/// The closures the producer of ``ParallelWork/pipeline(slots:make:fill:take:)`` runs,
/// dropped by its thread once done.
private final class ProducerStages<Item>: @unchecked Sendable {
    var make: (() -> Item)?
    var fill: ((inout Item) throws -> Bool)?

    init(make: @escaping () -> Item, fill: @escaping (inout Item) throws -> Bool) {
        self.make = make
        self.fill = fill
    }
}

/// The items between the two stages of ``ParallelWork/pipeline(slots:make:fill:take:)``.
private final class PipelineState<Item>: @unchecked Sendable {
    private let lock = NSLock()
    private var ready: [Item] = []
    private var spare: [Item] = []
    private var done = false
    private var failure: Error?
    private var cancelled = false
    /// Signalled once per item ready and once when the producer stops.
    private let readyCount = DispatchSemaphore(value: 0)
    /// Signalled once per slot free.
    private let freeCount: DispatchSemaphore
    /// Signalled when the producer's thread has finished with the closures.
    let finished = DispatchSemaphore(value: 0)

    init(slots: Int) {
        // Created at zero and signalled up: libdispatch traps when a semaphore is freed
        // below the value it was created with (as after an error, slots still taken).
        freeCount = DispatchSemaphore(value: 0)
        for _ in 0..<max(1, slots) { freeCount.signal() }
    }

    /// The producer's loop.
    func produce(make: () -> Item, fill: (inout Item) throws -> Bool) {
        while true {
            freeCount.wait()
            var item: Item
            if let reused = lock.withLock({ cancelled ? nil : spare.popLast() }) {
                item = reused
            } else if lock.withLock({ cancelled }) {
                break
            } else {
                item = make()
            }
            do {
                let more = try fill(&item)
                lock.withLock { ready.append(item) }
                readyCount.signal()
                if !more { break }
            } catch {
                lock.withLock { failure = error }
                break
            }
        }
        lock.withLock { done = true }
        readyCount.signal()
    }

    /// The next item in order, `nil` once the producer stopped; throws its error.
    func next() throws -> Item? {
        readyCount.wait()
        let (item, failure) = lock.withLock { () -> (Item?, Error?) in
            ready.isEmpty ? (nil, self.failure) : (ready.removeFirst(), nil)
        }
        if let failure { throw failure }
        return item
    }

    /// Gives a taken item back for filling again.
    func recycle(_ item: Item) {
        lock.withLock { spare.append(item) }
        freeCount.signal()
    }

    /// Stops the producer at its next item.
    func cancel() {
        lock.withLock { cancelled = true }
        freeCount.signal()
    }
}
