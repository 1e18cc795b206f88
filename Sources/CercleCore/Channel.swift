/// How two people were in touch.
///
/// The raw values are the names used in files and on the command line.
public enum Channel: String, Sendable, CaseIterable, Codable, Comparable {
    /// A connection on LinkedIn (or another professional network).
    case linkedin
    /// An entry in someone's address book (vCard, Google, Outlook).
    case addressbook
    /// A contact record in a CRM.
    case crm
    /// An e-mail.
    case email
    /// A direct message on a social network.
    case message
    /// A phone call.
    case phone
    /// A video call.
    case video
    /// A meeting in a calendar, without a video link (assumed in person).
    case meeting
    /// Met in person, recorded as such.
    case inperson
    /// Declared in an explicit edge list or graph file.
    case explicit

    /// The bit of this channel in a ``ChannelSet``.
    public var bit: UInt16 { 1 << UInt16(Channel.allCases.firstIndex(of: self) ?? 0) }

    public static func < (lhs: Channel, rhs: Channel) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A set of channels, stored as a bit mask so that merging parallel edges is one `|`.
public struct ChannelSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The set holding one channel.
    public init(_ channel: Channel) { rawValue = channel.bit }

    /// The set holding `channels`.
    public init(_ channels: some Sequence<Channel>) {
        rawValue = channels.reduce(0) { $0 | $1.bit }
    }

    /// The channels in declaration order.
    public var channels: [Channel] { Channel.allCases.filter { rawValue & $0.bit != 0 } }

    /// The channel names, as stored in the `channels` edge attribute.
    public var names: [String] { channels.map(\.rawValue) }

    /// Whether `channel` is in the set.
    public func contains(_ channel: Channel) -> Bool { rawValue & channel.bit != 0 }
}
