/// The ids given to the nodes of a graph being built, so that no two nodes get the same
/// one: an open-addressing set over the ids where they are stored, in a ``NodeIDs`` (no
/// second copy of a million ids).
///
/// Ids are the same when they are equal as strings (``UTF8Text``): the same bytes, or,
/// for text with combining marks, canonically equivalent (`Zoë` composed or not). An id
/// is hashed by the bytes of its composed form.
struct TakenIDs {
    private var slots: TaggedSlots

    /// A set for about `count` ids.
    init(capacity count: Int) {
        var size = 16
        while size < 2 * count { size *= 2 }
        slots = TaggedSlots(count: size)
    }

    /// Appends `id` to `ids` unless an id there is equal to it.
    ///
    /// - Returns: whether `id` was new (and appended).
    /// - Complexity: O(length of `id`), amortised.
    mutating func append(_ id: UnsafeBufferPointer<UInt8>, to ids: inout NodeIDs) -> Bool {
        let hash = Self.hash(id)
        let (found, slot) = slots.find(hash) { ids.withUTF8(at: $0) { UTF8Text.equalAsStrings($0, id) } }
        guard found == nil else { return false }
        slots.fill(slot, hash: hash, entry: ids.count)
        ids.append(utf8: id)
        if 2 * ids.count > slots.count {
            ids.withRows { rows in
                slots.rebuild(count: 2 * slots.count, entries: rows.count) { Self.hash(rows[$0] ?? UnsafeBufferPointer(start: nil, count: 0)) }
            }
        }
        return true
    }

    /// The hash of `id`'s composed form.
    private static func hash(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UTF8Text.composed(id).map { $0.withUnsafeBufferPointer(IdentifierTable.hash) } ?? IdentifierTable.hash(id)
    }
}
