/// The slots of an open-addressing hash index over entries kept elsewhere, numbered
/// from 0 (``IdentityKeyTable``'s keys, ``TakenIDs``' node ids).
///
/// A slot holds the high half of its entry's 64-bit hash and the entry + 1 (0: empty),
/// so that a probe passing over other entries' slots reads none of those entries unless
/// the halves agree; the low bits of the hash choose the first slot, and probing is
/// linear over a power-of-two number of slots. The owner decides when to grow (its load
/// factor) and compares entries.
///
/// - Complexity: 8 bytes per slot; a look-up reads the slots from the first one to the
///   entry or an empty slot.
struct TaggedSlots: Sendable {
    private var slots: [UInt64]

    /// `count` empty slots (a power of two).
    init(count: Int) {
        precondition(count > 0 && count & (count - 1) == 0, "a power of two")
        slots = Array(repeating: 0, count: count)
    }

    /// The number of slots.
    var count: Int { slots.count }

    /// The entry with hash `hash` for which `isEntry` holds, if any, and otherwise the
    /// empty slot where it goes.
    @inline(__always)
    func find(_ hash: UInt64, where isEntry: (Int) -> Bool) -> (entry: Int?, slot: Int) {
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let content = slots[slot]
            if content == 0 { return (nil, slot) }
            if content >> 32 == tag {
                let entry = Int(content & 0xFFFF_FFFF) - 1
                if isEntry(entry) { return (entry, slot) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Puts `entry`, whose hash is `hash`, in the empty slot `slot` that
    /// ``find(_:where:)`` gave.
    @inline(__always)
    mutating func fill(_ slot: Int, hash: UInt64, entry: Int) {
        slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    /// The content of the slot where a look-up of `hash` starts: reading it ahead of the
    /// look-up brings it into the cache.
    @inline(__always)
    func first(of hash: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: hash) & (slots.count - 1)]
    }

    /// Remakes the index with `count` slots (a power of two) over entries `0..<entries`,
    /// whose hashes `hash` gives.
    mutating func rebuild(count: Int, entries: Int, hash: (Int) -> UInt64) {
        self = TaggedSlots(count: count)
        for entry in 0..<entries {
            let hash = hash(entry)
            fill(find(hash, where: { _ in false }).slot, hash: hash, entry: entry)
        }
    }
}
