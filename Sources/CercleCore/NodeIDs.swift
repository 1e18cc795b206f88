/// The external ids of a graph's nodes, one per node index: a collection of strings kept
/// as UTF-8 in one buffer.
///
/// A contact graph of a million persons has a million ids of 20–40 bytes, the profile
/// URLs and addresses that name them. As `[String]` they were a million heap objects,
/// retained by every copy of the graph and read back one by one by every exporter; here
/// they are three arrays, and ``withUTF8(at:_:)`` gives an exporter an id's bytes
/// without making a string. Reading an id as a `String` (the subscript) makes one. Ids
/// compare by their bytes (`NodeIDs` equality, ``firstIndex(of:)``), as the builder
/// interns them.
///
/// - Complexity: subscript and ``withUTF8(at:_:)`` O(1) besides the copy; 12 bytes per
///   id plus its bytes.
public struct NodeIDs: RandomAccessCollection, Sendable, Equatable, Hashable, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    @usableFromInline var storage: AttributeColumn.Strings

    /// No id.
    public init() {
        storage = AttributeColumn.Strings()
    }

    /// The ids `ids`, in order.
    public init(_ ids: some Sequence<String>) {
        storage = AttributeColumn.Strings(ids.lazy.map { Optional($0) })
    }

    public init(arrayLiteral ids: String...) {
        self.init(ids)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }

    /// The id of node index `index`.
    ///
    /// - Precondition: `index` is a valid index.
    public subscript(index: Int) -> String {
        precondition(UInt(bitPattern: index) < UInt(storage.count), "node index \(index) out of range")
        return storage[index] ?? ""
    }

    /// Calls `body` with the UTF-8 bytes of the id at `index`, valid during the call.
    ///
    /// - Precondition: `index` is a valid index.
    @inlinable
    public func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(UInt(bitPattern: index) < UInt(storage.count), "node index \(index) out of range")
        return try storage.withUTF8(at: index, body) ?? body(UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Calls `body` with a reader of every id's bytes, for loops over many ids.
    @inlinable
    public func withRows<R>(_ body: (AttributeColumn.Strings.Rows) throws -> R) rethrows -> R {
        try storage.withRows(body)
    }

    /// The index of the first id equal to `id`, compared by bytes (no string made per id).
    ///
    /// - Complexity: O(*n*).
    public func firstIndex(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { wanted in
            storage.withRows { rows in
                (0..<rows.count).first { rows[$0].map { $0.elementsEqual(wanted) } ?? false }
            }
        }
    }

    /// Appends an id.
    ///
    /// - Complexity: amortised O(*k*) for *k* bytes.
    public mutating func append(_ id: String) {
        storage.append(id)
    }

    /// Appends an id given as UTF-8 bytes (valid UTF-8).
    ///
    /// - Complexity: amortised O(*k*) for *k* bytes.
    public mutating func append(utf8 id: UnsafeBufferPointer<UInt8>) {
        storage.append(utf8: id)
    }

    /// Reserves room for `count` ids of `bytes` bytes in all.
    ///
    /// - Complexity: O(*n*) when the buffers move, O(1) otherwise.
    public mutating func reserveCapacity(_ count: Int, bytes: Int = 0) {
        storage.reserveCapacity(rows: count, bytes: bytes)
    }

    /// The bytes of all ids.
    var byteCount: Int { storage.bytes.count }

    /// Reserves room for `growth` times the bytes of the ids there are.
    mutating func reserveText(growth: Double) {
        storage.reserveText(growth: growth)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        storage.withRows { rows in
            for index in 0..<rows.count {
                let id = rows[index] ?? UnsafeBufferPointer(start: nil, count: 0)
                hasher.combine(id.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(id))
            }
        }
    }

    public var description: String { Array(self).description }
}
