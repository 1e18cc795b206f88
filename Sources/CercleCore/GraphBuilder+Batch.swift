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
        guard batch.keys.includeName == mergeOnName else {
            var prepared = batch
            prepared.prepareKeys(includeName: mergeOnName)
            return addPersons(prepared, source: source, referencedByID: referencedByID)
        }
        let keys = batch.keys
        var outcome = BatchOutcome()
        outcome.nodes.reserveCapacity(batch.count)
        var fresh = [Bool]()
        fresh.reserveCapacity(batch.count)
        let sourceName = sources[source.index].name
        var entries: [Int32] = []
        var id: [UInt8] = []
        // The key table's slots of the next rows are read ahead, a few hundred keys at a
        // time, so that their cache misses overlap.
        let ahead = 128
        var warmed = 0
        for row in 0..<batch.count {
            if row >= warmed {
                let last = min(batch.count, row + ahead)
                keyTableWarmth &+= keyOwner.warm(keys.keys(ofRow: row).lowerBound..<keys.firstKeys[last],
                                                  fingerprints: keys.fingerprints, kinds: keys.kinds)
                warmed = last
            }
            let rowKeys = keys.keys(ofRow: row)
            let line = batch.line(of: row)
            let node: Int32
            let isNew: Bool
            if batch.id(of: row, into: &id) {
                (node, isNew) = id.withUnsafeBufferPointer { personNode(utf8: $0, source: source, referencedByID: referencedByID) }
            } else {
                // Nothing names the row (no id, key or line): a person of its own.
                id.append(contentsOf: "person:\(ids.count)".utf8)
                node = id.withUnsafeBufferPointer { newNode(utf8: $0, source: Int32(source.index)) }
                isNew = true
            }
            isPerson[Int(node)] = true
            var merged = !isNew
            entries.removeAll(keepingCapacity: true)
            for key in rowKeys {
                let claimed = keys.withKey(key) { utf8 in
                    claim(kind: keys.kinds[key], utf8: utf8, fingerprint: keys.fingerprints[key], for: node,
                          source: sourceName, line: line)
                }
                if claimed.merged != nil { merged = true }
                entries.append(claimed.entry)
            }
            for entry in entries { offerBestKey(entry: entry, to: node) }
            if batch.members[row] {
                noteMember(node, name: batch.text(.name, of: row), keyKinds: keys.kinds[rowKeys], source: sourceName, line: line)
            }
            outcome.nodes.append(node)
            fresh.append(isNew)
            if merged { outcome.merged += 1 } else { outcome.created += 1 }
        }
        storeFields(of: batch, nodes: outcome.nodes, fresh: fresh, source: source)
        if !textSized { sizeTextBuffers(batchRows: batch.count) }
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
    /// columns, one column at a time; the others through
    /// ``storePersonFields(_:node:source:sourceIndex:fresh:)`` (which merges them with the
    /// values already there), in order.
    private mutating func storeFields(of batch: PersonBatch, nodes: [Int32], fresh: [Bool], source: SourceHandle) {
        let sourceName = sources[source.index].name
        let sourceList = sourceLists[source.index]
        let slots = PersonSlot.all
        // Columns are created first, in the order the record path creates them: by the
        // first row with a value, then in field order. A column that exists with another
        // type (a graph file's `title` of numbers) takes the general path.
        let existed = slots.map { nodeAttributes.contains($0.name) }
        var planned = existed
        var order = slots.indices.filter { existed[$0] }
        var firstMember = 0
        for row in 0..<batch.count where planned.contains(false) {
            for (index, slot) in slots.enumerated() where !planned[index] && slot.isPresent(in: batch, row: row) {
                planned[index] = true
                order.append(index)
                if case .member = slot { firstMember = row }
            }
        }
        var positions = [Int?](repeating: nil, count: slots.count)
        for index in order { positions[index] = nodeAttributes.position(ofColumn: slots[index].name, type: slots[index].type) }

        var list = ListScratch()
        for (index, slot) in slots.enumerated() where planned[index] {
            guard let column = positions[index] else {
                let rows: Range<Int> = if case .member = slot { firstMember..<batch.count } else { 0..<batch.count }
                for row in rows where fresh[row] {
                    if let value = slot.value(in: batch, row: row, sourceList: sourceList, list: &list) {
                        nodeAttributes.set(slot.name, value, at: Int(nodes[row]))
                    }
                }
                continue
            }
            switch slot {
            case .scalar(let field, _):
                nodeAttributes.withStrings(column: column) { strings in
                    for row in 0..<batch.count where fresh[row] {
                        batch.withField(field, of: row) { utf8 in
                            if let utf8 { strings.set(utf8: utf8, at: Int(nodes[row])) }
                        }
                    }
                }
            case .list(let field, _):
                nodeAttributes.withStringLists(column: column) { lists in
                    for row in 0..<batch.count where fresh[row] {
                        list.gather(field, of: batch, row: row)
                        guard list.isPresent else { continue }
                        list.withItems { count, item in lists.set(count: count, at: Int(nodes[row]), item) }
                    }
                }
            case .sources:
                nodeAttributes.withStringLists(column: column) { lists in
                    for row in 0..<batch.count where fresh[row] { lists.set(sourceList, at: Int(nodes[row])) }
                }
            case .member:
                // Once the column exists every new person says whether they are a member.
                for row in firstMember..<batch.count where fresh[row] {
                    nodeAttributes.set(.bool(batch.members[row]), at: Int(nodes[row]), column: column)
                }
            }
        }
        for row in 0..<batch.count where !fresh[row] {
            storePersonFields(batch.record(at: row), node: nodes[row], source: sourceName, sourceIndex: source.index)
        }
        nodeAttributes.evenOut(rowCount: ids.count)
    }

    /// The person columns a batch fills, in the order
    /// ``storePersonFields(_:node:source:sourceIndex:fresh:)`` writes them.
    private enum PersonSlot {
        case scalar(PersonBatch.Field, String)
        case list(PersonBatch.ListField, String)
        case sources
        case member

        static let all: [PersonSlot] = [
            .scalar(.name, PersonField.label), .list(.emails, PersonField.emails), .list(.phones, PersonField.phones),
            .list(.profileURLs, PersonField.urls), .scalar(.organisation, PersonField.organisation),
            .scalar(.title, PersonField.title), .scalar(.sector, PersonField.sector),
            .scalar(.location, PersonField.location), .list(.categories, PersonField.categories), .sources, .member,
        ]

        var name: String {
            switch self {
            case .scalar(_, let name), .list(_, let name): name
            case .sources: PersonField.sources
            case .member: PersonField.member
            }
        }

        var type: AttributeType {
            switch self {
            case .scalar: .string
            case .list, .sources: .stringList
            case .member: .bool
            }
        }

        /// Whether the record path stores a value in this column for row `row`: a text
        /// that is not empty, a list with an item (an address, for e-mails), always the
        /// sources, the member flag of a member.
        func isPresent(in batch: PersonBatch, row: Int) -> Bool {
            switch self {
            case .scalar(let field, _):
                return batch.withField(field, of: row) { $0 != nil }
            case .list(.emails, _):
                return batch.keys.kinds[batch.keys.keys(ofRow: row)].contains(.email)
            case .list(let field, _):
                let wanted = UInt8(field.rawValue)
                return batch.itemFields[batch.firstItems[row]..<batch.firstItems[row + 1]].contains(wanted)
            case .sources:
                return true
            case .member:
                return batch.members[row]
            }
        }

        /// The value of row `row` as the record path stores it, or `nil`.
        func value(in batch: PersonBatch, row: Int, sourceList: [String], list: inout ListScratch) -> AttributeValue? {
            switch self {
            case .scalar(let field, _):
                return batch.text(field, of: row).map(AttributeValue.string)
            case .list(let field, _):
                list.gather(field, of: batch, row: row)
                return list.isPresent ? .stringList(list.texts) : nil
            case .sources:
                return .stringList(sourceList)
            case .member:
                return .bool(batch.members[row])
            }
        }
    }
}

extension GraphBuilder {
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
                        guard IdentityKey.appendNormalizedEmail(utf8: utf8, to: &bytes) else { return }
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
            UTF8Text.equalAsStrings(bytes[self.start(index)..<ends[index]], bytes[start...])
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
