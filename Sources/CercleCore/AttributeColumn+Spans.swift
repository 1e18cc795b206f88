extension AttributeColumn {
    /// Per row, a span (start, length) of something kept elsewhere: a value's bytes in a
    /// ``Strings`` buffer, an item's bytes or a list's run of items in ``StringLists``. A
    /// length of -1 marks a missing row.
    ///
    /// - Complexity: 12 bytes per row.
    @usableFromInline struct Spans: Sendable, Equatable {
        @usableFromInline var starts: [Int] = []
        @usableFromInline var lengths: [Int32] = []

        init() {}

        /// `count` missing rows.
        init(missing count: Int) {
            starts = Array(repeating: 0, count: count)
            lengths = Array(repeating: -1, count: count)
        }

        @inlinable var count: Int { lengths.count }

        @inlinable func isPresent(_ row: Int) -> Bool { lengths[row] >= 0 }

        var presentCount: Int { lengths.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

        /// The positions `start ..< start + length` of row `row` (present).
        func run(_ row: Int) -> Range<Int> { starts[row]..<starts[row] + Int(lengths[row]) }

        /// The first of `members` that is a present row, if any.
        func firstPresent(in members: ArraySlice<Int>) -> Int? {
            members.first { $0 < count && lengths[$0] >= 0 }
        }

        @inlinable
        func withUnsafeBuffers<R>(_ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>) throws -> R) rethrows -> R {
            try starts.withUnsafeBufferPointer { starts in
                try lengths.withUnsafeBufferPointer { lengths in try body(starts, lengths) }
            }
        }

        /// Empties the spans, keeping their capacity.
        mutating func removeAll() {
            starts.removeAll(keepingCapacity: true)
            lengths.removeAll(keepingCapacity: true)
        }

        mutating func reserveCapacity(_ rows: Int) {
            starts.reserveCapacity(rows)
            lengths.reserveCapacity(rows)
        }

        mutating func append(start: Int, length: Int32) {
            starts.append(start)
            lengths.append(length)
        }

        /// Appends a row spanning what row `row` spans.
        mutating func append(copyOf row: Int) {
            append(start: starts[row], length: lengths[row])
        }

        /// Appends a row spanning what row `row` of `other` spans.
        mutating func append(copyOf row: Int, of other: Spans) {
            append(start: other.starts[row], length: other.lengths[row])
        }

        mutating func appendMissing(count: Int = 1) {
            if count == 1 {
                append(start: 0, length: -1)
            } else if count > 1 {
                starts.append(contentsOf: repeatElement(0, count: count))
                lengths.append(contentsOf: repeatElement(-1, count: count))
            }
        }

        /// Sets row `row` (below ``count``).
        mutating func set(start: Int, length: Int32, at row: Int) {
            starts[row] = start
            lengths[row] = length
        }

        /// Makes row `row` (below ``count``) missing.
        mutating func setMissing(at row: Int) {
            lengths[row] = -1
        }

        /// Rows whose row `i` is this one's row `indices[i]` (`-1` or an index past the end:
        /// missing).
        func gathering(_ indices: [Int]) -> Spans {
            var result = Spans()
            result.reserveCapacity(indices.count)
            for index in indices {
                if index >= 0, index < count {
                    result.append(copyOf: index, of: self)
                } else {
                    result.appendMissing()
                }
            }
            return result
        }
    }
}
