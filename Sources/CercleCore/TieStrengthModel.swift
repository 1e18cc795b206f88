import Foundation

/// How strong a contact tie is, in [0, 1], from what the sources say about it.
///
/// The model follows the four dimensions of tie strength that Granovetter (1973) named
/// and Gilbert & Karahalios (2009) measured on real networks: the amount of time spent
/// together (here: interactions, decayed by age), intensity and intimacy (here: the
/// channels used, in person above video above phone above e-mail), reciprocity, and the
/// duration of the relationship. In plain words:
///
/// 1. **Activity** `A = Σ share × channelWeight × role × 2^(−age / halfLife)` over the
///    tie's interactions, so a meeting last week counts fully, the same meeting a
///    half-life ago counts half. It saturates: `activity = 1 − exp(−A / saturation)`.
/// 2. **Multiplexity** `(k − 1) / (multiplexityCap − 1)`, capped at 1, where `k` is the
///    number of distinct channels (a contact you e-mail *and* meet is stronger than one
///    you only e-mail).
/// 3. **Reciprocity** `min(out, in) / max(out, in)` over the interactions one person
///    started (e-mails, messages, calls; a meeting counts both ways, being together);
///    0 when there is none. Being two recipients of the same e-mail says nothing of
///    reciprocity and does not count.
/// 4. **Duration** `1 − exp(−years / durationScale)` between the first contact (or the
///    connection date) and the last.
///
/// `strength = max(prior, Σ weight_d × d / Σ weight_d)` over the four dimensions, where
/// `prior` is the connection-only floor of the tie's best connection channel
/// (address book 0.1, CRM 0.08, LinkedIn 0.05 by default). A tie never seen in any
/// interaction therefore gets exactly its prior.
///
/// Every number is a field of this struct, so a configuration file can change it; the
/// defaults are documented in README.md. `asOf` fixes "now": the same data and the same
/// `asOf` give the same strengths.
public struct TieStrengthModel: Sendable, Codable, Equatable {
    /// Days after which an interaction counts half.
    public var halfLifeDays: Double = 180
    /// Activity at which the activity score reaches 63 % (1 − 1/e).
    public var saturation: Double = 4
    /// Weight of each interaction channel in the activity score.
    public var channelWeights: [String: Double] = [
        Channel.inperson.rawValue: 1.0,
        Channel.meeting.rawValue: 1.0,
        Channel.video.rawValue: 0.8,
        Channel.phone.rawValue: 0.7,
        Channel.email.rawValue: 0.4,
        Channel.message.rawValue: 0.4,
    ]
    /// Weight of each role: a direct e-mail counts more than a copy.
    public var roleWeights: [String: Double] = [
        TieEvent.Role.direct.name: 1.0,
        TieEvent.Role.copied.name: 0.5,
        TieEvent.Role.coRecipient.name: 0.25,
        TieEvent.Role.coAttendance.name: 1.0,
    ]
    /// Strength of a tie known only from a connection on this channel.
    public var priors: [String: Double] = [
        Channel.addressbook.rawValue: 0.10,
        Channel.crm.rawValue: 0.08,
        Channel.linkedin.rawValue: 0.05,
        Channel.explicit.rawValue: 0.05,
    ]
    /// Prior of a tie whose only channels have no entry in ``priors``.
    public var defaultPrior: Double = 0.05
    /// Number of channels at which multiplexity reaches 1.
    public var multiplexityCap: Double = 4
    /// Years of acquaintance at which the duration score reaches 63 %.
    public var durationScaleYears: Double = 2
    /// Weights of the four dimensions.
    public var activityWeight: Double = 0.6
    public var multiplexityWeight: Double = 0.15
    public var reciprocityWeight: Double = 0.15
    public var durationWeight: Double = 0.10

    public init() {}

    /// The components of one tie's strength, for `cercle explain`.
    public struct Breakdown: Sendable, Equatable {
        public var rawActivity: Double
        public var activity: Double
        public var multiplexity: Double
        public var reciprocity: Double
        public var duration: Double
        public var prior: Double
        public var strength: Double
        public var channels: [Channel]
        public var eventCount: Int
        public var outgoing: Double
        public var incoming: Double
        public var firstContact: Date?
        public var lastContact: Date?
    }

    /// The strength of a tie and how it was reached.
    ///
    /// - Parameters:
    ///   - channels: every channel the tie was seen on, connections included.
    ///   - events: the tie's interactions.
    ///   - since: when the connection began, if known.
    ///   - asOf: the reference date; events after it are ignored.
    /// - Complexity: O(*k*) for *k* events.
    public func breakdown(
        channels: ChannelSet, events: some Collection<TieEvent>, since: Date?, asOf: Date
    ) -> Breakdown {
        let now = asOf.timeIntervalSince1970
        let halfLife = halfLifeDays * 86_400
        var raw = 0.0
        var outgoing = 0.0
        var incoming = 0.0
        var first = since?.timeIntervalSince1970
        var last: Double?
        var allChannels = channels
        var counted = 0
        for event in events {
            if let date = event.date, date > now { continue }
            counted += 1
            allChannels.insert(ChannelSet(event.channel))
            let channelWeight = channelWeights[event.channel.rawValue] ?? 0
            let roleWeight = roleWeights[event.role.name] ?? 0
            let decay = event.date.map { exp2(-max(0, now - $0) / halfLife) } ?? 0.5
            raw += event.share * channelWeight * roleWeight * decay
            switch (event.direction, event.role) {
            case (_, .coRecipient): break
            case (.forward, _): outgoing += event.share
            case (.backward, _): incoming += event.share
            case (.mutual, _):
                outgoing += event.share
                incoming += event.share
            }
            if let date = event.date {
                first = min(first ?? date, date)
                last = max(last ?? date, date)
            }
        }
        let activity = 1 - exp(-raw / saturation)
        let channelCount = Double(allChannels.channels.count)
        let multiplexity = multiplexityCap > 1
            ? min(1, max(0, channelCount - 1) / (multiplexityCap - 1)) : 0
        let high = max(outgoing, incoming)
        let reciprocity = high > 0 ? min(outgoing, incoming) / high : 0
        var duration = 0.0
        if let first, counted > 0 {
            let years = (max(last ?? first, first) - first) / (365.25 * 86_400)
            duration = 1 - exp(-years / durationScaleYears)
        }
        let connectionPriors = allChannels.channels.compactMap { priors[$0.rawValue] }
        let prior = connectionPriors.max() ?? defaultPrior
        let totalWeight = activityWeight + multiplexityWeight + reciprocityWeight + durationWeight
        var combined = 0.0
        if counted > 0, totalWeight > 0 {
            combined = (activityWeight * activity + multiplexityWeight * multiplexity
                + reciprocityWeight * reciprocity + durationWeight * duration) / totalWeight
        }
        return Breakdown(
            rawActivity: raw, activity: activity, multiplexity: multiplexity,
            reciprocity: reciprocity, duration: duration, prior: prior,
            strength: min(1, max(prior, combined)), channels: allChannels.channels,
            eventCount: counted, outgoing: outgoing, incoming: incoming,
            firstContact: first.map { Date(timeIntervalSince1970: $0) },
            lastContact: last.map { Date(timeIntervalSince1970: $0) }
        )
    }

    /// The strength of a tie; see ``breakdown(channels:events:since:asOf:)``.
    public func strength(
        channels: ChannelSet, events: some Collection<TieEvent>, since: Date?, asOf: Date
    ) -> Double {
        breakdown(channels: channels, events: events, since: since, asOf: asOf).strength
    }
}
