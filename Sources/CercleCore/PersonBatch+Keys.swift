extension PersonBatch {
    /// Computes the identity keys of every row now, from the bytes, so that
    /// ``GraphBuilder/addPersons(_:source:referencedByID:)`` only looks them up: an
    /// importer prepares the next batch on another core while the builder takes this one.
    ///
    /// - Parameter includeName: add the name-only key, as the builder's
    ///   ``GraphBuilder/mergeOnName`` asks (keys prepared otherwise are made again).
    public mutating func prepareKeys(includeName: Bool) {
        var keys = self.keys
        self.keys = Keys()
        keys.removeAll()
        for row in 0..<count { keys.appendRow(of: self, row: row, includeName: includeName) }
        keys.includeName = includeName
        self.keys = keys
    }

    /// The id of row `row` (see the type's documentation), written over `id`: the one
    /// given, else the value of its first key of a kind in ``idKinds``, else `row:<line>`.
    ///
    /// - Returns: `false` (and no id) when the row has none of these.
    func id(of row: Int, into id: inout [UInt8]) -> Bool {
        id.removeAll(keepingCapacity: true)
        if explicitIDs.isPresent(row) {
            id.append(contentsOf: bytes[explicitIDs.run(row)])
            return true
        }
        let rowKeys = keys.keys(ofRow: row)
        for kind in idKinds {
            if let key = rowKeys.first(where: { keys.kinds[$0] == kind }) {
                keys.withKey(key) { id.append(contentsOf: $0) }
                return true
            }
        }
        guard let line = line(of: row) else { return false }
        id.append(contentsOf: "row:\(line)".utf8)
        return true
    }

    /// The identity keys of the rows, as bytes, each row's in the order of
    /// ``PersonRecord/identityKeys(includeName:)``: e-mails, profile URLs, phones, name and
    /// organisation, name; a key a row has twice is kept once.
    struct Keys: Sendable {
        var bytes: [UInt8] = []
        var kinds: [IdentityKey.Kind] = []
        /// Where each key ends in ``bytes`` (see ``range(ofKey:)``).
        var ends: [Int] = []
        var fingerprints: [UInt64] = []
        /// Row `r` has keys `firstKeys[r] ..< firstKeys[r + 1]`.
        var firstKeys: [Int] = [0]
        /// Whether the name-only key is among them; `nil` until prepared.
        var includeName: Bool?
        /// Normalised e-mail addresses, while their keys are made.
        private var scratch: [UInt8] = []

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            kinds.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            fingerprints.removeAll(keepingCapacity: true)
            firstKeys.removeAll(keepingCapacity: true)
            firstKeys.append(0)
            includeName = nil
        }

        /// The keys of row `row`.
        func keys(ofRow row: Int) -> Range<Int> { firstKeys[row]..<firstKeys[row + 1] }

        /// Where key `key` lies in ``bytes``.
        func range(ofKey key: Int) -> Range<Int> { (key == 0 ? 0 : ends[key - 1])..<ends[key] }

        func withKey<R>(_ key: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            let range = range(ofKey: key)
            return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
        }

        mutating func appendRow(of batch: PersonBatch, row: Int, includeName: Bool) {
            let items = batch.firstItems[row]..<batch.firstItems[row + 1]
            for item in items where batch.itemFields[item] == UInt8(PersonBatch.ListField.emails.rawValue) {
                batch.withItem(item) { utf8 in
                    scratch.removeAll(keepingCapacity: true)
                    guard IdentityKey.appendNormalizedEmail(utf8: utf8, to: &scratch) else { return }
                    bytes.append(contentsOf: scratch)
                }
                commit(.email)
            }
            for item in items where batch.itemFields[item] == UInt8(PersonBatch.ListField.profileURLs.rawValue) {
                batch.withItem(item) { utf8 in
                    switch IdentityKey.normalizeURL(utf8: utf8, into: &bytes) {
                    case .key, .none: break
                    case .needsUnicode:
                        if let url = IdentityKey.normalizedURL(String(decoding: utf8, as: UTF8.self)) { bytes += url.utf8 }
                    }
                }
                commit(.profileURL)
            }
            for item in items where batch.itemFields[item] == UInt8(PersonBatch.ListField.phones.rawValue) {
                batch.withItem(item) { _ = IdentityKey.normalizePhone(utf8: $0, into: &bytes) }
                commit(.phone)
            }
            batch.withField(.name, of: row) { name in
                guard let name else { return }
                batch.withField(.organisation, of: row) { organisation in
                    guard let organisation else { return }
                    let start = bytes.count
                    IdentityKey.appendFolded(utf8: name, to: &bytes)
                    guard bytes.count > start else { return }
                    bytes.append(contentsOf: [0x20, 0x7C, 0x20])  // " | "
                    let organisationStart = bytes.count
                    IdentityKey.appendFolded(utf8: organisation, to: &bytes)
                    if bytes.count == organisationStart { bytes.removeSubrange(start...) }
                }
                commit(.nameAndOrganisation)
                guard includeName else { return }
                let start = bytes.count
                IdentityKey.appendFolded(utf8: name, to: &bytes)
                if !bytes[start...].contains(0x20) { bytes.removeSubrange(start...) }
                commit(.name)
            }
            firstKeys.append(kinds.count)
        }

        /// Keeps the bytes written since the last key as a key of `kind`: composed to NFC
        /// as ``IdentityKey/init(kind:value:)`` composes, and dropped when empty or equal
        /// to a key the row has already.
        private mutating func commit(_ kind: IdentityKey.Kind) {
            let start = ends.last ?? 0
            guard bytes.count > start else { return }
            // One pass: the fingerprint, and whether the key may need composing.
            let (hash, composed) = bytes.withUnsafeBufferPointer { UTF8Text.fingerprint(UnsafeBufferPointer(rebasing: $0[start...])) }
            var fingerprint = hash
            if !composed {
                let key = IdentityKey(kind: kind, value: String(decoding: bytes[start...], as: UTF8.self))
                bytes.removeSubrange(start...)
                bytes += key.value.utf8
                fingerprint = key.fingerprint
            }
            for key in (firstKeys.last ?? 0)..<kinds.count where kinds[key] == kind && fingerprints[key] == fingerprint {
                if bytes[range(ofKey: key)].elementsEqual(bytes[start...]) {
                    bytes.removeSubrange(start...)
                    return
                }
            }
            kinds.append(kind)
            ends.append(bytes.count)
            fingerprints.append(fingerprint)
        }
    }
}
