import Foundation

/// Names of the node attribute columns that carry a person's fields.
///
/// Importers of contact data fill these columns; exporters and analyses read them.
public enum PersonField {
    public static let label = "label"
    public static let emails = "emails"
    public static let phones = "phones"
    public static let urls = "urls"
    public static let organisation = "organisation"
    public static let title = "title"
    public static let sector = "sector"
    public static let location = "location"
    public static let categories = "categories"
    public static let sources = "sources"
    public static let member = "member"

    /// Columns that hold personal contact details, removed or masked by `--redact`.
    public static let emailColumns: Set<String> = [emails]
    public static let phoneColumns: Set<String> = [phones]
}

/// Names of the edge attribute columns that carry a tie's fields.
public enum TieField {
    public static let channels = "channels"
    public static let interactions = "interactions"
    public static let firstContact = "first_contact"
    public static let lastContact = "last_contact"
    public static let origin = "origin"
    public static let reciprocity = "reciprocity"
}

/// A person as an importer reads it from one source.
///
/// `id` is local to the source (a row number, a vCard UID, an e-mail address); persons
/// from several sources merge through their identity keys (``IdentityKey``), not their
/// ids, unless the source declares its ids global (graph files).
public struct PersonRecord: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var emails: [String]
    public var phones: [String]
    public var profileURLs: [String]
    public var organisation: String?
    public var title: String?
    public var sector: String?
    public var location: String?
    public var categories: [String]
    /// Whether this person is a member of the team (an ego whose export was imported).
    public var isMember: Bool
    /// The sources the person was seen in; empty means "the file being read" (only the
    /// JSON-lines interchange carries earlier sources along).
    public var sources: [String] = []
    /// Further attributes, in the order the source gave them.
    public var attributes: [(name: String, value: AttributeValue)]

    public init(
        id: String, name: String? = nil, emails: [String] = [], phones: [String] = [],
        profileURLs: [String] = [], organisation: String? = nil, title: String? = nil,
        sector: String? = nil, location: String? = nil, categories: [String] = [],
        isMember: Bool = false, attributes: [(name: String, value: AttributeValue)] = []
    ) {
        self.id = id
        self.name = name
        self.emails = emails
        self.phones = phones
        self.profileURLs = profileURLs
        self.organisation = organisation
        self.title = title
        self.sector = sector
        self.location = location
        self.categories = categories
        self.isMember = isMember
        self.attributes = attributes
    }

    public static func == (lhs: PersonRecord, rhs: PersonRecord) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.emails == rhs.emails
            && lhs.phones == rhs.phones && lhs.profileURLs == rhs.profileURLs
            && lhs.organisation == rhs.organisation && lhs.title == rhs.title
            && lhs.sector == rhs.sector && lhs.location == rhs.location
            && lhs.categories == rhs.categories && lhs.isMember == rhs.isMember
            && lhs.sources == rhs.sources && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }
}

/// Whether a tie was seen in the data or inferred by a rule.
public enum TieOrigin: String, Sendable, Codable, CaseIterable {
    /// Seen: a connection, an e-mail, a meeting, an explicit edge, a vCard RELATED.
    case observed
    /// Inferred by an opt-in rule (same organisation).
    case inferred
}

/// A tie as an importer reads it: two persons (source-local ids) and what is known.
public struct TieRecord: Sendable, Equatable {
    public var source: String
    public var target: String
    /// An explicit weight (graph files). Contact ties usually leave it `nil` and get their
    /// strength from the tie-strength model.
    public var weight: Double?
    public var channels: ChannelSet
    public var origin: TieOrigin
    /// When the tie began (LinkedIn "Connected On").
    public var since: Date?
    /// Further attributes, in the order the source gave them.
    public var attributes: [(name: String, value: AttributeValue)]

    public init(
        source: String, target: String, weight: Double? = nil, channels: ChannelSet = [],
        origin: TieOrigin = .observed, since: Date? = nil,
        attributes: [(name: String, value: AttributeValue)] = []
    ) {
        self.source = source
        self.target = target
        self.weight = weight
        self.channels = channels
        self.origin = origin
        self.since = since
        self.attributes = attributes
    }

    public static func == (lhs: TieRecord, rhs: TieRecord) -> Bool {
        lhs.source == rhs.source && lhs.target == rhs.target && lhs.weight == rhs.weight
            && lhs.channels == rhs.channels && lhs.origin == rhs.origin && lhs.since == rhs.since
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }
}

/// A dated event between persons on one channel: an e-mail, a meeting, a message, a call.
///
/// Interactions aggregate into ties: the sender is tied to every recipient (`to` and
/// `cc`), recipients of one e-mail get a weaker co-recipient tie among themselves, and
/// every pair of a meeting's participants gets a co-attendance tie.
public struct InteractionRecord: Sendable, Equatable {
    public var channel: Channel
    public var date: Date?
    /// The sender or organiser (source-local person id), if any.
    public var from: String?
    /// Direct recipients or attendees.
    public var to: [String]
    /// Copied recipients.
    public var cc: [String]
    /// A stable identifier (Message-ID, iCalendar UID), used to drop duplicates.
    public var identifier: String?

    public init(
        channel: Channel, date: Date? = nil, from: String? = nil, to: [String] = [],
        cc: [String] = [], identifier: String? = nil
    ) {
        self.channel = channel
        self.date = date
        self.from = from
        self.to = to
        self.cc = cc
        self.identifier = identifier
    }
}
