import CercleCore
import Foundation

/// Which members of a team cover which organisations, how concentrated each account is,
/// and what the team would lose without one member.
///
/// Definition: for an organisation *O* and a member *m*, `S_m = Σ strength(m, c)` over the
/// ties from *m* to contacts *c* at *O*. Then, over the members tied to *O*:
/// - **best strength**: the strongest member–contact tie into *O*;
/// - **top-member share** `max_m S_m / Σ_m S_m`;
/// - **HHI** (Herfindahl–Hirschman index) `Σ_m (S_m / Σ S)²`: 1 when one member holds the
///   account, `1/r` when *r* members hold it equally;
/// - **single-threaded**: exactly one member is tied to *O* (key-person risk);
///   **uncovered**: no member is tied to any of its contacts.
///
/// Without a member *x* (``Loss``): the contacts and organisations that no other member is
/// tied to any more, the contacts that no other member can reach at all (no path avoiding
/// *x*), and the communities in which no other member has a tie to anyone.
///
/// A contact is **solicited by several members** when two or more members had an
/// interaction with them in the last `recentDays` days before the reference date.
///
/// **Conventions**: members are the nodes whose `member` attribute is true; organisations
/// come from the `organisation` attribute, compared case- and accent-folded and shown as
/// first written; the members' own organisations are the team, not accounts, and are left
/// out. Weights are read as strengths (`--weight strength`).
///
/// - Complexity: O(*n* + *m*) for the coverage table, plus one breadth-first search
///   (O(*n* + *m*)) for a loss.
///
/// [Herfindahl 1950] O. C. Herfindahl, *Concentration in the steel industry*, PhD thesis,
/// Columbia University. [Burt 1992] R. S. Burt, *Structural Holes*, Harvard University Press,
/// doi:10.4159/9780674029095.
public struct AccountCoverage: Sendable {
    /// Days before the reference date in which contact by two members counts as "at once".
    public var recentDays: Double = 90

    public init(recentDays: Double = 90) {
        precondition(recentDays > 0, "the window is positive")
        self.recentDays = recentDays
    }

    /// One member's hold on one organisation.
    public struct Holder: Sendable, Equatable {
        public var member: NodeIndex
        /// Contacts at the organisation this member is tied to.
        public var contacts: Int
        /// `S_m`, the sum of those ties' strengths.
        public var strength: Double
    }

    /// One organisation (account).
    public struct Account: Sendable, Equatable {
        public var organisation: String
        /// Persons at the organisation (members excluded).
        public var contacts: [NodeIndex]
        /// Members tied to it, by decreasing `S_m` (then node index).
        public var holders: [Holder]
        /// The strongest member–contact tie, 0 when uncovered.
        public var bestStrength: Double
        public var topMemberShare: Double
        public var herfindahl: Double
        public var isSingleThreaded: Bool { holders.count == 1 }
        public var isUncovered: Bool { holders.isEmpty }
        /// Contacts tied to at least one member.
        public var coveredContacts: Int
    }

    /// A contact in touch with several members in the recent window.
    public struct SharedContact: Sendable, Equatable {
        public var contact: NodeIndex
        /// The members, with their last interaction with the contact.
        public var members: [(member: NodeIndex, lastContact: Date)]

        public static func == (lhs: SharedContact, rhs: SharedContact) -> Bool {
            lhs.contact == rhs.contact && lhs.members.elementsEqual(rhs.members) { $0.member == $1.member && $0.lastContact == $1.lastContact }
        }
    }

    /// The coverage of every organisation.
    public struct Result: Sendable, Equatable {
        public var members: [NodeIndex]
        /// Accounts, by organisation name (folded order).
        public var accounts: [Account]
        public var sharedContacts: [SharedContact]

        public var singleThreaded: [Account] { accounts.filter(\.isSingleThreaded) }
        public var uncovered: [Account] { accounts.filter(\.isUncovered) }
    }

    /// What the team loses without one member.
    public struct Loss: Sendable, Equatable {
        public var member: NodeIndex
        /// Organisations that only this member was tied to.
        public var organisations: [String]
        /// Contacts that only this member was tied to (members excluded).
        public var contacts: [NodeIndex]
        /// Contacts no remaining member can reach by any path avoiding the member.
        public var unreachable: [NodeIndex]
        /// Communities (indices of the partition given) in which only this member had ties.
        public var communities: [Int]
    }

    /// The members of `graph` (nodes whose `member` attribute is true).
    public static func members(of graph: ContactGraph) -> [NodeIndex] {
        graph.nodes.filter { graph.nodeAttributes.value(PersonField.member, at: Int($0)) == .bool(true) }
    }

    /// Coverage of every organisation by the members.
    ///
    /// - Parameters:
    ///   - asOf: the reference date for "recent" (the graph's `as_of`, usually).
    ///   - excluding: a member to leave out, as if they had left.
    public func run(on graph: ContactGraph, asOf: Date, excluding: NodeIndex? = nil) -> Result {
        let members = Self.members(of: graph).filter { $0 != excluding }
        var isMember = [Bool](repeating: false, count: graph.nodeCount)
        for member in Self.members(of: graph) { isMember[Int(member)] = true }
        let (organisationOf, names) = Self.organisations(of: graph, isMember: isMember)
        var contacts = [[NodeIndex]](repeating: [], count: names.count)
        for node in graph.nodes where !isMember[Int(node)] {
            if let organisation = organisationOf[Int(node)] { contacts[organisation].append(node) }
        }
        var holdings = [[NodeIndex: (contacts: Int, strength: Double)]](repeating: [:], count: names.count)
        var best = [Double](repeating: 0, count: names.count)
        var covered = [Set<NodeIndex>](repeating: [], count: names.count)
        for member in members {
            for (contact, weight) in zip(graph.neighbors(of: member), graph.weights(of: member)) where !isMember[Int(contact)] {
                guard let organisation = organisationOf[Int(contact)] else { continue }
                holdings[organisation][member, default: (0, 0)].contacts += 1
                holdings[organisation][member, default: (0, 0)].strength += weight
                best[organisation] = max(best[organisation], weight)
                covered[organisation].insert(contact)
            }
        }
        var accounts: [Account] = []
        for (index, name) in names.enumerated() {
            let holders = holdings[index].map { Holder(member: $0.key, contacts: $0.value.contacts, strength: $0.value.strength) }
                .sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.member < $1.member }
            let total = holders.reduce(0) { $0 + $1.strength }
            let shares = holders.map { total > 0 ? $0.strength / total : 1 / Double(holders.count) }
            accounts.append(Account(
                organisation: name, contacts: contacts[index], holders: holders, bestStrength: best[index],
                topMemberShare: shares.first ?? 0, herfindahl: shares.reduce(0) { $0 + $1 * $1 },
                coveredContacts: covered[index].count))
        }
        return Result(members: members, accounts: accounts,
                      sharedContacts: sharedContacts(graph, members: members, isMember: isMember, asOf: asOf))
    }

    /// What the team loses without `member`.
    ///
    /// - Parameter communities: a partition of the graph (Leiden, say), for the
    ///   communities cut off; `nil` to skip them.
    public func loss(on graph: ContactGraph, without member: NodeIndex, communities: Partition? = nil) -> Loss {
        let all = Self.members(of: graph)
        precondition(all.contains(member), "node \(member) is not a member")
        let others = all.filter { $0 != member }
        var isMember = [Bool](repeating: false, count: graph.nodeCount)
        for node in all { isMember[Int(node)] = true }
        var tiedToOthers = [Bool](repeating: false, count: graph.nodeCount)
        for other in others { for contact in graph.neighbors(of: other) { tiedToOthers[Int(contact)] = true } }
        if graph.isDirected {
            for other in others { for contact in graph.inNeighbors(of: other) { tiedToOthers[Int(contact)] = true } }
        }
        let mine = Set(graph.neighbors(of: member)).union(graph.inNeighbors(of: member))
        let lostContacts = mine.filter { !isMember[Int($0)] && !tiedToOthers[Int($0)] }.sorted()

        let before = run(on: graph, asOf: Date(timeIntervalSince1970: 0))
        let after = run(on: graph, asOf: Date(timeIntervalSince1970: 0), excluding: member)
        let lostOrganisations = zip(before.accounts, after.accounts)
            .filter { !$0.0.isUncovered && $0.1.isUncovered }.map { $0.0.organisation }

        // Breadth-first search from the other members, never entering `member`.
        var reached = [Bool](repeating: false, count: graph.nodeCount)
        var queue = others
        for node in others { reached[Int(node)] = true }
        reached[Int(member)] = true
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in graph.neighbors(of: u) where !reached[Int(v)] {
                reached[Int(v)] = true
                queue.append(v)
            }
            if graph.isDirected {
                for v in graph.inNeighbors(of: u) where !reached[Int(v)] {
                    reached[Int(v)] = true
                    queue.append(v)
                }
            }
        }
        // Only what the member could reach counts as lost: their own component.
        var reachable = [Bool](repeating: false, count: graph.nodeCount)
        var stack = [member]
        reachable[Int(member)] = true
        while let u = stack.popLast() {
            for v in graph.neighbors(of: u) where !reachable[Int(v)] {
                reachable[Int(v)] = true
                stack.append(v)
            }
        }
        let unreachable = graph.nodes.filter { reachable[Int($0)] && !reached[Int($0)] && $0 != member }

        var lostCommunities: [Int] = []
        if let communities {
            var heldBy = [Set<NodeIndex>](repeating: [], count: communities.count)
            for holder in all {
                for contact in graph.neighbors(of: holder) where contact != holder {
                    heldBy[communities[contact]].insert(holder)
                }
                heldBy[communities[holder]].insert(holder)
            }
            lostCommunities = heldBy.indices.filter { heldBy[$0] == [member] }
        }
        return Loss(member: member, organisations: lostOrganisations, contacts: lostContacts,
                    unreachable: unreachable, communities: lostCommunities)
    }

    /// Each node's organisation (index into the names), and the names as first written.
    static func organisations(of graph: ContactGraph, isMember: [Bool]) -> (of: [Int?], names: [String]) {
        guard let column = graph.nodeAttributes[PersonField.organisation] else {
            return ([Int?](repeating: nil, count: graph.nodeCount), [])
        }
        var folded: [String?] = (0..<graph.nodeCount).map { node in
            column.text(at: node).map(IdentityKey.fold).flatMap { $0.isEmpty ? nil : $0 }
        }
        let team = Set((0..<graph.nodeCount).filter { isMember[$0] }.compactMap { folded[$0] })
        for node in 0..<graph.nodeCount where folded[node].map(team.contains) == true { folded[node] = nil }
        var display: [String: String] = [:]
        for node in 0..<graph.nodeCount {
            if let key = folded[node], display[key] == nil { display[key] = column.text(at: node) }
        }
        let keys = display.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        return (folded.map { $0.flatMap { index[$0] } }, keys.map { display[$0] ?? $0 })
    }

    func sharedContacts(_ graph: ContactGraph, members: [NodeIndex], isMember: [Bool], asOf: Date) -> [SharedContact] {
        guard !graph.interactions.isEmpty else { return [] }
        let edgeIndex = graph.makeEdgeIndex()
        let start = asOf.timeIntervalSince1970 - recentDays * 86_400
        var byContact: [NodeIndex: [(member: NodeIndex, lastContact: Date)]] = [:]
        for member in members {
            for contact in graph.neighbors(of: member) where !isMember[Int(contact)] {
                guard let edge = graph.edgeID(from: member, to: contact, index: edgeIndex) else { continue }
                let recent = graph.interactions.events(ofEdge: edge).compactMap(\.date)
                    .filter { $0 >= start && $0 <= asOf.timeIntervalSince1970 }
                if let last = recent.max() {
                    byContact[contact, default: []].append((member, Date(timeIntervalSince1970: last)))
                }
            }
        }
        return byContact.filter { $0.value.count >= 2 }
            .map { SharedContact(contact: $0.key, members: $0.value.sorted { $0.member < $1.member }) }
            .sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.contact < $1.contact }
    }
}
