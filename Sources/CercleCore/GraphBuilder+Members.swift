extension GraphBuilder {
    /// Matches the members known by name only with the persons of that name.
    ///
    /// An export names its owner by a folder or file name (`linkedin/anna-becker/`), a CRM
    /// names a contact owner (`Jonas Weber`): such a member record has a name but no
    /// e-mail, profile URL or phone, so no identity key can join it to the person that
    /// the mailbox, the address books and the other exports know under their keys. Once
    /// every source is read, each such name (case-, accent- and punctuation-folded) is
    /// matched:
    ///
    /// 1. with the one person whose name folds to it, if there is exactly one;
    /// 2. else, if several persons bear it, with the one of them that is already a
    ///    member, if exactly one is;
    /// 3. else (no person, or an ambiguous name) the member records of that name are
    ///    joined with each other only, and an ambiguity is noted in ``resolutionNotes``.
    ///
    /// Two persons with different e-mail addresses are never joined by this rule: only
    /// member records without any other key take part. Every match is recorded in
    /// ``merges`` with a ``IdentityKey/Kind/name`` key. ``build(asOf:)`` calls this;
    /// call it earlier to see the merges before building. Calling it again only handles
    /// member records added since.
    ///
    /// - Complexity: O(*n*) name foldings for *n* provisional nodes, when some member is
    ///   known by name only; O(1) otherwise.
    public mutating func resolveMemberNames() {
        guard !memberNameRecords.isEmpty else { return }
        let pending = memberNameRecords
        memberNameRecords = []
        var recordsByName: [String: [Int]] = [:]
        for (index, record) in pending.enumerated() { recordsByName[record.name, default: []].append(index) }

        // The groups bearing each wanted name, and the groups that hold a member. Labels
        // are folded from their bytes and looked up by their composed (NFC) bytes, which
        // two strings share exactly when they are equal as strings.
        var bearers: [String: [Int32]] = [:]
        var memberGroups = Set<Int32>()
        var wanted: [[UInt8]: String] = [:]
        var wantedLengths = Set<Int>()
        for name in recordsByName.keys {
            let composed = Array(name.precomposedStringWithCanonicalMapping.utf8)
            wanted[composed] = name
            wantedLengths.insert(composed.count)
        }
        var isNameOnly = [Bool](repeating: false, count: ids.count)
        for record in pending { isNameOnly[Int(record.node)] = true }
        let labels = nodeAttributes[PersonField.label]
        let members = nodeAttributes[PersonField.member]
        let memberFlags: [Bool?]? = if case .bool(let flags)? = members?.values { flags } else { nil }
        let strings = labels?.stringValues
        let personCount = ids.count
        // Folding a million labels is the work: chunks of persons on every core, each
        // giving the persons that bear a wanted name and the members; then, in order, the
        // groups they belong to.
        let chunkSize = 1 << 16
        // (The work throws nothing, so neither does the map.)
        let found = try? ParallelWork.map(count: (personCount + chunkSize - 1) / chunkSize) { chunk -> (bearing: [(Int, String)], members: [Int]) in
            var bearing: [(Int, String)] = []
            var memberRows: [Int] = []
            var folded: [UInt8] = []
            func bears(_ label: UnsafeBufferPointer<UInt8>) -> String? {
                folded.removeAll(keepingCapacity: true)
                IdentityKey.appendFolded(utf8: label, to: &folded)
                if let composed = folded.withUnsafeBufferPointer(UTF8Text.composed) { return wanted[composed] }
                return wantedLengths.contains(folded.count) ? wanted[folded] : nil
            }
            for p in chunk * chunkSize..<min(personCount, (chunk + 1) * chunkSize) where isPerson[p] && !isNameOnly[p] {
                let isMember = if let memberFlags { p < memberFlags.count && memberFlags[p] == true } else { members?[p] == .bool(true) }
                if isMember { memberRows.append(p) }
                var name: String?
                if let strings {
                    name = strings.withUTF8(at: p) { bears($0) } ?? nil
                } else if var text = labels?.text(at: p) {
                    name = text.withUTF8 { bears($0) }
                }
                if let name { bearing.append((p, name)) }
            }
            return (bearing, memberRows)
        }
        for (bearing, memberRows) in found ?? [] {
            for p in memberRows { memberGroups.insert(find(Int32(p))) }
            for (p, name) in bearing {
                let root = find(Int32(p))
                if !(bearers[name]?.contains(root) ?? false) { bearers[name, default: []].append(root) }
            }
        }

        for name in recordsByName.keys.sorted() {
            let candidates = bearers[name] ?? []
            var target: Int32?
            if candidates.count == 1 {
                target = candidates[0]
            } else if candidates.count > 1 {
                let memberCandidates = candidates.filter { memberGroups.contains($0) }
                if memberCandidates.count == 1 {
                    target = memberCandidates[0]
                } else {
                    resolutionNotes.append(
                        "member '\(name)' fits \(candidates.count) persons of that name; kept apart (name the member by e-mail with --member)")
                }
            }
            var anchor = target
            for index in recordsByName[name] ?? [] {
                let record = pending[index]
                guard let into = anchor else {
                    anchor = record.node
                    continue
                }
                if target != nil {
                    // The person's own spelling wins over one rebuilt from a file name.
                    nodeAttributes.set(PersonField.label, nil, at: Int(record.node))
                }
                join(into, record.node, key: IdentityKey(kind: .name, value: name), source: record.source, line: record.line)
            }
        }
    }

    /// Joins the groups of two nodes, the older group absorbing the newer, and records it.
    mutating func join(_ a: Int32, _ b: Int32, key: IdentityKey, source: String, line: Int?) {
        let rootA = find(a)
        let rootB = find(b)
        guard rootA != rootB else { return }
        let (kept, absorbed) = rootA < rootB ? (rootA, rootB) : (rootB, rootA)
        parent[Int(absorbed)] = kept
        merges.append(Merge(kept: ids[Int(kept)], merged: ids[Int(absorbed)], key: key, source: source, line: line))
    }
}
