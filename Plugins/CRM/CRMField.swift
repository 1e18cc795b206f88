/// A person field a CRM column can map to (`--map "Account Name=organisation"`).
public enum CRMField: String, Sendable, CaseIterable {
    /// The CRM's record id, kept in the `crm_id` attribute.
    case id
    /// The full name.
    case name
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case phone
    case organisation
    case title
    /// The industry, kept as the sector.
    case sector
    /// A place as one text (else `city` and `country` are joined).
    case location
    case city
    case country
    /// The contact owner: a member, by name or e-mail.
    case owner
    /// A profile URL.
    case url
    /// The date of the last activity, kept on the owner's tie (`last_activity`).
    case lastActivity = "last_activity"

    /// The field named `text` in a mapping: the raw values, plus `member` for `owner`
    /// and `organization`, `company` for `organisation` (any case).
    public init?(mappingName text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        switch key {
        case "member": self = .owner
        case "organization", "company", "account": self = .organisation
        case "firstname": self = .firstName
        case "lastname": self = .lastName
        case "lastactivity": self = .lastActivity
        default:
            guard let field = CRMField(rawValue: key) else { return nil }
            self = field
        }
    }

    /// Whether several columns may map to this field (all their values are kept).
    var isMultiValued: Bool { self == .email || self == .phone || self == .url }
}
