/// The column names of a CRM's standard contact export.
public struct CRMPreset: Sendable, Equatable {
    /// The preset's name (`--preset NAME`).
    public var name: String
    /// Column name (lower-cased) → field.
    public var columns: [String: CRMField]
    /// Columns whose presence in a header identifies the export.
    public var signature: [String]

    /// Salesforce's "Contacts & Accounts" report and contact list export.
    public static let salesforce = CRMPreset(
        name: "salesforce",
        columns: [
            "contact id": .id, "id": .id, "first name": .firstName, "last name": .lastName, "full name": .name,
            "contact name": .name, "name": .name, "title": .title, "account name": .organisation, "email": .email,
            "phone": .phone, "mobile": .phone, "mobile phone": .phone, "mailing city": .city, "mailing country": .country,
            "industry": .sector, "contact owner": .owner, "last activity": .lastActivity, "linkedin profile": .url,
        ],
        signature: ["contact owner", "account name"])

    /// HubSpot's contacts export.
    public static let hubspot = CRMPreset(
        name: "hubspot",
        columns: [
            "record id": .id, "first name": .firstName, "last name": .lastName, "email": .email,
            "phone number": .phone, "mobile phone number": .phone, "company name": .organisation, "job title": .title,
            "industry": .sector, "city": .city, "country/region": .country, "contact owner": .owner,
            "last activity date": .lastActivity, "linkedin url": .url,
        ],
        signature: ["record id", "contact owner"])

    /// The presets, in sniffing order.
    public static let all: [CRMPreset] = [.hubspot, .salesforce]

    /// The preset named `name` (any case).
    public static func named(_ name: String) -> CRMPreset? {
        all.first { $0.name == name.lowercased() }
    }

    /// The preset whose signature columns all appear in `header`.
    public static func matching(_ header: [String]) -> CRMPreset? {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return all.first { $0.signature.allSatisfy(names.contains) }
    }
}
