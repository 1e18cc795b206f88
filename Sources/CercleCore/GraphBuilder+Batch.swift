extension GraphBuilder {
    /// What ``addPersons(_:source:referencedByID:)`` did with a batch.
    public struct BatchOutcome: Sendable {
        /// The provisional node of each row, in order.
        public var nodes: [Int32] = []
        /// Rows that made a new person.
        public var created = 0
        /// Rows merged into an existing person (through a shared key or id).
        public var merged = 0
    }

    /// Adds the persons of `batch`, as ``addPerson(_:source:line:referencedByID:)`` adds
    /// each row's ``PersonBatch/record(at:)`` with the row's id and line, but from the
    /// bytes: identity keys are computed and looked up without a `String` each, and the
    /// fields of new persons are copied into their columns.
    ///
    /// - Complexity: O(*b*) for *b* bytes of the batch, plus a hash per identity key.
    @discardableResult
    public mutating func addPersons(_ batch: PersonBatch, source: SourceHandle, referencedByID: Bool = true) -> BatchOutcome {
        var outcome = BatchOutcome()
        outcome.nodes.reserveCapacity(batch.count)
        var fresh = [Bool]()
        fresh.reserveCapacity(batch.count)
        let sourceName = sources[source.index].name
        var keys = RowKeys()
        var id: [UInt8] = []
        for row in 0..<batch.count {
            keys.compute(batch, row: row, includeName: mergeOnName)
            batch.id(of: row, keys: keys, into: &id)
            let line = batch.line(of: row)
            let (node, isNew) = id.withUnsafeBufferPointer { personNode(utf8: $0, source: source, referencedByID: referencedByID) }
            isPerson[Int(node)] = true
            var merged = !isNew
            for key in 0..<keys.count {
                let claimed = keys.withKey(key) { utf8 in
                    claim(kind: keys.kinds[key], utf8: utf8, fingerprint: keys.fingerprints[key], for: node,
                          source: sourceName, line: line)
                }
                if claimed.merged != nil { merged = true }
                keys.entries[key] = claimed.entry
            }
            for key in 0..<keys.count { offerBestKey(entry: keys.entries[key], to: node) }
            if batch.members[row], !keys.kinds.contains(where: { $0 == .email || $0 == .profileURL || $0 == .phone }),
               let name = batch.text(.name, of: row) {
                let folded = IdentityKey.fold(name)
                if !folded.isEmpty { memberNameRecords.append((node, folded, sourceName, line)) }
            }
            outcome.nodes.append(node)
            fresh.append(isNew)
            if merged { outcome.merged += 1 } else { outcome.created += 1 }
        }
        storeFields(of: batch, nodes: outcome.nodes, fresh: fresh, source: source)
        return outcome
    }

    /// The provisional node of a person of `source` with this id, created when new, as
    /// ``addPerson(_:source:line:referencedByID:)`` finds it.
    private mutating func personNode(
        utf8 id: UnsafeBufferPointer<UInt8>, source: SourceHandle, referencedByID: Bool
    ) -> (node: Int32, isNew: Bool) {
        switch sources[source.index].scope {
        case .global:
            let before = ids.count
            let node = node(utf8: id)
            return (node, ids.count > before)
        case .local where !referencedByID:
            return (newNode(utf8: id, source: Int32(source.index)), true)
        case .local:
            let text = String(decoding: id, as: UTF8.self)
            let candidate = Int32(ids.count)
            if let existing = localIDs[source.index].updateValue(candidate, forKey: text) {
                localIDs[source.index][text] = existing
                return (existing, false)
            }
            return (newNode(utf8: id, source: Int32(source.index)), true)
        }
    }

    /// Stores the fields of every row: new persons' straight from the bytes into their
    /// columns, the others through ``storePersonFields(_:node:source:sourceIndex:fresh:)``
    /// (which merges them with the values already there).
    private mutating func storeFields(of batch: PersonBatch, nodes: [Int32], fresh: [Bool], source: SourceHandle) {
        let sourceName = sources[source.index].name
        nodeAttributes.grow(to: ids.count)
        // In the order storePersonFields(_:node:source:sourceIndex:fresh:) creates columns.
        enum Slot {
            case scalar(PersonBatch.Field, String)
            case list(PersonBatch.ListField, String)
        }
        let slots: [Slot] = [
            .scalar(.name, PersonField.label), .list(.emails, PersonField.emails), .list(.phones, PersonField.phones),
            .list(.profileURLs, PersonField.urls), .scalar(.organisation, PersonField.organisation),
            .scalar(.title, PersonField.title), .scalar(.sector, PersonField.sector),
            .scalar(.location, PersonField.location), .list(.categories, PersonField.categories),
        ]
        // Columns are found once per batch, not once per field; a column that exists with
        // another type (a graph file's `title` of numbers) takes the general path.
        var columns = ColumnPositions()
        var list = ListScratch()
        for row in 0..<batch.count {
            let node = Int(nodes[row])
            guard fresh[row] else {
                storePersonFields(batch.record(at: row), node: nodes[row], source: sourceName, sourceIndex: source.index)
                continue
            }
            for (index, slot) in slots.enumerated() {
                switch slot {
                case .scalar(let field, let name):
                    batch.withField(field, of: row) { utf8 in
                        guard let utf8 else { return }
                        if let column = columns.position(index, of: name, type: .string, in: &nodeAttributes) {
                            nodeAttributes.setString(utf8: utf8, at: node, column: column)
                        } else {
                            nodeAttributes.set(name, .string(String(decoding: utf8, as: UTF8.self)), at: node)
                        }
                    }
                case .list(let field, let name):
                    list.gather(field, of: batch, row: row)
                    guard list.isPresent else { continue }
                    if let column = columns.position(index, of: name, type: .stringList, in: &nodeAttributes) {
                        list.withItems { count, item in nodeAttributes.setStringList(count: count, at: node, column: column, item) }
                    } else {
                        nodeAttributes.set(name, .stringList(list.texts), at: node)
                    }
                }
            }
            if let column = columns.position(ColumnPositions.sources, of: PersonField.sources, type: .stringList, in: &nodeAttributes) {
                nodeAttributes.set(.stringList(sourceLists[source.index]), at: node, column: column)
            } else {
                nodeAttributes.set(PersonField.sources, .stringList(sourceLists[source.index]), at: node)
            }
            if batch.members[row] || columns.hasMember || nodeAttributes.contains(PersonField.member) {
                if let column = columns.position(ColumnPositions.member, of: PersonField.member, type: .bool, in: &nodeAttributes) {
                    nodeAttributes.set(.bool(batch.members[row]), at: node, column: column)
                } else {
                    nodeAttributes.set(PersonField.member, .bool(batch.members[row]), at: node)
                }
            }
        }
    }

    /// The positions of the person columns in the node table, looked up once per batch:
    /// by slot, the position, -1 for a column of another type, -2 before the look-up.
    private struct ColumnPositions {
        private var positions = [Int](repeating: -2, count: 16)

        /// Whether the `member` column was looked up (it then exists).
        var hasMember: Bool { positions[Self.member] != -2 }

        static let sources = 14
        static let member = 15

        /// The position of column `name` of `type` (slot `slot`), created when absent;
        /// `nil` when it exists with another type.
        mutating func position(_ slot: Int, of name: String, type: AttributeType, in table: inout AttributeTable) -> Int? {
            if positions[slot] == -2 { positions[slot] = table.position(ofColumn: name, type: type) ?? -1 }
            return positions[slot] >= 0 ? positions[slot] : nil
        }
    }
}

extension PersonBatch {
    /// The id of row `row` (see the type's documentation), written over `id`.
    fileprivate func id(of row: Int, keys: GraphBuilder.RowKeys, into id: inout [UInt8]) {
        id.removeAll(keepingCapacity: true)
        let length = Int(idLengths[row])
        if length >= 0 {
            id.append(contentsOf: bytes[idStarts[row]..<idStarts[row] + length])
            return
        }
        for kind in idKinds {
            if let key = keys.kinds.firstIndex(of: kind) {
                keys.withKey(key) { id.append(contentsOf: $0) }
                return
            }
        }
        id.append(contentsOf: "row:\(lines[row])".utf8)
    }
}

extension GraphBuilder {
    /// The identity keys of one row of a batch, as bytes, in the order of
    /// ``PersonRecord/identityKeys(includeName:)``: e-mails, profile URLs, phones, name and
    /// organisation, name. Reused from row to row.
    struct RowKeys {
        var bytes: [UInt8] = []
        var kinds: [IdentityKey.Kind] = []
        var ends: [Int] = []
        var fingerprints: [UInt64] = []
        var entries: [Int32] = []
        /// Normalised e-mail addresses, while their keys are made.
        private var scratch: [UInt8] = []

        var count: Int { kinds.count }

        func withKey<R>(_ key: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            let start = key == 0 ? 0 : ends[key - 1]
            return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[key]])) }
        }

        mutating func compute(_ batch: PersonBatch, row: Int, includeName: Bool) {
            bytes.removeAll(keepingCapacity: true)
            kinds.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            fingerprints.removeAll(keepingCapacity: true)
            let items = batch.firstItems[row]..<batch.firstItems[row + 1]
            for item in items where batch.itemFields[item] == UInt8(PersonBatch.ListField.emails.rawValue) {
                batch.withItem(item) { utf8 in
                    scratch.removeAll(keepingCapacity: true)
                    guard GraphBuilder.normalizedEmail(utf8, into: &scratch) else { return }
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
                    Self.fold(name, into: &bytes)
                    guard bytes.count > start else { return }
                    bytes.append(contentsOf: [0x20, 0x7C, 0x20])  // " | "
                    let organisationStart = bytes.count
                    Self.fold(organisation, into: &bytes)
                    if bytes.count == organisationStart { bytes.removeSubrange(start...) }
                }
                commit(.nameAndOrganisation)
                guard includeName else { return }
                Self.fold(name, into: &bytes)
                let start = ends.last ?? 0
                if !bytes[start...].contains(0x20) { bytes.removeSubrange(start...) }
                commit(.name)
            }
            entries.removeAll(keepingCapacity: true)
            entries.append(contentsOf: repeatElement(-1, count: kinds.count))
        }

        /// Keeps the bytes written since the last key as a key of `kind`: composed to NFC
        /// as ``IdentityKey/init(kind:value:)`` composes, and dropped when empty or equal
        /// to a key the row has already.
        private mutating func commit(_ kind: IdentityKey.Kind) {
            let start = ends.last ?? 0
            guard bytes.count > start else { return }
            var fingerprint: UInt64
            if bytes[start...].contains(where: { $0 >= 0xCC }) {
                let key = IdentityKey(kind: kind, value: String(decoding: bytes[start...], as: UTF8.self))
                bytes.removeSubrange(start...)
                bytes += key.value.utf8
                fingerprint = key.fingerprint
            } else {
                fingerprint = bytes.withUnsafeBufferPointer { IdentityKey.fingerprint(utf8: UnsafeBufferPointer(rebasing: $0[start...])) }
            }
            for key in 0..<kinds.count where kinds[key] == kind && fingerprints[key] == fingerprint {
                let earlier = key == 0 ? 0 : ends[key - 1]
                if bytes[earlier..<ends[key]].elementsEqual(bytes[start...]) {
                    bytes.removeSubrange(start...)
                    return
                }
            }
            kinds.append(kind)
            ends.append(bytes.count)
            fingerprints.append(fingerprint)
        }

        /// Appends ``IdentityKey/fold(_:)`` of the UTF-8 text `utf8`.
        static func fold(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
            let start = bytes.count
            guard !IdentityKey.fold(utf8: utf8, into: &bytes) else { return }
            bytes.removeSubrange(start...)
            bytes += IdentityKey.foldUnicode(String(decoding: utf8, as: UTF8.self)).utf8
        }
    }

    /// Appends ``IdentityKey/normalizedEmail(_:)`` of the UTF-8 text `utf8`.
    ///
    /// - Returns: `false` (with `out` unchanged) when it is not an address.
    static func normalizedEmail(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        switch IdentityKey.normalizeEmail(utf8: utf8, into: &out) {
        case .key: return true
        case .none: return false
        case .needsUnicode:
            guard let email = IdentityKey.normalizedEmail(String(decoding: utf8, as: UTF8.self)) else { return false }
            out += email.utf8
            return true
        }
    }

    /// The list-field values of one row, as ``storePersonFields(_:node:source:sourceIndex:fresh:)``
    /// stores them: e-mail addresses normalised (those that are not addresses dropped),
    /// empty values dropped, repeats (equal as strings) dropped.
    struct ListScratch {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []
        /// Whether the record path stores a list, perhaps an empty one: the row has an
        /// item of the field (for e-mails, an address).
        private(set) var isPresent = false

        var count: Int { ends.count }

        var texts: [String] {
            (0..<ends.count).map { index in String(decoding: bytes[start(index)..<ends[index]], as: UTF8.self) }
        }

        private func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

        mutating func gather(_ field: PersonBatch.ListField, of batch: PersonBatch, row: Int) {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            isPresent = false
            let wanted = UInt8(field.rawValue)
            for item in batch.firstItems[row]..<batch.firstItems[row + 1] where batch.itemFields[item] == wanted {
                batch.withItem(item) { utf8 in
                    let start = bytes.count
                    if field == .emails {
                        guard GraphBuilder.normalizedEmail(utf8, into: &bytes) else { return }
                    } else {
                        bytes.append(contentsOf: utf8)
                    }
                    isPresent = true
                    if bytes.count == start || (0..<ends.count).contains(where: { same($0, start) }) {
                        bytes.removeSubrange(start...)
                    } else {
                        ends.append(bytes.count)
                    }
                }
            }
        }

        /// Whether value `index` equals the bytes from `start` on, as strings compare
        /// (canonical equivalence: `Zoë` composed or not).
        private func same(_ index: Int, _ start: Int) -> Bool {
            let earlier = bytes[self.start(index)..<ends[index]]
            let value = bytes[start...]
            if earlier.elementsEqual(value) { return true }
            guard earlier.contains(where: { $0 >= 0x80 }) || value.contains(where: { $0 >= 0x80 }) else { return false }
            return String(decoding: earlier, as: UTF8.self) == String(decoding: value, as: UTF8.self)
        }

        func withItems<R>(_ body: (Int, (Int) -> UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try bytes.withUnsafeBufferPointer { buffer in
                try body(ends.count) { index in
                    UnsafeBufferPointer(rebasing: buffer[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                }
            }
        }
    }
}
