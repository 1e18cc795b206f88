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
        let nameOnly = Set(pending.map(\.node))

        // The groups bearing each wanted name, and the groups that hold a member.
        var bearers: [String: [Int32]] = [:]
        var memberGroups = Set<Int32>()
        let labels = nodeAttributes[PersonField.label]
        let members = nodeAttributes[PersonField.member]
        for p in 0..<ids.count where isPerson[p] && !nameOnly.contains(Int32(p)) {
            if members?[p] == .bool(true) { memberGroups.insert(find(Int32(p))) }
            guard let label = labels?.text(at: p) else { continue }
            let folded = IdentityKey.fold(label)
            guard recordsByName[folded] != nil else { continue }
            let root = find(Int32(p))
            if !(bearers[folded]?.contains(root) ?? false) { bearers[folded, default: []].append(root) }
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
