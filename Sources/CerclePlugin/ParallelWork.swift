import CercleCore
import Dispatch
import Foundation

/// Independent pieces of work spread over the cores, for importers and exporters that
/// prepare records or lines in batches and then consume them in order.
///
/// Results never depend on the number of threads: each piece writes its own slot, and the
/// caller reads the slots in order once all pieces are done.
public enum ParallelWork {
    /// Worker threads (``WorkerThreads/count``: `CERCLE_THREADS` or every core).
    public static var threads: Int { WorkerThreads.count }

    /// Runs `body(i)` for every `i` in `0..<count`, on all cores when there are several,
    /// and returns the results in order.
    ///
    /// - Complexity: `count` calls of `body`, plus one slot per result.
    public static func map<T>(count: Int, _ body: (Int) -> T) -> [T] {
        guard threads > 1, count > 1 else { return (0..<count).map(body) }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = buffer
            withoutActuallyEscaping(body) { body in
                let work = Unchecked((body, slots))
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    work.value.1.initializeElement(at: index, to: work.value.0(index))
                }
            }
            initialized = count
        }
    }
}

/// A value handed to worker threads whose safety the caller guarantees (each thread
/// writes only its own slot).
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
