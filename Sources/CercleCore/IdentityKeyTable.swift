import Foundation

/// The owner of every identity key seen so far: an open-addressing hash table over the
/// keys' 64-bit fingerprints, with the keys' bytes kept in one arena.
///
/// A table of a few million keys was the largest structure of a contact import as a
/// `[IdentityKey: Int32]`: one heap string per key, a SipHash per look-up, and a cache
/// miss on the text at every probe. Here a probe compares the fingerprint stored in the
/// slot's entry first; only on equal fingerprints are kind and bytes compared, so two
/// different keys with the same fingerprint stay two entries (a collision never merges
/// two persons).
///
/// - Complexity: O(length of the key) per look-up, amortised; 21 bytes per key plus its
///   bytes, and 8 bytes per slot at a load factor of at most two thirds.
@_spi(Testing) public struct IdentityKeyTable: Sendable {
    private var fingerprints: [UInt64] = []
    private var kinds: [IdentityKey.Kind] = []
    private var owners: [Int32] = []
    /// Bytes of every key, concatenated; key `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// The index over the entries, by ``hash(of:kind:)``.
    private var slots = TaggedSlots(count: 16)

    /// The number of distinct keys.
    public var count: Int { owners.count }

    /// An empty table.
    public init() {}

    /// Reserves room for `count` keys, and their slots, so that the table grows without
    /// rehashing.
    ///
    /// - Complexity: O(*k*) for *k* keys when the slots are remade, O(1) otherwise.
    public mutating func reserveCapacity(_ count: Int) {
        fingerprints.reserveCapacity(count)
        kinds.reserveCapacity(count)
        owners.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        var capacity = slots.count
        while 2 * capacity < 3 * count { capacity *= 2 }
        if capacity > slots.count { rehash(capacity) }
    }

    /// Makes `node` the owner of `key`, as `Dictionary.updateValue(_:forKey:)` does.
    ///
    /// - Returns: the previous owner, or `nil` when the key is new.
    public mutating func updateOwner(_ key: IdentityKey, to node: Int32) -> Int32? {
        var value = key.value
        return value.withUTF8 { updateOwner(kind: key.kind, utf8: $0, fingerprint: key.fingerprint, to: node).previous }
    }

    /// Makes `node` the owner of the key of `kind` whose value has these UTF-8 bytes (in
    /// NFC) and fingerprint (``IdentityKey/fingerprint(utf8:)``), for callers that hold
    /// keys as bytes.
    ///
    /// - Returns: the previous owner (`nil` when the key is new) and the key's entry,
    ///   which names it in ``kind(ofEntry:)`` and ``key(ofEntry:)``.
    public mutating func updateOwner(
        kind: IdentityKey.Kind, utf8: UnsafeBufferPointer<UInt8>, fingerprint: UInt64, to node: Int32
    ) -> (previous: Int32?, entry: Int32) {
        let hash = Self.hash(of: fingerprint, kind: kind)
        let (found, slot) = slots.find(hash) { fingerprints[$0] == fingerprint && kinds[$0] == kind && equal($0, utf8) }
        if let found {
            let previous = owners[found]
            owners[found] = node
            return (previous, Int32(found))
        }
        let index = Int32(owners.count)
        slots.fill(slot, hash: hash, entry: owners.count)
        fingerprints.append(fingerprint)
        kinds.append(kind)
        owners.append(node)
        bytes.append(contentsOf: utf8)
        starts.append(bytes.count)
        if 3 * owners.count > 2 * slots.count { rehash(slots.count * 2) }
        return (nil, index)
    }

    /// Reserves room for `growth` times the bytes of the keys there are.
    mutating func reserveText(growth: Double) {
        let wanted = Int(Double(bytes.count) * growth)
        if wanted > bytes.capacity { bytes.reserveCapacity(wanted) }
    }

    /// The owner of `key`, if any.
    public func owner(of key: IdentityKey) -> Int32? {
        var value = key.value
        let fingerprint = key.fingerprint
        return value.withUTF8 { utf8 -> Int32? in
            let found = slots.find(Self.hash(of: fingerprint, kind: key.kind)) {
                fingerprints[$0] == fingerprint && kinds[$0] == key.kind && equal($0, utf8)
            }.entry
            return found.map { owners[$0] }
        }
    }

    /// Reads the slots where these keys would be looked up, so that the look-ups soon
    /// after find them in the cache: reads that do not depend on each other are fetched
    /// together, where look-ups one after another wait for each miss in turn (a slot of a
    /// table of millions is a miss; it was 85 % of a look-up's time).
    ///
    /// - Returns: a value to keep, so that the reads are made.
    func warm(_ keys: Range<Int>, fingerprints: [UInt64], kinds: [IdentityKey.Kind]) -> UInt64 {
        var sum: UInt64 = 0
        for key in keys { sum &+= slots.first(of: Self.hash(of: fingerprints[key], kind: kinds[key])) }
        return sum
    }

    /// The kind of the key of entry `entry`.
    public func kind(ofEntry entry: Int32) -> IdentityKey.Kind { kinds[Int(entry)] }

    /// Calls `body` with the UTF-8 bytes of the key of entry `entry`.
    public func withUTF8<R>(ofEntry entry: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = starts[Int(entry)]
        let end = starts[Int(entry) + 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The key of entry `entry`.
    public func key(ofEntry entry: Int32) -> IdentityKey {
        let value = withUTF8(ofEntry: entry) { String(decoding: $0, as: UTF8.self) }
        return IdentityKey(kind: kinds[Int(entry)], value: value, fingerprint: fingerprints[Int(entry)])
    }

    private func equal(_ index: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == utf8.count else { return false }
        guard let keyBase = utf8.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + start, keyBase, utf8.count) == 0
        }
    }

    /// FNV-1a leaves the low bits of similar texts correlated: mix before masking.
    private static func hash(of fingerprint: UInt64, kind: IdentityKey.Kind) -> UInt64 {
        var h = fingerprint ^ UInt64(kind.rank) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    private mutating func rehash(_ capacity: Int) {
        let fingerprints = fingerprints
        let kinds = kinds
        slots.rebuild(count: capacity, entries: owners.count) { Self.hash(of: fingerprints[$0], kind: kinds[$0]) }
    }
}
