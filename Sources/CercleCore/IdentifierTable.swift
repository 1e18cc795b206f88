import Foundation

/// Interns external ids: each distinct id gets the next index `0, 1, 2…`.
///
/// An open-addressing hash table over the ids' UTF-8 bytes, so an importer can look an id
/// up straight from the bytes of its file, without making a `String` for every field of
/// every row (an edge list of a million rows has two million id fields and, typically,
/// only a hundred thousand distinct ids).
///
/// - Complexity: O(length of the id) per look-up, amortised.
struct IdentifierTable: Sendable {
    /// UTF-8 bytes of every id, concatenated; id `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots hold an id index + 1 (0 = empty); the capacity is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    var count: Int { hashes.count }

    mutating func reserveCapacity(_ count: Int) {
        hashes.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        var capacity = slots.count
        while capacity < count * 2 { capacity *= 2 }
        if capacity > slots.count { rehash(capacity) }
    }

    /// The id at `index`.
    func id(at index: Int32) -> String {
        let start = starts[Int(index)]
        return String(decoding: bytes[start..<starts[Int(index) + 1]], as: UTF8.self)
    }

    /// The index of `id`, if interned.
    func index(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { find($0, hash: Self.hash($0)).found }
    }

    /// The index of the id with these UTF-8 bytes, if interned.
    func index(utf8 key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: Self.hash(key)).found
    }

    /// The index of `id`, interning it when new.
    mutating func intern(_ id: String) -> (index: Int32, isNew: Bool) {
        var id = id
        return id.withUTF8 { intern(utf8: $0) }
    }

    /// The index of the id with these UTF-8 bytes (valid UTF-8), interning it when new.
    mutating func intern(utf8 key: UnsafeBufferPointer<UInt8>) -> (index: Int32, isNew: Bool) {
        let hash = Self.hash(key)
        let (found, slot) = find(key, hash: hash)
        if let found { return (found, false) }
        let index = Int32(hashes.count)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = index + 1
        if hashes.count * 2 > slots.count { rehash(slots.count * 2) }
        return (index, true)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (found: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = slots[slot]
                if entry == 0 { return (nil, slot) }
                let index = Int(entry - 1)
                if hashes[index] == hash, starts[index + 1] - starts[index] == key.count {
                    guard let storedBase = stored.baseAddress, let keyBase = key.baseAddress else {
                        return (Int32(index), slot)  // both empty
                    }
                    if memcmp(storedBase + starts[index], keyBase, key.count) == 0 { return (Int32(index), slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func rehash(_ capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        let mask = capacity - 1
        for index in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a over the bytes, then a final mix so low bits spread well.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = IdentityKey.fingerprint(utf8: key)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}
