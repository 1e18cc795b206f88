import Foundation

extension AttributeColumn {
    /// The values of a string column: their UTF-8 bytes in one buffer, and a span of it
    /// per row.
    ///
    /// A million persons' names, companies and titles were a million heap strings per
    /// column, each allocated by an importer, retained by the column and the graph, and
    /// released one by one. Here a column is three arrays whatever its length, a value is
    /// copied in once, and a writer copies its bytes out without making a `String`.
    ///
    /// Rows are spans (start, length) into ``bytes``; a length of -1 marks a missing
    /// value. A value equal to the one stored last shares its span (the source of every
    /// person of a file, the organisation of consecutive colleagues), and an overwritten
    /// row leaves its old bytes unreferenced until the column is gathered or rebuilt.
    /// Two columns are equal when their rows hold the same values, byte for byte, whatever
    /// their buffers (stricter than `String` equality, which calls canonically equivalent
    /// texts equal).
    ///
    /// - Complexity: 12 bytes per row plus the bytes of the distinct consecutive values.
    public struct Strings: Sendable, Equatable {
        @usableFromInline var bytes: [UInt8] = []
        /// Each row's bytes.
        @usableFromInline var spans = Spans()
        /// The span appended last, shared by an equal value appended next.
        var lastStart = 0
        var lastLength: Int32 = -1

        /// An empty column of `count` missing values.
        public init(count: Int = 0) {
            spans = Spans(missing: count)
        }

        /// A column holding `values`.
        public init(_ values: some Sequence<String?>) {
            for value in values { append(value) }
        }

        /// The number of rows, missing values included.
        @inlinable public var count: Int { spans.count }

        /// Reserves room for `rows` rows and `bytes` bytes of values in all.
        ///
        /// - Complexity: O(*n*) when the buffers move, O(1) otherwise.
        public mutating func reserveCapacity(rows: Int, bytes: Int = 0) {
            spans.reserveCapacity(rows)
            self.bytes.reserveCapacity(bytes)
        }

        /// Reserves room for `growth` times the bytes stored.
        mutating func reserveText(growth: Double) {
            let wanted = Int(Double(bytes.count) * growth)
            if wanted > bytes.capacity { bytes.reserveCapacity(wanted) }
        }

        /// Whether row `row` holds a value.
        @inlinable public func isPresent(at row: Int) -> Bool { spans.isPresent(row) }

        /// The number of rows holding a value.
        public var presentCount: Int { spans.presentCount }

        /// The value at `row`, or `nil` when missing.
        public subscript(row: Int) -> String? {
            withUTF8(at: row) { String(decoding: $0, as: UTF8.self) }
        }

        /// Calls `body` with the UTF-8 bytes of the value at `row`; `nil` when missing.
        /// The bytes are valid only during the call.
        ///
        /// - Complexity: O(1) besides `body`.
        @inlinable
        public func withUTF8<R>(at row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
            let length = Int(spans.lengths[row])
            guard length >= 0 else { return nil }
            let start = spans.starts[row]
            return try bytes.withUnsafeBufferPointer { buffer in
                try body(UnsafeBufferPointer(rebasing: buffer[start..<start + length]))
            }
        }

        /// Calls `body` with every row's bytes reader, for loops over many rows: one
        /// access to the buffers for the whole loop.
        @inlinable
        public func withRows<R>(_ body: (Rows) throws -> R) rethrows -> R {
            try bytes.withUnsafeBufferPointer { buffer in
                try spans.withUnsafeBuffers { starts, lengths in
                    try body(Rows(bytes: buffer, starts: starts, lengths: lengths))
                }
            }
        }

        /// The rows of a string column while ``withRows(_:)`` runs.
        public struct Rows {
            @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
            @usableFromInline let starts: UnsafeBufferPointer<Int>
            @usableFromInline let lengths: UnsafeBufferPointer<Int32>

            @inlinable
            init(bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, lengths: UnsafeBufferPointer<Int32>) {
                self.bytes = bytes
                self.starts = starts
                self.lengths = lengths
            }

            /// The number of rows.
            @inlinable public var count: Int { lengths.count }

            /// The UTF-8 bytes of the value at `row`, or `nil` when it is missing or
            /// `row` is out of range.
            @inlinable
            public subscript(row: Int) -> UnsafeBufferPointer<UInt8>? {
                guard UInt(bitPattern: row) < UInt(lengths.count) else { return nil }
                let length = Int(lengths[row])
                guard length >= 0 else { return nil }
                return UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row] + length])
            }
        }

        // MARK: Writing

        /// Appends a row holding `utf8` (valid UTF-8), or a missing value.
        ///
        /// - Complexity: amortised O(*k*) for *k* bytes.
        public mutating func append(utf8: UnsafeBufferPointer<UInt8>?) {
            guard let utf8 else {
                appendMissing()
                return
            }
            let (start, length) = store(utf8)
            spans.append(start: start, length: length)
        }

        /// Appends a row holding `value`, or a missing value.
        public mutating func append(_ value: String?) {
            guard var value else {
                appendMissing()
                return
            }
            value.withUTF8 { append(utf8: $0) }
        }

        /// Appends a row holding the value of row `row` (sharing its bytes).
        ///
        /// - Complexity: O(1).
        public mutating func append(copyOf row: Int) {
            spans.append(copyOf: row)
        }

        /// Appends `count` missing values.
        public mutating func appendMissing(count: Int = 1) {
            spans.appendMissing(count: count)
        }

        /// Stores `utf8` at `row` (growing the column with missing values as needed), or
        /// makes the row missing.
        /// The bytes must not lie in this column's own buffer.
        ///
        /// - Complexity: amortised O(*k*) for *k* bytes, plus the rows added.
        public mutating func set(utf8: UnsafeBufferPointer<UInt8>?, at row: Int) {
            if row >= count {
                appendMissing(count: row - count)
                append(utf8: utf8)
                return
            }
            guard let utf8 else { return spans.setMissing(at: row) }
            let (start, length) = store(utf8)
            spans.set(start: start, length: length, at: row)
        }

        /// Stores `value` at `row`, as ``set(utf8:at:)``.
        public mutating func set(_ value: String?, at row: Int) {
            guard var value else {
                set(utf8: nil, at: row)
                return
            }
            value.withUTF8 { set(utf8: $0, at: row) }
        }

        /// The span of `utf8` in the buffer: the last one stored when equal, else a new one.
        private mutating func store(_ utf8: UnsafeBufferPointer<UInt8>) -> (Int, Int32) {
            precondition(utf8.count < Int(Int32.max), "an attribute value of 2 GB or more")
            let length = Int32(utf8.count)
            if length == lastLength, sameBytes(at: lastStart, as: utf8) { return (lastStart, length) }
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            lastStart = start
            lastLength = length
            return (start, length)
        }

        private func sameBytes(at start: Int, as utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = utf8.baseAddress else { return true }
            return bytes.withUnsafeBufferPointer { stored in
                guard let storedBase = stored.baseAddress else { return false }
                return memcmp(storedBase + start, base, utf8.count) == 0
            }
        }

        /// A column whose row `i` is this column's row `indices[i]` (`-1` or an index past
        /// the end gives a missing value). The bytes are shared, not copied, unless the
        /// result is much smaller than the column (a subgraph), whose values are then copied
        /// so that it does not keep the whole buffer alive.
        ///
        /// - Complexity: O(*k*) for *k* indices (plus their bytes when copied).
        public func gathering(_ indices: [Int]) -> Strings {
            if 4 * indices.count < count {
                var small = Strings()
                withRows { rows in
                    for index in indices { small.append(utf8: rows[index]) }
                }
                return small
            }
            var result = Strings()
            result.bytes = bytes
            result.spans = spans.gathering(indices)
            return result
        }

        /// ``AttributeColumn/combining(offsets:members:)``: the first value present.
        func combining(offsets: [Int], members: [Int]) -> Strings {
            var result = Strings()
            result.bytes = bytes
            let rows = offsets.count - 1
            result.spans.reserveCapacity(rows)
            for row in 0..<rows {
                if let member = spans.firstPresent(in: members[offsets[row]..<offsets[row + 1]]) {
                    result.spans.append(copyOf: member, of: spans)
                } else {
                    result.spans.appendMissing()
                }
            }
            return result
        }

        public static func == (lhs: Strings, rhs: Strings) -> Bool {
            guard lhs.count == rhs.count else { return false }
            return lhs.withRows { left in
                rhs.withRows { right in
                    for row in 0..<left.count {
                        switch (left[row], right[row]) {
                        case (nil, nil): continue
                        case (let a?, let b?): if !a.elementsEqual(b) { return false }
                        default: return false
                        }
                    }
                    return true
                }
            }
        }
    }

    /// The values of a string-list column: the UTF-8 bytes of every item in one buffer,
    /// a span per item, and a run of items per row.
    ///
    /// As ``Strings``: a list equal to the one stored last shares its items (the
    /// `sources` of every person of a file, the `channels` of a million LinkedIn ties),
    /// a count of -1 marks a missing value (an empty list is a value), and equality is by
    /// the items' bytes.
    ///
    /// - Complexity: 12 bytes per row and per distinct item, plus the items' bytes.
    public struct StringLists: Sendable, Equatable {
        @usableFromInline var bytes: [UInt8] = []
        /// Each item's bytes.
        @usableFromInline var items = Spans()
        /// Each row's run of items (first item, count).
        @usableFromInline var lists = Spans()
        /// The items of the list appended last, shared by an equal list appended next.
        var lastFirst = 0
        var lastCount: Int32 = -1

        /// An empty column of `count` missing values.
        public init(count: Int = 0) {
            lists = Spans(missing: count)
        }

        /// A column holding `values`.
        public init(_ values: some Sequence<[String]?>) {
            for value in values { append(value) }
        }

        /// The number of rows, missing values included.
        @inlinable public var count: Int { lists.count }

        /// Reserves room for `rows` rows of about one item each, and `bytes` bytes of items.
        ///
        /// - Complexity: O(*n*) when the buffers move, O(1) otherwise.
        public mutating func reserveCapacity(rows: Int, bytes: Int = 0) {
            lists.reserveCapacity(rows)
            items.reserveCapacity(rows)
            self.bytes.reserveCapacity(bytes)
        }

        /// Reserves room for `growth` times the items and bytes stored.
        mutating func reserveText(growth: Double) {
            let wanted = Int(Double(bytes.count) * growth)
            if wanted > bytes.capacity { bytes.reserveCapacity(wanted) }
            items.reserveCapacity(Int(Double(items.count) * growth))
        }

        /// Whether row `row` holds a list (perhaps an empty one).
        @inlinable public func isPresent(at row: Int) -> Bool { lists.isPresent(row) }

        /// The number of rows holding a list.
        public var presentCount: Int { lists.presentCount }

        /// The list at `row`, or `nil` when missing.
        public subscript(row: Int) -> [String]? {
            withRows { rows in
                guard let items = rows.itemCount(at: row) else { return nil }
                return (0..<items).map { String(decoding: rows.item($0, ofRow: row), as: UTF8.self) }
            }
        }

        /// The number of items of the list at `row`, or `nil` when it is missing or `row` is
        /// out of range.
        @inlinable
        public func itemCount(at row: Int) -> Int? {
            guard UInt(bitPattern: row) < UInt(lists.count), lists.lengths[row] >= 0 else { return nil }
            return Int(lists.lengths[row])
        }

        /// Calls `body` with every row's reader, for loops over many rows.
        @inlinable
        public func withRows<R>(_ body: (Rows) throws -> R) rethrows -> R {
            try bytes.withUnsafeBufferPointer { buffer in
                try items.withUnsafeBuffers { itemStarts, itemLengths in
                    try lists.withUnsafeBuffers { firstItems, itemCounts in
                        try body(Rows(bytes: buffer, itemStarts: itemStarts, itemLengths: itemLengths,
                                      firstItems: firstItems, itemCounts: itemCounts))
                    }
                }
            }
        }

        /// The rows of a string-list column while ``withRows(_:)`` runs.
        public struct Rows {
            @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
            @usableFromInline let itemStarts: UnsafeBufferPointer<Int>
            @usableFromInline let itemLengths: UnsafeBufferPointer<Int32>
            @usableFromInline let firstItems: UnsafeBufferPointer<Int>
            @usableFromInline let itemCounts: UnsafeBufferPointer<Int32>

            @inlinable
            init(
                bytes: UnsafeBufferPointer<UInt8>, itemStarts: UnsafeBufferPointer<Int>, itemLengths: UnsafeBufferPointer<Int32>,
                firstItems: UnsafeBufferPointer<Int>, itemCounts: UnsafeBufferPointer<Int32>
            ) {
                self.bytes = bytes
                self.itemStarts = itemStarts
                self.itemLengths = itemLengths
                self.firstItems = firstItems
                self.itemCounts = itemCounts
            }

            /// The number of rows.
            @inlinable public var count: Int { itemCounts.count }

            /// The number of items of the list at `row`, or `nil` when it is missing or
            /// `row` is out of range.
            @inlinable
            public func itemCount(at row: Int) -> Int? {
                guard UInt(bitPattern: row) < UInt(itemCounts.count), itemCounts[row] >= 0 else { return nil }
                return Int(itemCounts[row])
            }

            /// The UTF-8 bytes of item `index` of the list at `row`.
            ///
            /// - Precondition: `index < itemCount(at: row)`.
            @inlinable
            public func item(_ index: Int, ofRow row: Int) -> UnsafeBufferPointer<UInt8> {
                precondition(UInt(bitPattern: index) < UInt(itemCount(at: row) ?? 0), "item \(index) of row \(row) out of range")
                return bytes(ofItem: firstItems[row] + index)
            }

            /// The UTF-8 bytes of item `item` of the column (the items of every row, in
            /// the order stored).
            @inlinable
            func bytes(ofItem item: Int) -> UnsafeBufferPointer<UInt8> {
                let start = itemStarts[item]
                return UnsafeBufferPointer(rebasing: bytes[start..<start + Int(itemLengths[item])])
            }
        }

        // MARK: Writing

        /// Appends a row holding `list`, or a missing value.
        ///
        /// - Complexity: amortised O(*k*) for *k* bytes of the list.
        public mutating func append(_ list: [String]?) {
            guard let list else {
                appendMissing()
                return
            }
            let (first, count) = store(list)
            lists.append(start: first, length: count)
        }

        /// Appends a row holding the list of row `row` (sharing its items).
        ///
        /// - Complexity: O(1).
        public mutating func append(copyOf row: Int) {
            lists.append(copyOf: row)
        }

        /// Appends `count` missing values.
        public mutating func appendMissing(count: Int = 1) {
            lists.appendMissing(count: count)
        }

        /// Stores `list` at `row` (growing the column with missing values as needed), or
        /// makes the row missing.
        ///
        /// - Complexity: amortised O(*k*) for *k* bytes of the list, plus the rows added.
        public mutating func set(_ list: [String]?, at row: Int) {
            if row >= count {
                appendMissing(count: row - count)
                append(list)
                return
            }
            guard let list else { return lists.setMissing(at: row) }
            let (first, count) = store(list)
            lists.set(start: first, length: count, at: row)
        }

        /// Stores at `row` (growing the column with missing values as needed) the list of
        /// `count` UTF-8 texts that `items` gives one by one, for writers that hold bytes
        /// rather than strings. The texts must not lie in this column's own buffer.
        ///
        /// - Complexity: amortised O(*k*) for *k* bytes of the list, plus the rows added.
        public mutating func set(count: Int, at row: Int, _ items: (Int) -> UnsafeBufferPointer<UInt8>) {
            precondition(count < Int(Int32.max), "a list of 2^31 items or more")
            if row >= self.count { appendMissing(count: row + 1 - self.count) }
            if Int32(count) == lastCount, sameItems(count: count, items) {
                return lists.set(start: lastFirst, length: lastCount, at: row)
            }
            let first = self.items.count
            for index in 0..<count { appendItem(items(index)) }
            lastFirst = first
            lastCount = Int32(count)
            lists.set(start: first, length: Int32(count), at: row)
        }

        private mutating func store(_ list: [String]) -> (Int, Int32) {
            precondition(list.count < Int(Int32.max), "a list of 2^31 items or more")
            let count = Int32(list.count)
            if count == lastCount, sameItems(as: list) { return (lastFirst, count) }
            let first = items.count
            for var item in list { item.withUTF8 { appendItem($0) } }
            lastFirst = first
            lastCount = count
            return (first, count)
        }

        private mutating func appendItem(_ utf8: UnsafeBufferPointer<UInt8>) {
            precondition(utf8.count < Int(Int32.max), "an attribute value of 2 GB or more")
            items.append(start: bytes.count, length: Int32(utf8.count))
            bytes.append(contentsOf: utf8)
        }

        private func sameItems(as list: [String]) -> Bool {
            withRows { rows in
                for (index, var item) in list.enumerated() {
                    let stored = lastItem(index, rows)
                    guard item.withUTF8({ stored.elementsEqual($0) }) else { return false }
                }
                return true
            }
        }

        private func sameItems(count: Int, _ items: (Int) -> UnsafeBufferPointer<UInt8>) -> Bool {
            withRows { rows in
                for index in 0..<count where !lastItem(index, rows).elementsEqual(items(index)) { return false }
                return true
            }
        }

        private func lastItem(_ index: Int, _ rows: Rows) -> UnsafeBufferPointer<UInt8> {
            rows.bytes(ofItem: lastFirst + index)
        }

        /// A column whose row `i` is this column's row `indices[i]` (`-1` or an index past
        /// the end gives a missing value). The items are shared, not copied, unless the
        /// result is much smaller than the column, whose lists are then copied.
        ///
        /// - Complexity: O(*k*) for *k* indices (plus their items when copied).
        public func gathering(_ indices: [Int]) -> StringLists {
            if 4 * indices.count < count {
                var small = StringLists()
                withRows { rows in
                    for index in indices {
                        guard let items = rows.itemCount(at: index) else {
                            small.appendMissing()
                            continue
                        }
                        small.set(count: items, at: small.count) { rows.item($0, ofRow: index) }
                    }
                }
                return small
            }
            var result = StringLists()
            result.bytes = bytes
            result.items = items
            result.lists = lists.gathering(indices)
            return result
        }

        /// ``AttributeColumn/combining(offsets:members:)``: the union of the members' lists,
        /// in order, an item once (as strings compare: `a + b.filter { !a.contains($0) }`).
        /// A union that adds nothing to the first list is that list; only the others add
        /// items, which point at the bytes already there.
        func combining(offsets: [Int], members: [Int]) -> StringLists {
            var result = StringLists()
            result.bytes = bytes
            result.items = items
            let rows = offsets.count - 1
            result.lists.reserveCapacity(rows)
            var union: [Int] = []
            withRows { source in
                for row in 0..<rows {
                    let group = members[offsets[row]..<offsets[row + 1]]
                    guard let headIndex = group.firstIndex(where: { $0 < count && lists.isPresent($0) }) else {
                        result.lists.appendMissing()
                        continue
                    }
                    let head = group[headIndex]
                    if headIndex == group.endIndex - 1 {
                        // One member (most persons): its list as it is.
                        result.lists.append(copyOf: head, of: lists)
                        continue
                    }
                    let headItems = lists.run(head)
                    union.removeAll(keepingCapacity: true)
                    union.append(contentsOf: headItems)
                    for p in group[(headIndex + 1)...] where p < count && lists.isPresent(p) {
                        let known = union.count
                        for item in lists.run(p)
                        where !union[..<known].contains(where: { UTF8Text.equalAsStrings(source.bytes(ofItem: $0), source.bytes(ofItem: item)) }) {
                            union.append(item)
                        }
                    }
                    if union.count == headItems.count {
                        // Nothing added to the first list: that list.
                        result.lists.append(copyOf: head, of: lists)
                        continue
                    }
                    result.lists.append(start: result.items.count, length: Int32(union.count))
                    for item in union { result.items.append(copyOf: item, of: items) }
                }
            }
            return result
        }

        public static func == (lhs: StringLists, rhs: StringLists) -> Bool {
            guard lhs.count == rhs.count else { return false }
            return lhs.withRows { left in
                rhs.withRows { right in
                    for row in 0..<left.count {
                        let count = left.itemCount(at: row)
                        guard count == right.itemCount(at: row) else { return false }
                        for index in 0..<(count ?? 0)
                        where !left.item(index, ofRow: row).elementsEqual(right.item(index, ofRow: row)) {
                            return false
                        }
                    }
                    return true
                }
            }
        }
    }
}
