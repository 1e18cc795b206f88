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
/// defaults are documented in README.md and written out in `Examples/tie-strength.json`.
/// A configuration file (JSON; see ``init(configuration:)``) names only the fields it
/// changes, with the names below (`halfLifeDays`, `channelWeights`…); a field it leaves out
/// keeps its default, a map it gives (`channelWeights`, `roleWeights`, `priors`) replaces
/// the default map entry by entry. `asOf` fixes "now": the same data, configuration and
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case halfLifeDays, saturation, channelWeights, roleWeights, priors, defaultPrior, multiplexityCap
        case durationScaleYears, activityWeight, multiplexityWeight, reciprocityWeight, durationWeight
    }

    /// A key of a configuration file, known or not.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads a configuration: fields left out keep their defaults; entries of a map
    /// override the default entries with the same key. Unknown fields are an error, so a
    /// misspelt `halfLife` is not silently ignored.
    public init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = all.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw ConfigurationError("unknown field '\(unknown)' (known: \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var model = TieStrengthModel()
        func number(_ key: CodingKeys, _ value: inout Double) throws {
            if let given = try container.decodeIfPresent(Double.self, forKey: key) { value = given }
        }
        func map(_ key: CodingKeys, _ value: inout [String: Double], known: [String]) throws {
            guard let given = try container.decodeIfPresent([String: Double].self, forKey: key) else { return }
            for name in given.keys.sorted() where !known.contains(name) {
                throw ConfigurationError("\(key.rawValue): unknown name '\(name)' (known: \(known.joined(separator: ", ")))")
            }
            value.merge(given) { $1 }
        }
        try number(.halfLifeDays, &model.halfLifeDays)
        try number(.saturation, &model.saturation)
        try map(.channelWeights, &model.channelWeights, known: Channel.allCases.map(\.rawValue))
        try map(.roleWeights, &model.roleWeights, known: TieEvent.Role.allCases.map(\.name))
        try map(.priors, &model.priors, known: Channel.allCases.map(\.rawValue))
        try number(.defaultPrior, &model.defaultPrior)
        try number(.multiplexityCap, &model.multiplexityCap)
        try number(.durationScaleYears, &model.durationScaleYears)
        try number(.activityWeight, &model.activityWeight)
        try number(.multiplexityWeight, &model.multiplexityWeight)
        try number(.reciprocityWeight, &model.reciprocityWeight)
        try number(.durationWeight, &model.durationWeight)
        try model.validate()
        self = model
    }

    /// Reads a JSON configuration file's bytes.
    ///
    /// - Throws: ``ConfigurationError`` naming the field and the reason (not JSON, an
    ///   unknown field, a value out of range).
    public init(configuration data: Data) throws {
        do {
            self = try JSONDecoder().decode(TieStrengthModel.self, from: data)
        } catch let error as ConfigurationError {
            throw error
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ConfigurationError("\(path.isEmpty ? "the file" : path): expected a number or an object of numbers")
        } catch {
            throw ConfigurationError("not a JSON object of tie-strength settings")
        }
    }

    /// The configuration as pretty-printed JSON with sorted keys (the defaults, for a
    /// default model), readable back by ``init(configuration:)``.
    public var configurationJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Checks that every number lies in its range.
    func validate() throws {
        func check(_ ok: Bool, _ message: String) throws { if !ok { throw ConfigurationError(message) } }
        try check(halfLifeDays > 0 && halfLifeDays.isFinite, "halfLifeDays must be positive")
        try check(saturation > 0 && saturation.isFinite, "saturation must be positive")
        try check(multiplexityCap >= 1, "multiplexityCap must be at least 1")
        try check(durationScaleYears > 0, "durationScaleYears must be positive")
        try check((0...1).contains(defaultPrior), "defaultPrior lies in [0, 1]")
        for (name, value) in priors.sorted(by: { $0.key < $1.key }) {
            try check((0...1).contains(value), "priors.\(name) lies in [0, 1]")
        }
        for (field, values) in [("channelWeights", channelWeights), ("roleWeights", roleWeights)] {
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                try check(value >= 0 && value.isFinite, "\(field).\(name) must be a non-negative number")
            }
        }
        let weights = [activityWeight, multiplexityWeight, reciprocityWeight, durationWeight]
        try check(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "the dimension weights must be non-negative")
        try check(weights.reduce(0, +) > 0, "at least one dimension weight must be positive")
    }

    /// A configuration that cannot be used; the description names the field.
    public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

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
        /// Each channel's part of ``rawActivity`` and its number of counted events.
        public var activityByChannel: [(channel: Channel, events: Int, activity: Double)]

        public static func == (lhs: Breakdown, rhs: Breakdown) -> Bool {
            lhs.rawActivity == rhs.rawActivity && lhs.activity == rhs.activity && lhs.multiplexity == rhs.multiplexity
                && lhs.reciprocity == rhs.reciprocity && lhs.duration == rhs.duration && lhs.prior == rhs.prior
                && lhs.strength == rhs.strength && lhs.channels == rhs.channels && lhs.eventCount == rhs.eventCount
                && lhs.outgoing == rhs.outgoing && lhs.incoming == rhs.incoming
                && lhs.firstContact == rhs.firstContact && lhs.lastContact == rhs.lastContact
                && lhs.activityByChannel.elementsEqual(rhs.activityByChannel) {
                    $0.channel == $1.channel && $0.events == $1.events && $0.activity == $1.activity
                }
        }
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
        var byChannel = [(events: Int, activity: Double)](repeating: (0, 0), count: Channel.allCases.count)
        for event in events {
            if let date = event.date, date > now { continue }
            counted += 1
            allChannels.insert(ChannelSet(event.channel))
            let channelWeight = channelWeights[event.channel.rawValue] ?? 0
            let roleWeight = roleWeights[event.role.name] ?? 0
            let decay = event.date.map { exp2(-max(0, now - $0) / halfLife) } ?? 0.5
            let contribution = event.share * channelWeight * roleWeight * decay
            raw += contribution
            let slot = Channel.allCases.firstIndex(of: event.channel) ?? 0
            byChannel[slot].events += 1
            byChannel[slot].activity += contribution
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
            lastContact: last.map { Date(timeIntervalSince1970: $0) },
            activityByChannel: Channel.allCases.enumerated().compactMap { slot, channel in
                byChannel[slot].events > 0 ? (channel, byChannel[slot].events, byChannel[slot].activity) : nil
            }
        )
    }

    /// The strength of a tie; see ``breakdown(channels:events:since:asOf:)``.
    public func strength(
        channels: ChannelSet, events: some Collection<TieEvent>, since: Date?, asOf: Date
    ) -> Double {
        breakdown(channels: channels, events: events, since: since, asOf: asOf).strength
    }
}
