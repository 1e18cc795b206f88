import Foundation

/// The ids given to the nodes of a graph being built, so that no two nodes get the same
/// one: an open-addressing set over the ids where they are stored, in a ``NodeIDs`` (no
/// second copy of a million ids).
///
/// Ids are the same when they are equal as strings: the same bytes, or, for text with
/// combining marks, canonically equivalent (`Zoë` composed or not). Text below U+0300
/// has one form only, so only ids with a byte from 0xCC up are composed to be compared.
struct TakenIDs {
    /// A slot holds the high half of the id's hash and its index + 1 (0: empty); a probe
    /// past other ids reads none of them unless the halves agree.
    private var slots: [UInt64]

    /// A set for about `count` ids.
    init(capacity count: Int) {
        var size = 16
        while size < 2 * count { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// Appends `id` to `ids` unless an id there is equal to it.
    ///
    /// - Returns: whether `id` was new (and appended).
    /// - Complexity: O(length of `id`), amortised.
    mutating func append(_ id: UnsafeBufferPointer<UInt8>, to ids: inout NodeIDs) -> Bool {
        let composed = Self.composed(id)
        let hash = composed.map { $0.withUnsafeBufferPointer(IdentifierTable.hash) } ?? IdentifierTable.hash(id)
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry >> 32 == tag, ids.withUTF8(at: Int(entry & 0xFFFF_FFFF) - 1, { Self.same($0, id, composed) }) {
                return false
            }
            slot = (slot + 1) & mask
        }
        ids.append(utf8: id)
        slots[slot] = tag << 32 | UInt64(ids.count)
        if 2 * ids.count > slots.count { rehash(ids) }
        return true
    }

    /// The NFC form of `id`, or `nil` when its bytes are that form already.
    private static func composed(_ id: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard id.contains(where: { $0 >= 0xCC }) else { return nil }
        return Array(String(decoding: id, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether the stored id `stored` equals `id` (whose NFC form is `composed`, if not itself).
    private static func same(_ stored: UnsafeBufferPointer<UInt8>, _ id: UnsafeBufferPointer<UInt8>, _ composed: [UInt8]?) -> Bool {
        if stored.elementsEqual(id) { return true }
        let storedComposed = Self.composed(stored)
        guard composed != nil || storedComposed != nil else { return false }
        return (storedComposed ?? Array(stored)) == (composed ?? Array(id))
    }

    private mutating func rehash(_ ids: NodeIDs) {
        slots = Array(repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        ids.withRows { rows in
            for index in 0..<rows.count {
                let id = rows[index] ?? UnsafeBufferPointer(start: nil, count: 0)
                let hash = Self.composed(id).map { $0.withUnsafeBufferPointer(IdentifierTable.hash) } ?? IdentifierTable.hash(id)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
            }
        }
    }
}
