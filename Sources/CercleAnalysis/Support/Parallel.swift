import CercleCore

/// Splitting per-source work across cores with a deterministic result.
///
/// Work `0..<count` is cut into a fixed number of contiguous chunks that does not depend
/// on the machine; each chunk runs on some core (``ParallelWork``) and fills its own
/// partial result; the partials are combined in chunk order. Floating-point sums therefore
/// come out the same on every run and every machine.
enum Parallel {
    /// The number of chunks for `count` items: at most 16, at least one item each.
    static func chunkCount(for count: Int) -> Int { max(1, min(16, count)) }

    /// Runs `body` on every chunk of `0..<count` and returns the partial results in
    /// chunk order.
    static func map<T>(count: Int, chunks: Int? = nil, _ body: (Range<Int>) throws -> T) throws -> [T] {
        let chunkCount = chunks ?? chunkCount(for: count)
        let ranges = (0..<chunkCount).map { chunk in
            (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
        }
        return try ParallelWork.map(count: chunkCount) { try body(ranges[$0]) }
    }
}
