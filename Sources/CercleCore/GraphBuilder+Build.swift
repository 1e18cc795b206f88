import Foundation

extension GraphBuilder {
    /// Builds the immutable graph.
    ///
    /// - Parameter asOf: "now" for the tie-strength model. Default: the date of the
    ///   latest interaction or connection in the data, so the same files always give the
    ///   same strengths.
    /// - Complexity: O(*n* + *m* + *k* log *k*) for *k* interaction events per tie.
    public func build(asOf: Date? = nil) -> ContactGraph {
        buildWithSummary(asOf: asOf).graph
    }

    /// What building did to the raw input, for import reports.
    public struct BuildSummary: Sendable, Equatable {
        /// Edges added before parallel edges merged (self-loops included).
        public var rawEdges: Int
        /// Raw edges folded into an earlier edge between the same nodes.
        public var mergedParallelEdges: Int
        /// Self-loops dropped by the policy.
        public var droppedSelfLoops: Int
        /// Nodes added before identity resolution.
        public var provisionalNodes: Int
        /// Person merges performed.
        public var personMerges: Int
    }

    /// Builds the immutable graph and says what building did.
    public func buildWithSummary(asOf: Date? = nil) -> (graph: ContactGraph, summary: BuildSummary) {
        var builder = self
        let graph = builder.makeGraph(asOf: asOf)
        let summary = BuildSummary(
            rawEdges: builder.edgeSources.count + builder.droppedSelfLoops,
            mergedParallelEdges: builder.edgeSources.count - builder.selfLoopsDroppedAtBuild - graph.edgeCount,
            droppedSelfLoops: builder.droppedSelfLoops + builder.selfLoopsDroppedAtBuild,
            provisionalNodes: builder.ids.count,
            personMerges: builder.merges.count)
        return (graph, summary)
    }

    /// The latest date in the data (interactions and connection dates), if any.
    public var latestDate: Date? {
        let eventLatest = events.lazy.compactMap(\.date).max()
        let sinceLatest = edgeSince.lazy.filter { !$0.isNaN }.max()
        guard let latest = [eventLatest, sinceLatest].compactMap({ $0 }).max() else { return nil }
        return Date(timeIntervalSince1970: latest)
    }

    mutating func makeGraph(asOf: Date?) -> ContactGraph {
        resolveMemberNames()
        let resolution = resolveNodes()
        let n = resolution.ids.count
        if inferSameOrganisation { addOrganisationTies(finalOf: resolution.finalOf, nodeCount: n) }

        // Map raw edges to final nodes; canonicalise undirected pairs; drop self-loops.
        let rawCount = edgeSources.count
        var us = [Int32](repeating: 0, count: rawCount)
        var vs = [Int32](repeating: 0, count: rawCount)
        var swapped = [Bool](repeating: false, count: rawCount)
        var kept = [Bool](repeating: true, count: rawCount)
        var keptCount = 0
        for raw in 0..<rawCount {
            var u = resolution.finalOf[Int(edgeSources[raw])]
            var v = resolution.finalOf[Int(edgeTargets[raw])]
            if u == v, selfLoops == .drop {
                kept[raw] = false
                selfLoopsDroppedAtBuild += 1
                continue
            }
            if !isDirected, v < u {
                swap(&u, &v)
                swapped[raw] = true
            }
            us[raw] = u
            vs[raw] = v
            keptCount += 1
        }

        let order = Self.sortedOrder(us: us, vs: vs, kept: kept, keptCount: keptCount, nodeCount: n)

        // Merge runs of equal (u, v).
        var mergedOf = [Int32](repeating: -1, count: rawCount)
        var edgeU: [Int32] = []
        var edgeV: [Int32] = []
        // Explicit weights first (NaN: none); the tie-strength model fills the others below.
        var edgeWeight: [Double] = []
        edgeU.reserveCapacity(keptCount)
        edgeV.reserveCapacity(keptCount)
        edgeWeight.reserveCapacity(keptCount)
        let hasContact = !edgeChannels.isEmpty
        var channels: [UInt16] = []
        var origins: [UInt8] = []
        var since: [Double] = []
        if hasContact {
            channels.reserveCapacity(keptCount)
            origins.reserveCapacity(keptCount)
            since.reserveCapacity(keptCount)
        }
        for raw in order {
            let r = Int(raw)
            let u = us[r], v = vs[r]
            if edgeU.last != u || edgeV.last != v || edgeU.isEmpty {
                edgeU.append(u)
                edgeV.append(v)
                edgeWeight.append(.nan)
                if hasContact {
                    channels.append(0)
                    origins.append(1)
                    since.append(.nan)
                }
            }
            let e = edgeU.count - 1
            mergedOf[r] = Int32(e)
            let w = edgeWeights[r]
            if !w.isNaN { edgeWeight[e] = edgeWeight[e].isNaN ? w : edgeWeight[e] + w }
            if hasContact, r >= edgeChannels.count {
                origins[e] = 0  // a plain edge is an observed one
            } else if hasContact {
                channels[e] |= edgeChannels[r]
                origins[e] = min(origins[e], edgeOrigins[r])
                let s = edgeSince[r]
                if !s.isNaN { since[e] = since[e].isNaN ? s : min(since[e], s) }
            }
        }
        let m = edgeU.count

        let log = makeInteractionLog(edgeCount: m, mergedOf: mergedOf, swapped: swapped)
        let reference = asOf ?? latestDate ?? Date(timeIntervalSince1970: 0)
        // Without events a tie's strength is its channels' prior alone (no activity, so
        // neither its date nor "now" counts): computed once per channel set.
        var eventlessStrength: [UInt16: Double] = [:]
        for e in 0..<m where edgeWeight[e].isNaN {
            let channelBits = channels.isEmpty ? 0 : channels[e]
            let tieEvents = log.events(ofEdge: e)
            if tieEvents.isEmpty, let strength = eventlessStrength[channelBits] {
                edgeWeight[e] = strength
                continue
            }
            let tieSince = since.isEmpty || since[e].isNaN ? nil : Date(timeIntervalSince1970: since[e])
            edgeWeight[e] = tieStrength.strength(
                channels: ChannelSet(rawValue: channelBits), events: tieEvents, since: tieSince, asOf: reference)
            if tieEvents.isEmpty { eventlessStrength[channelBits] = edgeWeight[e] }
        }

        var edgeTable = mergedEdgeAttributes(order: order, mergedOf: mergedOf, edgeCount: m)
        if hasContactEdges, hasContact {
            addContactColumns(to: &edgeTable, channels: channels, origins: origins, since: since, log: log)
        }

        var graphMetadata = metadata
        graphMetadata["weight"] = graphMetadata["weight"] ?? (hasContactEdges ? "strength" : "explicit")
        if let asOf = asOf ?? latestDate { graphMetadata["as_of"] = AttributeValue.format(asOf) }

        return Self.layOut(
            isDirected: isDirected, nodeCount: n, us: edgeU, vs: edgeV, weights: edgeWeight,
            ids: resolution.ids, nodeAttributes: resolution.attributes, edgeAttributes: edgeTable,
            interactions: log, metadata: graphMetadata)
    }

    // MARK: Nodes

    struct Resolution {
        var finalOf: [Int32]
        var ids: NodeIDs
        var attributes: AttributeTable
    }

    /// Gives every group of merged provisional nodes one final index (in order of first
    /// appearance), one stable id, and one row of attributes.
    mutating func resolveNodes() -> Resolution {
        let provisional = ids.count
        var finalOfRoot = [Int32](repeating: -1, count: provisional)
        var finalOf = [Int32](repeating: 0, count: provisional)
        var n: Int32 = 0
        var anyMerge = false
        for p in 0..<provisional {
            let root = Int(find(Int32(p)))
            if root != p { anyMerge = true }
            if finalOfRoot[root] < 0 {
                finalOfRoot[root] = n
                n += 1
            }
            finalOf[p] = finalOfRoot[root]
        }
        nodeAttributes.grow(to: provisional)

        // Members of each final node, in provisional order.
        var memberStart = [Int](repeating: 0, count: Int(n) + 1)
        for p in 0..<provisional { memberStart[Int(finalOf[p]) + 1] += 1 }
        for f in 0..<Int(n) { memberStart[f + 1] += memberStart[f] }
        var fill = memberStart
        var members = [Int](repeating: 0, count: provisional)
        for p in 0..<provisional {
            let f = Int(finalOf[p])
            members[fill[f]] = p
            fill[f] += 1
        }

        var finalIDs = NodeIDs()
        finalIDs.reserveCapacity(Int(n), bytes: ids.byteCount)
        var taken = TakenIDs(capacity: Int(n))
        var id: [UInt8] = []
        for f in 0..<Int(n) {
            id.removeAll(keepingCapacity: true)
            stableID(of: members[memberStart[f]..<memberStart[f + 1]], into: &id)
            // An id taken already gets the first free suffix: `ann-berg#2`, `#3`…
            let plain = id.count
            var suffix = 1
            while !id.withUnsafeBufferPointer({ taken.append($0, to: &finalIDs) }) {
                suffix += 1
                id.removeSubrange(plain...)
                id.append(0x23)  // #
                id.append(contentsOf: String(suffix).utf8)
            }
        }

        var attributes: AttributeTable
        if !anyMerge {
            attributes = nodeAttributes
        } else {
            // Each final node combines the values of its members (the first present, lists
            // united, flags or-ed), straight from the members' rows: no text is copied.
            attributes = AttributeTable(rowCount: Int(n))
            for column in nodeAttributes.columns {
                attributes.set(column.combining(offsets: memberStart, members: members))
            }
        }
        // Membership is known for everyone once one member is: the others are not members.
        if let member = attributes[PersonField.member], member.presentCount < Int(n) {
            attributes.set(member.filling(missingWith: .bool(false)))
        }
        return Resolution(finalOf: finalOf, ids: finalIDs, attributes: attributes)
    }

    /// The id of a merged person: a global id if the group has one, else its strongest
    /// key (first e-mail, profile URL, phone, name), else source and local id; appended
    /// to `id` as UTF-8.
    func stableID(of group: ArraySlice<Int>, into id: inout [UInt8]) {
        func provisionalID(_ p: Int) {
            ids.withUTF8(at: p) { id.append(contentsOf: $0) }
        }
        if group.count == 1, let p = group.first, nodeSource[p] < 0 || !isPerson[p] {
            return provisionalID(p)
        }
        for p in group where nodeSource[p] < 0 { return provisionalID(p) }
        var best: Int32 = -1
        for p in group {
            let entry = bestKeys[p]
            guard entry >= 0 else { continue }
            if best >= 0, !(keyOwner.kind(ofEntry: entry) < keyOwner.kind(ofEntry: best)) { continue }
            best = entry
        }
        if best >= 0 {
            switch keyOwner.kind(ofEntry: best) {
            case .email, .profileURL, .id:
                return keyOwner.withUTF8(ofEntry: best) { id.append(contentsOf: $0) }
            case .phone:
                id.append(contentsOf: "tel:".utf8)
                return keyOwner.withUTF8(ofEntry: best) { id.append(contentsOf: $0) }
            case .nameAndOrganisation, .name:
                break
            }
        }
        if let name = group.lazy.compactMap({ self.nodeAttributes.value(PersonField.label, at: $0)?.text }).first {
            id.append(contentsOf: Self.slug(name).utf8)
            return
        }
        let p = group.first ?? 0
        let source = nodeSource[p] >= 0 ? sources[Int(nodeSource[p])].name : ""
        if !source.isEmpty {
            id.append(contentsOf: source.utf8)
            id.append(0x3A)  // :
        }
        provisionalID(p)
    }

    /// `Jeanne d'Arc-Müller` → `jeanne-d-arc-muller`.
    static func slug(_ text: String) -> String {
        IdentityKey.fold(text).replacingOccurrences(of: " ", with: "-")
    }

    mutating func addOrganisationTies(finalOf: [Int32], nodeCount: Int) {
        guard let column = nodeAttributes[PersonField.organisation] else { return }
        var groups: [String: [Int32]] = [:]
        var firstProvisional = [Int32](repeating: -1, count: nodeCount)
        for p in 0..<ids.count where firstProvisional[Int(finalOf[p])] < 0 {
            firstProvisional[Int(finalOf[p])] = Int32(p)
        }
        for p in 0..<ids.count {
            guard let organisation = column.text(at: p) else { continue }
            let folded = IdentityKey.fold(organisation)
            guard !folded.isEmpty else { continue }
            let representative = firstProvisional[Int(finalOf[p])]
            if groups[folded, default: []].contains(representative) { continue }
            groups[folded, default: []].append(representative)
        }
        for key in groups.keys.sorted() {
            let group = groups[key] ?? []
            for i in group.indices {
                for j in group.indices where j > i {
                    let edge = addEdge(group[i], group[j], weight: .nan)
                    setContactFields(edge: edge, channels: [], origin: .inferred, since: nil)
                    hasContactEdges = true
                }
            }
        }
    }

    // MARK: Edges

    /// Raw edge indices sorted by (u, v), by two stable counting sorts.
    static func sortedOrder(us: [Int32], vs: [Int32], kept: [Bool], keptCount: Int, nodeCount n: Int) -> [Int32] {
        var byTarget = [Int32](repeating: 0, count: keptCount)
        var order = [Int32](repeating: 0, count: keptCount)
        var counts = [Int](repeating: 0, count: n + 1)
        us.withUnsafeBufferPointer { us in
        vs.withUnsafeBufferPointer { vs in
        kept.withUnsafeBufferPointer { kept in
        counts.withUnsafeMutableBufferPointer { counts in
            for raw in 0..<us.count where kept[raw] { counts[Int(vs[raw]) + 1] += 1 }
            for i in 0..<n { counts[i + 1] += counts[i] }
            byTarget.withUnsafeMutableBufferPointer { byTarget in
                for raw in 0..<us.count where kept[raw] {
                    let slot = Int(vs[raw])
                    byTarget[counts[slot]] = Int32(raw)
                    counts[slot] += 1
                }
                for i in 0...n { counts[i] = 0 }
                for raw in 0..<us.count where kept[raw] { counts[Int(us[raw]) + 1] += 1 }
                for i in 0..<n { counts[i + 1] += counts[i] }
                order.withUnsafeMutableBufferPointer { order in
                    for raw in byTarget {
                        let slot = Int(us[Int(raw)])
                        order[counts[slot]] = raw
                        counts[slot] += 1
                    }
                }
            }
        }
        }
        }
        }
        return order
    }

    /// Groups interaction events by merged edge, oldest first.
    func makeInteractionLog(edgeCount m: Int, mergedOf: [Int32], swapped: [Bool]) -> InteractionLog {
        guard !events.isEmpty else { return .empty }
        var offsets = [Int](repeating: 0, count: m + 1)
        for raw in eventEdges where mergedOf[Int(raw)] >= 0 { offsets[Int(mergedOf[Int(raw)]) + 1] += 1 }
        for e in 0..<m { offsets[e + 1] += offsets[e] }
        var fill = offsets
        var grouped = [TieEvent](repeating: TieEvent(date: nil, channel: .email, role: .direct, direction: .mutual, share: 0),
                                 count: offsets[m])
        for (index, raw) in eventEdges.enumerated() {
            let e = Int(mergedOf[Int(raw)])
            guard e >= 0 else { continue }
            var event = events[index]
            if swapped[Int(raw)] {
                switch event.direction {
                case .forward: event.direction = .backward
                case .backward: event.direction = .forward
                case .mutual: break
                }
            }
            grouped[fill[e]] = event
            fill[e] += 1
        }
        for e in 0..<m where offsets[e + 1] - offsets[e] > 1 {
            grouped[offsets[e]..<offsets[e + 1]].sort { ($0.date ?? -.infinity) < ($1.date ?? -.infinity) }
        }
        return InteractionLog(offsets: offsets, events: grouped, interactionCount: interactionCount)
    }

    /// Edge attributes of merged edges: the first non-missing value among parallel edges.
    func mergedEdgeAttributes(order: [Int32], mergedOf: [Int32], edgeCount m: Int) -> AttributeTable {
        var table = AttributeTable(rowCount: m)
        for column in edgeAttributes.columns {
            var merged = AttributeColumn(name: column.name, type: column.type, count: m)
            for raw in order {
                let r = Int(raw)
                guard r < column.count, let value = column[r] else { continue }
                let e = Int(mergedOf[r])
                if merged[e] == nil { merged.set(value, at: e) }
            }
            table.set(merged)
        }
        return table
    }

    func addContactColumns(
        to table: inout AttributeTable, channels: [UInt16], origins: [UInt8], since: [Double],
        log: InteractionLog
    ) {
        let m = channels.count
        // Columns filled directly; a tie whose channels or origin are those of the tie
        // before shares its value (a million LinkedIn ties, one `["linkedin"]`).
        var channelLists = AttributeColumn.StringLists()
        var originTexts = AttributeColumn.Strings()
        channelLists.reserveCapacity(rows: m)
        originTexts.reserveCapacity(rows: m)
        var counts = [Int?](repeating: nil, count: m)
        var firsts = [Date?](repeating: nil, count: m)
        var lasts = [Date?](repeating: nil, count: m)
        var previousSet: UInt16?
        var previousOrigin: UInt8?
        for e in 0..<m {
            let tieEvents = log.events(ofEdge: e)
            var set = ChannelSet(rawValue: channels[e])
            for event in tieEvents { set.insert(ChannelSet(event.channel)) }
            if set.rawValue == previousSet {
                channelLists.append(copyOf: e - 1)
            } else {
                channelLists.append(set.names)
                previousSet = set.rawValue
            }
            if origins[e] == previousOrigin {
                originTexts.append(copyOf: e - 1)
            } else {
                originTexts.append(origins[e] == 0 ? TieOrigin.observed.rawValue : TieOrigin.inferred.rawValue)
                previousOrigin = origins[e]
            }
            counts[e] = tieEvents.count
            let tieSince = since[e].isNaN ? nil : since[e]
            var first = tieSince
            var last = tieSince
            for event in tieEvents {
                guard let date = event.date else { continue }
                first = min(first ?? date, date)
                last = max(last ?? date, date)
            }
            if let first { firsts[e] = Date(timeIntervalSince1970: first) }
            if let last { lasts[e] = Date(timeIntervalSince1970: last) }
        }
        let channelColumn = AttributeColumn(name: TieField.channels, lists: channelLists)
        let countColumn = AttributeColumn(name: TieField.interactions, storage: .integer(counts))
        let firstColumn = AttributeColumn(name: TieField.firstContact, storage: .date(firsts))
        let lastColumn = AttributeColumn(name: TieField.lastContact, storage: .date(lasts))
        let originColumn = AttributeColumn(name: TieField.origin, strings: originTexts)
        for column in [channelColumn, countColumn, firstColumn, lastColumn, originColumn]
        where !table.contains(column.name) {
            table.set(column)
        }
    }

    /// Lays out the CSR from edges sorted by (u, v).
    static func layOut(
        isDirected: Bool, nodeCount n: Int, us: [Int32], vs: [Int32], weights: [Double],
        ids: NodeIDs, nodeAttributes: AttributeTable, edgeAttributes: AttributeTable,
        interactions: InteractionLog, metadata: [String: String]
    ) -> ContactGraph {
        let m = us.count
        var offsets = [Int](repeating: 0, count: n + 1)
        let slots = isDirected ? m : 2 * m - us.indices.lazy.filter { us[$0] == vs[$0] }.count
        var targets = [Int32](repeating: 0, count: slots)
        var slotWeights = [Double](repeating: 0, count: slots)
        var inOffsets: [Int] = []
        var inSources: [Int32] = []
        var inWeights: [Double] = []
        us.withUnsafeBufferPointer { us in
        vs.withUnsafeBufferPointer { vs in
        weights.withUnsafeBufferPointer { weights in
            offsets.withUnsafeMutableBufferPointer { offsets in
                for e in 0..<m {
                    offsets[Int(us[e]) + 1] += 1
                    if !isDirected, us[e] != vs[e] { offsets[Int(vs[e]) + 1] += 1 }
                }
                for i in 0..<n { offsets[i + 1] += offsets[i] }
                var fill = Array(offsets.prefix(n))
                targets.withUnsafeMutableBufferPointer { targets in
                slotWeights.withUnsafeMutableBufferPointer { slotWeights in
                    for e in 0..<m {
                        let u = Int(us[e]), v = Int(vs[e])
                        // Edges come sorted by (u, v): for every node, entries from smaller
                        // neighbours arrive first, then its own upper entries, so each list
                        // ends up sorted.
                        targets[fill[u]] = Int32(v)
                        slotWeights[fill[u]] = weights[e]
                        fill[u] += 1
                        if !isDirected, u != v {
                            targets[fill[v]] = Int32(u)
                            slotWeights[fill[v]] = weights[e]
                            fill[v] += 1
                        }
                    }
                }
                }
            }
            if isDirected {
                inOffsets = [Int](repeating: 0, count: n + 1)
                inSources = [Int32](repeating: 0, count: m)
                inWeights = [Double](repeating: 0, count: m)
                for e in 0..<m { inOffsets[Int(vs[e]) + 1] += 1 }
                for i in 0..<n { inOffsets[i + 1] += inOffsets[i] }
                var fill = Array(inOffsets.prefix(n))
                for e in 0..<m {
                    let v = Int(vs[e])
                    inSources[fill[v]] = us[e]
                    inWeights[fill[v]] = weights[e]
                    fill[v] += 1
                }
            }
        }
        }
        }
        var nodeTable = nodeAttributes
        nodeTable.grow(to: n)
        nodeTable.dropReservation()
        return ContactGraph(
            isDirected: isDirected, nodeCount: n, edgeCount: m,
            offsets: offsets, targets: targets, weights: slotWeights,
            inOffsets: inOffsets, inSources: inSources, inWeights: inWeights,
            ids: ids, nodeAttributes: nodeTable, edgeAttributes: edgeAttributes,
            interactions: interactions, metadata: metadata)
    }
}
