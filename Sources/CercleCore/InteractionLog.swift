import Foundation

/// One interaction as seen by one tie.
///
/// An e-mail from A to B and C leaves a `direct` event on A–B and A–C and a
/// `coRecipient` event on B–C; a meeting leaves a `coAttendance` event on every pair.
public struct TieEvent: Sendable, Hashable {
    /// The part a tie played in the interaction.
    public enum Role: UInt8, Sendable, CaseIterable, Codable {
        /// Sender to a `To:` recipient, caller to callee, organiser to attendee.
        case direct
        /// Sender to a `Cc:` recipient.
        case copied
        /// Two recipients of the same message.
        case coRecipient
        /// Two participants of the same meeting.
        case coAttendance

        public var name: String {
            switch self {
            case .direct: "direct"
            case .copied: "copied"
            case .coRecipient: "co-recipient"
            case .coAttendance: "co-attendance"
            }
        }
    }

    /// Who initiated it, relative to the tie's endpoints.
    public enum Direction: UInt8, Sendable, Codable {
        /// From the edge's source to its target (undirected: lower to higher index).
        case forward
        /// From the edge's target to its source.
        case backward
        /// No initiator (co-attendance, co-recipients).
        case mutual
    }

    /// Seconds since 1970 (UTC); `nil` when the source had no date.
    public var date: Double?
    public var channel: Channel
    public var role: Role
    public var direction: Direction
    /// This tie's share of the interaction: 1 for a two-person exchange, less for a pair
    /// among many attendees or recipients (see ``TieStrengthModel``).
    public var share: Double

    public init(date: Double?, channel: Channel, role: Role, direction: Direction, share: Double) {
        self.date = date
        self.channel = channel
        self.role = role
        self.direction = direction
        self.share = share
    }
}

/// The interaction events of every tie, grouped by edge id (a CSR over edges).
public struct InteractionLog: Sendable {
    /// `offsets[e] ..< offsets[e + 1]` indexes the events of edge `e`; empty when the
    /// graph has no interactions.
    public let offsets: [Int]
    /// Events of every edge, concatenated; sorted by date within an edge.
    public let events: [TieEvent]
    /// Number of distinct interactions (messages, meetings) behind the events.
    public let interactionCount: Int

    /// No interactions.
    public static let empty = InteractionLog(offsets: [], events: [], interactionCount: 0)

    public init(offsets: [Int], events: [TieEvent], interactionCount: Int) {
        self.offsets = offsets
        self.events = events
        self.interactionCount = interactionCount
    }

    /// Whether there is no event.
    public var isEmpty: Bool { events.isEmpty }

    /// The events of edge `edge`, oldest first.
    public func events(ofEdge edge: Int) -> ArraySlice<TieEvent> {
        guard edge + 1 < offsets.count else { return [] }
        return events[offsets[edge]..<offsets[edge + 1]]
    }

    /// The latest dated event, if any.
    public var latestDate: Date? {
        events.compactMap(\.date).max().map { Date(timeIntervalSince1970: $0) }
    }
}
