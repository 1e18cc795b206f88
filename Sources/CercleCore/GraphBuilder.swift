import Foundation

/// The mutable side of ``ContactGraph``: collects nodes, edges, persons, ties and
/// interactions from any number of sources, then builds the CSR snapshot.
///
/// There are two levels of input:
///
/// - **Graph level**, for graph files and edge lists: ``node(_:)`` interns an external id
///   and ``addEdge(_:_:weight:)`` appends an edge by index. Nothing is hashed per edge.
/// - **Contact level**, for address books, exports, mailboxes and calendars:
///   ``addPerson(_:source:)``, ``addTie(_:source:)`` and ``addInteraction(_:source:)``.
///   Persons from different sources merge when they share an ``IdentityKey``; every
///   merge is recorded in ``merges``.
///
/// ``build(asOf:)`` resolves identities, merges parallel edges (weights summed, channels
/// united, interaction events gathered), drops or keeps self-loops, and lays out the CSR
/// with two counting sorts: O(*n* + *m*) time, no per-edge dictionary.
public struct GraphBuilder: Sendable {
    /// What to do with an edge from a node to itself.
    public enum SelfLoopPolicy: Sendable {
        case keep
        case drop
    }

    /// How ids of a source relate to ids of other sources.
    public enum IDScope: Sendable {
        /// Ids name the same node in every source (edge lists, graph files, node tables).
        case global
        /// Ids are meaningful within the source only (a row number, a vCard UID);
        /// persons merge across sources through identity keys.
        case local
    }

    /// A source registered with ``beginSource(name:format:scope:)``.
    public struct SourceHandle: Sendable, Hashable {
        public let index: Int
    }

    /// One merge of two persons, for `--explain-merges`.
    public struct Merge: Sendable, Equatable {
        /// The id of the person that absorbed the other.
        public var kept: String
        /// The id of the person merged into it.
        public var merged: String
        /// The key they share.
        public var key: IdentityKey
        /// The source of the record that caused the merge, and its line if known.
        public var source: String
        public var line: Int?
    }

    /// Whether edges are directed.
    public private(set) var isDirected: Bool
    /// What to do with self-loops; dropped ones are counted in ``droppedSelfLoops``.
    public var selfLoops: SelfLoopPolicy
    /// Merge persons on their name alone (off by default).
    public var mergeOnName = false
    /// Add an inferred tie between persons of the same organisation (off by default).
    public var inferSameOrganisation = false
    /// E-mails with more recipients than this leave no co-recipient ties (mailing lists
    /// and announcements say little about who knows whom).
    public var maxCoRecipients = 50
    /// Metadata passed to the graph (`name`, …).
    public var metadata: [String: String] = [:]
    /// The tie-strength model for contact ties without an explicit weight.
    public var tieStrength = TieStrengthModel()

    // Nodes, by provisional index. Identity resolution may later merge several into one.
    var ids = NodeIDs()
    /// Global ids, and the provisional node of each.
    var globalIDs = IdentifierTable()
    var globalNodes: [Int32] = []
    var parent: [Int32] = []
    var nodeAttributes = AttributeTable()
    var keyOwner = IdentityKeyTable()
    /// The strongest identity key of each provisional node (the first of its kind), which
    /// names the person in the built graph: its entry in ``keyOwner``, or -1.
    var bestKeys: [Int32] = []
    /// The `sources` list of each source, shared by all its persons (one array, not one
    /// per person).
    var sourceLists: [[String]] = []
    var isPerson: [Bool] = []
    var nodeSource: [Int32] = []

    // Sources.
    var sources: [(name: String, format: String, scope: IDScope)] = []
    var localIDs: [[String: Int32]] = []

    // Raw edges, in insertion order.
    var edgeSources: [Int32] = []
    var edgeTargets: [Int32] = []
    /// Explicit weight, or NaN when the tie-strength model decides.
    var edgeWeights: [Double] = []
    var edgeChannels: [UInt16] = []
    var edgeOrigins: [UInt8] = []
    var edgeSince: [Double] = []
    var edgeAttributes = AttributeTable()
    var hasContactEdges = false

    // Interaction events, one per raw edge that an interaction produced.
    var eventEdges: [Int32] = []
    var events: [TieEvent] = []
    var interactionIdentifiers: Set<String> = []
    var interactionCount = 0

    // Members known by name only, matched by ``resolveMemberNames()``.
    var memberNameRecords: [(node: Int32, name: String, source: String, line: Int?)] = []

    /// What reading the key table's slots ahead read (kept, so that the reads are made).
    var keyTableWarmth: UInt64 = 0

    /// The persons the last ``reservePersons(_:in:)`` expects, and whether the text
    /// buffers were sized for them.
    var expectedPersons = 0
    var textSized = true

    /// Merges performed so far, in order.
    public internal(set) var merges: [Merge] = []
    /// Remarks of identity resolution that are not errors (a member name that fits
    /// several persons), for the import report.
    public internal(set) var resolutionNotes: [String] = []
    /// Self-loops seen and dropped by the policy before building (from ties and
    /// interactions); ``BuildSummary`` adds those dropped while building.
    public internal(set) var droppedSelfLoops = 0
    var selfLoopsDroppedAtBuild = 0
    /// Interactions ignored because their identifier was seen before.
    public private(set) var duplicateInteractions = 0

    /// Creates an empty builder.
    ///
    /// - Parameters:
    ///   - directed: whether edges are directed; ``declareDirected(_:)`` may set it later
    ///     while no edge exists.
    ///   - selfLoops: keep or drop edges from a node to itself (default: drop, as the
    ///     reference graphs of NetworkX comparisons do).
    public init(directed: Bool = false, selfLoops: SelfLoopPolicy = .drop) {
        isDirected = directed
        self.selfLoops = selfLoops
    }

    /// Number of nodes so far (before identity resolution).
    public var provisionalNodeCount: Int { ids.count }
    /// Number of edges so far (before parallel edges merge).
    public var rawEdgeCount: Int { edgeSources.count }

    /// Sets the direction of the graph.
    ///
    /// - Returns: `false` when edges already exist with the other direction.
    @discardableResult
    public mutating func declareDirected(_ directed: Bool) -> Bool {
        if directed == isDirected { return true }
        guard edgeSources.isEmpty || !hasDeclaredDirection else { return false }
        isDirected = directed
        hasDeclaredDirection = true
        return true
    }
    var hasDeclaredDirection = false

    /// Reserves room for about `count` persons of `source` and a tie each (a contact
    /// export whose size is known), so that the tables grow without rehashing. Once the
    /// first batch of them is in (``addPersons(_:source:referencedByID:)``), the text
    /// buffers (ids, keys, names…) are sized for the rest from the lengths seen.
    ///
    /// - Complexity: O(1) besides the allocations.
    public mutating func reservePersons(_ count: Int, in source: SourceHandle) {
        guard count > 0 else { return }
        reserveCapacity(nodes: ids.count + count, edges: edgeSources.count + count)
        isPerson.reserveCapacity(ids.count + count)
        nodeSource.reserveCapacity(ids.count + count)
        bestKeys.reserveCapacity(ids.count + count)
        keyOwner.reserveCapacity(keyOwner.count + 2 * count)
        localIDs[source.index].reserveCapacity(localIDs[source.index].count + count)
        nodeAttributes.reserveCapacity(rows: ids.count + count)
        edgeChannels.reserveCapacity(edgeSources.count + count)
        edgeOrigins.reserveCapacity(edgeSources.count + count)
        edgeSince.reserveCapacity(edgeSources.count + count)
        expectedPersons = ids.count + count
        textSized = false
    }

    /// After the first batch of a source that reserved room for its persons: the text
    /// buffers sized for all of them, from what the batch held (a fourth more, as the
    /// batch is a sample), so that they fill without being copied as they grow.
    mutating func sizeTextBuffers(batchRows: Int) {
        textSized = true
        guard batchRows >= 1_000, expectedPersons > ids.count else { return }
        let growth = 1.25 * Double(expectedPersons) / Double(ids.count)
        ids.reserveText(growth: growth)
        keyOwner.reserveText(growth: growth)
        nodeAttributes.reserveText(growth: growth)
    }

    /// Reserves room for `nodes` nodes and `edges` edges.
    public mutating func reserveCapacity(nodes: Int, edges: Int) {
        ids.reserveCapacity(nodes)
        parent.reserveCapacity(nodes)
        globalIDs.reserveCapacity(nodes)
        globalNodes.reserveCapacity(nodes)
        edgeSources.reserveCapacity(edges)
        edgeTargets.reserveCapacity(edges)
        edgeWeights.reserveCapacity(edges)
    }

    // MARK: - Graph level

    /// The node with global id `id`, created when new.
    ///
    /// - Complexity: amortised O(1) (one dictionary look-up).
    public mutating func node(_ id: String) -> Int32 {
        let (entry, isNew) = globalIDs.intern(id)
        return isNew ? addGlobalNode(entry: entry) : globalNodes[Int(entry)]
    }

    /// The node whose global id has these UTF-8 bytes, created when new. Lets an importer
    /// resolve ids straight from a file's bytes, with no `String` per field.
    ///
    /// - Complexity: amortised O(length of the id).
    public mutating func node(utf8 id: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (entry, isNew) = globalIDs.intern(utf8: id)
        return isNew ? addGlobalNode(entry: entry) : globalNodes[Int(entry)]
    }

    private mutating func addGlobalNode(entry: Int32) -> Int32 {
        let id = globalIDs.id(at: entry)
        let index = newNode(id: id, source: -1)
        globalNodes.append(index)
        if id.contains("@"), let key = IdentityKey.email(id) {
            // An edge list whose ids are addresses joins the contacts with those addresses.
            claim(key, for: index, source: "", line: nil)
        }
        return index
    }

    /// Whether a node with global id `id` exists.
    public func hasNode(_ id: String) -> Bool { globalIDs.index(of: id) != nil }

    /// Appends an edge between two nodes returned by ``node(_:)`` or ``addPerson(_:source:)``.
    ///
    /// - Returns: the raw edge index, for ``setEdgeAttribute(_:_:edge:)``.
    @discardableResult
    public mutating func addEdge(_ source: Int32, _ target: Int32, weight: Double = 1) -> Int {
        precondition(Int(source) < ids.count && Int(target) < ids.count && source >= 0 && target >= 0,
                     "edge endpoint out of range")
        edgeSources.append(source)
        edgeTargets.append(target)
        edgeWeights.append(weight)
        return edgeSources.count - 1
    }

    /// Appends an edge between global ids, creating the nodes when new.
    @discardableResult
    public mutating func addEdge(_ source: String, _ target: String, weight: Double = 1) -> Int {
        let u = node(source)
        let v = node(target)
        return addEdge(u, v, weight: weight)
    }

    /// Sets a node attribute.
    ///
    /// - Returns: `false` when the column exists with a type that cannot hold the value.
    @discardableResult
    public mutating func setNodeAttribute(_ name: String, _ value: AttributeValue?, node: Int32) -> Bool {
        nodeAttributes.set(name, value, at: Int(node))
    }

    /// Sets an attribute of the raw edge `edge` (as returned by ``addEdge(_:_:weight:)``).
    ///
    /// When parallel edges merge, the merged edge keeps the first non-missing value.
    @discardableResult
    public mutating func setEdgeAttribute(_ name: String, _ value: AttributeValue?, edge: Int) -> Bool {
        edgeAttributes.set(name, value, at: edge)
    }

    /// Declares a node attribute column with its type (GraphML `<key for="node">`).
    public mutating func declareNodeAttribute(_ name: String, type: AttributeType) {
        nodeAttributes.declare(name, type: type)
    }

    /// Declares an edge attribute column with its type.
    public mutating func declareEdgeAttribute(_ name: String, type: AttributeType) {
        edgeAttributes.declare(name, type: type)
    }

    /// The type of node attribute `name`, if declared or set.
    public func nodeAttributeType(_ name: String) -> AttributeType? { nodeAttributes[name]?.type }

    /// The type of edge attribute `name`, if declared or set.
    public func edgeAttributeType(_ name: String) -> AttributeType? { edgeAttributes[name]?.type }

    // MARK: - Contact level

    /// Registers a source; contact-level records name the source they come from.
    public mutating func beginSource(name: String, format: String, scope: IDScope) -> SourceHandle {
        sources.append((name, format, scope))
        sourceLists.append([name])
        localIDs.append([:])
        return SourceHandle(index: sources.count - 1)
    }

    /// Changes how the ids of `source` are read (the JSON-lines header says so after the
    /// source was opened). Only before the source added anything.
    public mutating func setScope(_ scope: IDScope, for source: SourceHandle) {
        precondition(localIDs[source.index].isEmpty, "the scope of a source changes before its first record")
        sources[source.index].scope = scope
    }

    /// What ``addPerson(_:source:line:)`` did with a record.
    public enum PersonOutcome: Sendable, Equatable {
        /// A new person.
        case created
        /// Merged into an existing person through a shared key.
        case merged(into: String, key: IdentityKey)
    }

    /// Adds a person, merging with existing persons that share an identity key.
    ///
    /// - Parameters:
    ///   - referencedByID: whether later records of the source name this person by its id
    ///     (ties, interactions, a second record of the same id). A source that ties its
    ///     persons by node (``addTie(_:from:to:)``) and gives each row its own id passes
    ///     `false`, which spares indexing a million ids.
    /// - Returns: the (provisional) node of the person and what happened.
    @discardableResult
    public mutating func addPerson(
        _ record: PersonRecord, source: SourceHandle, line: Int? = nil, referencedByID: Bool = true
    ) -> (node: Int32, outcome: PersonOutcome) {
        addPerson(record, source: source, line: line, referencedByID: referencedByID,
                  identityKeys: record.identityKeys(includeName: mergeOnName))
    }

    /// Adds a person whose identity keys the caller computed already (an importer that
    /// prepares records on several threads), as ``addPerson(_:source:line:referencedByID:)``.
    ///
    /// - Parameter identityKeys: `record.identityKeys(includeName: mergeOnName)`.
    @discardableResult
    public mutating func addPerson(
        _ record: PersonRecord, source: SourceHandle, line: Int? = nil, referencedByID: Bool = true,
        identityKeys keys: [IdentityKey]
    ) -> (node: Int32, outcome: PersonOutcome) {
        let scope = sources[source.index].scope
        let sourceName = sources[source.index].name
        var node: Int32
        var outcome = PersonOutcome.created
        var fresh = false  // created by this call: no attribute to read before writing
        switch scope {
        case .global:
            let existed = hasNode(record.id)
            node = self.node(record.id)
            if existed { outcome = .merged(into: record.id, key: IdentityKey(kind: .id, value: record.id)) }
            fresh = !existed
        case .local where !referencedByID:
            node = newNode(id: record.id, source: Int32(source.index))
            fresh = true
        case .local:
            // One hash in the common case (a new id): insert, and undo when it existed.
            let candidate = Int32(ids.count)
            if let existing = localIDs[source.index].updateValue(candidate, forKey: record.id) {
                localIDs[source.index][record.id] = existing
                node = existing
                outcome = .merged(into: ids[Int(existing)], key: IdentityKey(kind: .id, value: record.id))
            } else {
                node = newNode(id: record.id, source: Int32(source.index))
                fresh = true
            }
        }
        isPerson[Int(node)] = true
        var entries: [Int32] = []
        entries.reserveCapacity(keys.count)
        for key in keys {
            let claimed = claim(key, for: node, source: sourceName, line: line)
            if let owner = claimed.merged, case .created = outcome {
                outcome = .merged(into: ids[Int(owner)], key: key)
            }
            entries.append(claimed.entry)
        }
        for entry in entries { offerBestKey(entry: entry, to: node) }
        if record.isMember {
            noteMember(node, name: record.name, keyKinds: keys.lazy.map(\.kind), source: sourceName, line: line)
        }
        storePersonFields(record, node: node, source: sourceName, sourceIndex: source.index, fresh: fresh)
        return (node, outcome)
    }

    /// Adds a tie between two persons of `source` (unknown ids become bare persons).
    ///
    /// - Returns: the raw edge index, or `nil` for a self-loop that the policy dropped.
    @discardableResult
    public mutating func addTie(_ record: TieRecord, source: SourceHandle) -> Int? {
        addTie(record, from: person(record.source, source: source), to: person(record.target, source: source))
    }

    /// Adds a tie between two nodes returned by ``addPerson(_:source:line:referencedByID:)``;
    /// the record's `source` and `target` ids are not read.
    ///
    /// - Returns: the raw edge index, or `nil` for a self-loop that the policy dropped.
    @discardableResult
    public mutating func addTie(_ record: TieRecord, from u: Int32, to v: Int32) -> Int? {
        precondition(u >= 0 && v >= 0 && Int(u) < ids.count && Int(v) < ids.count, "tie endpoint out of range")
        if u == v, selfLoops == .drop {
            droppedSelfLoops += 1
            return nil
        }
        hasContactEdges = hasContactEdges || !record.channels.isEmpty || record.weight == nil
        let edge = addEdge(u, v, weight: record.weight ?? .nan)
        setContactFields(edge: edge, channels: record.channels, origin: record.origin, since: record.since)
        for (name, value) in record.attributes { edgeAttributes.set(name, value, at: edge) }
        return edge
    }

    /// Adds an interaction; it leaves one event on every tie it implies (see
    /// ``InteractionRecord``).
    ///
    /// - Returns: `false` when an interaction with the same identifier was already added
    ///   (the same message in two mailboxes), which is then ignored.
    @discardableResult
    public mutating func addInteraction(_ record: InteractionRecord, source: SourceHandle) -> Bool {
        if let identifier = record.identifier {
            guard interactionIdentifiers.insert(identifier).inserted else {
                duplicateInteractions += 1
                return false
            }
        }
        interactionCount += 1
        hasContactEdges = true
        let date = record.date?.timeIntervalSince1970
        let sender = record.from.map { person($0, source: source) }
        var recipients: [(node: Int32, role: TieEvent.Role)] = []
        var seen = Set<Int32>()
        if let sender { seen.insert(sender) }
        for id in record.to {
            let node = person(id, source: source)
            if seen.insert(node).inserted { recipients.append((node, .direct)) }
        }
        for id in record.cc {
            let node = person(id, source: source)
            if seen.insert(node).inserted { recipients.append((node, .copied)) }
        }
        let isMeeting = record.channel == .meeting || record.channel == .video || record.channel == .inperson
        if isMeeting {
            // Everyone met everyone: one co-attendance event per pair, sharing the meeting.
            var participants = recipients.map(\.node)
            if let sender { participants.insert(sender, at: 0) }
            let share = min(1, 2 / Double(max(2, participants.count)))
            for i in participants.indices {
                for j in participants.indices where j > i {
                    let role: TieEvent.Role = i == 0 && sender != nil ? .direct : .coAttendance
                    addEvent(participants[i], participants[j], date: date, channel: record.channel,
                             role: role, direction: role == .direct ? .forward : .mutual, share: share)
                }
            }
            return true
        }
        if let sender {
            for recipient in recipients {
                addEvent(sender, recipient.node, date: date, channel: record.channel,
                         role: recipient.role, direction: .forward, share: 1)
            }
        }
        if recipients.count >= 2, recipients.count <= maxCoRecipients {
            let share = 1 / Double(recipients.count - 1)
            for i in recipients.indices {
                for j in recipients.indices where j > i {
                    addEvent(recipients[i].node, recipients[j].node, date: date, channel: record.channel,
                             role: .coRecipient, direction: .mutual, share: share)
                }
            }
        }
        return true
    }

    /// Adds one interaction event to the tie between two persons of `source` (the
    /// JSON-lines interchange stores ties with their events). The event's direction is
    /// relative to `a → b`.
    public mutating func addTieEvent(_ event: TieEvent, between a: String, and b: String, source: SourceHandle) {
        let u = person(a, source: source)
        let v = person(b, source: source)
        hasContactEdges = true
        addEvent(u, v, date: event.date, channel: event.channel, role: event.role,
                 direction: event.direction, share: event.share)
    }

    /// The provisional node of a person of `source`, created bare when unknown.
    public mutating func person(_ id: String, source: SourceHandle) -> Int32 {
        switch sources[source.index].scope {
        case .global:
            return node(id)
        case .local:
            if let existing = localIDs[source.index][id] { return existing }
            let node = newNode(id: id, source: Int32(source.index))
            localIDs[source.index][id] = node
            isPerson[Int(node)] = true
            nodeAttributes.set(PersonField.sources, .stringList(sourceLists[source.index]), at: Int(node))
            if let key = IdentityKey.email(id) {
                let entry = claim(key, for: node, source: sources[source.index].name, line: nil).entry
                offerBestKey(entry: entry, to: node)
            }
            return node
        }
    }

    // MARK: - Internals

    /// Notes a member whose record has no e-mail, profile URL or phone key, only a name:
    /// ``resolveMemberNames()`` matches it to the person of that name.
    mutating func noteMember(_ node: Int32, name: String?, keyKinds: some Sequence<IdentityKey.Kind>, source: String, line: Int?) {
        guard let name, !keyKinds.contains(where: { $0 == .email || $0 == .profileURL || $0 == .phone }) else { return }
        let folded = IdentityKey.fold(name)
        if !folded.isEmpty { memberNameRecords.append((node, folded, source, line)) }
    }

    mutating func newNode(id: String, source: Int32) -> Int32 {
        var id = id
        return id.withUTF8 { newNode(utf8: $0, source: source) }
    }

    mutating func newNode(utf8 id: UnsafeBufferPointer<UInt8>, source: Int32) -> Int32 {
        let index = Int32(ids.count)
        ids.append(utf8: id)
        parent.append(index)
        isPerson.append(false)
        nodeSource.append(source)
        bestKeys.append(-1)
        return index
    }

    /// Keeps the key of entry `entry` as the node's naming key when it is stronger than
    /// the one it has.
    mutating func offerBestKey(entry: Int32, to node: Int32) {
        let current = bestKeys[Int(node)]
        if current >= 0, !(keyOwner.kind(ofEntry: entry) < keyOwner.kind(ofEntry: current)) { return }
        bestKeys[Int(node)] = entry
    }

    mutating func find(_ node: Int32) -> Int32 {
        var root = node
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var current = node
        while parent[Int(current)] != root {
            let next = parent[Int(current)]
            parent[Int(current)] = root
            current = next
        }
        return root
    }

    /// Gives `key` to `node`'s group, merging with the group that held it.
    ///
    /// - Returns: the root of the group that held the key, when it was another group
    ///   (the two are merged now), and the key's entry in ``keyOwner``.
    @discardableResult
    mutating func claim(_ key: IdentityKey, for node: Int32, source: String, line: Int?) -> (merged: Int32?, entry: Int32) {
        var value = key.value
        return value.withUTF8 { claim(kind: key.kind, utf8: $0, fingerprint: key.fingerprint, for: node, source: source, line: line) }
    }

    /// ``claim(_:for:source:line:)`` for a key given as the UTF-8 bytes of its value (in
    /// NFC) and their fingerprint.
    mutating func claim(
        kind: IdentityKey.Kind, utf8: UnsafeBufferPointer<UInt8>, fingerprint: UInt64, for node: Int32, source: String,
        line: Int?
    ) -> (merged: Int32?, entry: Int32) {
        // One hash for a new key. The key now points at `node`, which after the merge below
        // is in the same group as the former holder, so no look-up needs the older one.
        let (owner, entry) = keyOwner.updateOwner(kind: kind, utf8: utf8, fingerprint: fingerprint, to: node)
        guard let owner else { return (nil, entry) }
        let a = find(owner)
        let b = find(node)
        guard a != b else { return (nil, entry) }
        // The older group absorbs the newer, so the first record seen names the person.
        let (kept, absorbed) = a < b ? (a, b) : (b, a)
        parent[Int(absorbed)] = kept
        merges.append(Merge(kept: ids[Int(kept)], merged: ids[Int(absorbed)], key: keyOwner.key(ofEntry: entry),
                            source: source, line: line))
        return (a, entry)
    }

    mutating func addEvent(
        _ a: Int32, _ b: Int32, date: Double?, channel: Channel, role: TieEvent.Role,
        direction: TieEvent.Direction, share: Double
    ) {
        if a == b, selfLoops == .drop { return }
        let edge = addEdge(a, b, weight: .nan)
        setContactFields(edge: edge, channels: ChannelSet(channel), origin: .observed, since: nil)
        eventEdges.append(Int32(edge))
        events.append(TieEvent(date: date, channel: channel, role: role, direction: direction, share: share))
    }

    mutating func setContactFields(edge: Int, channels: ChannelSet, origin: TieOrigin, since: Date?) {
        if edgeChannels.count <= edge {
            let missing = edge + 1 - edgeChannels.count
            edgeChannels.append(contentsOf: repeatElement(0, count: missing))
            edgeOrigins.append(contentsOf: repeatElement(0, count: missing))
            edgeSince.append(contentsOf: repeatElement(.nan, count: missing))
        }
        edgeChannels[edge] = channels.rawValue
        edgeOrigins[edge] = origin == .observed ? 0 : 1
        edgeSince[edge] = since?.timeIntervalSince1970 ?? .nan
    }

    /// Stores the fields of a record; a `fresh` node has no attribute yet, which spares
    /// reading each column before writing it.
    mutating func storePersonFields(_ record: PersonRecord, node: Int32, source: String, sourceIndex: Int, fresh: Bool = false) {
        let row = Int(node)
        func setScalar(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty, fresh || nodeAttributes.value(name, at: row) == nil else { return }
            nodeAttributes.set(name, .string(value), at: row)
        }
        func appendList(_ name: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            var current: [String] = []
            if !fresh, case .stringList(let existing)? = nodeAttributes.value(name, at: row) { current = existing }
            for value in values where !value.isEmpty && !current.contains(value) { current.append(value) }
            nodeAttributes.set(name, .stringList(current), at: row)
        }
        setScalar(PersonField.label, record.name)
        appendList(PersonField.emails, record.emails.compactMap(IdentityKey.normalizedEmail))
        appendList(PersonField.phones, record.phones)
        appendList(PersonField.urls, record.profileURLs)
        setScalar(PersonField.organisation, record.organisation)
        setScalar(PersonField.title, record.title)
        setScalar(PersonField.sector, record.sector)
        setScalar(PersonField.location, record.location)
        appendList(PersonField.categories, record.categories)
        if record.sources.isEmpty, fresh {
            nodeAttributes.set(PersonField.sources, .stringList(sourceLists[sourceIndex]), at: row)
        } else {
            appendList(PersonField.sources, record.sources.isEmpty ? [source] : record.sources)
        }
        if record.isMember || nodeAttributes.contains(PersonField.member) {
            let was = !fresh && nodeAttributes.value(PersonField.member, at: row) == .bool(true)
            nodeAttributes.set(PersonField.member, .bool(was || record.isMember), at: row)
        }
        for (name, value) in record.attributes where fresh || nodeAttributes.value(name, at: row) == nil {
            nodeAttributes.set(name, value, at: row)
        }
    }
}
