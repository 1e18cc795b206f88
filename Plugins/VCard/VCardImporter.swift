import CercleCore
import CerclePlugin
import Foundation

/// Reads vCard files (2.1, 3.0 and 4.0; many cards per file): an address book.
///
/// Each card is one person:
///
/// - name: `FN`, else `N` (given, additional and family names); of several
///   alternatives linked by `ALTID`, the first;
/// - `EMAIL` and `TEL` (all of them; `mailto:` and `tel:` removed), `TITLE`,
///   `CATEGORIES` (all), `ORG` (`ORG:Acme;Sales` → organisation "Acme", the unit "Sales"
///   in the `department` attribute), the city and country of the first `ADR` (the work
///   address when there is one) as location;
/// - `URL` and `X-SOCIALPROFILE`: a profile URL (an identity key) when it points at a
///   person's profile (LinkedIn, XING, GitHub… see ``ContactFields/isProfileURL(_:)``),
///   else the `website` attribute — a company's website would merge its employees;
/// - `NOTE`, `PHOTO` and other properties are not read; grouped properties (`item1.EMAIL`)
///   count as the plain ones.
///
/// `RELATED` (vCard 4.0) becomes an explicit person-to-person tie (origin observed,
/// channel `addressbook`, the relation type — `colleague`, `friend`… — in the `relation`
/// edge attribute): `urn:uuid:…` names another card of the file by its `UID`, `mailto:`
/// and `tel:` a person by address or number, an `http(s)` profile URL a person by
/// profile. Free-text relations and UIDs that no card of the file carries are not tied,
/// and the report counts them.
///
/// The address book's owner (``ContactOwner``: `--member`, else the file name, as in
/// `jonas-weber.vcf` → "Jonas Weber") is added as a member and tied to every card with
/// channel `addressbook`. Without an owner the cards are persons without ties, and the
/// report says so.
///
/// Every card is a row: accepted, or skipped with the line of its `BEGIN:VCARD` and the
/// reason (not closed, a line without `:`, `KIND:org`/`group`/`location`, nothing that
/// identifies a person). A file without any `BEGIN:VCARD` is an error.
public struct VCardImporter: GraphImporter {
    public init() {}

    public let format = FormatDescriptor(
        id: "vcard", name: "vCard 2.1, 3.0, 4.0 address book", fileExtensions: ["vcf", "vcard"], quality: 1)

    public var idScope: GraphBuilder.IDScope { .local }

    public var rowUnit: String { "card" }

    public func sniff(_ sample: SniffSample) -> SniffConfidence {
        let head = sample.text.prefix(4096).uppercased()
        if head.contains("BEGIN:VCARD") { return .certain }
        return sample.hasExtension(format.fileExtensions) ? .possible : .no
    }

    public func read(_ input: ImportInput, into context: inout ImportContext) throws {
        let parsed = VCardParser.parse(try input.bytes())
        guard !parsed.entries.isEmpty else {
            throw context.error("no BEGIN:VCARD: not a vCard file")
        }
        if parsed.linesOutsideCards > 0 {
            context.note("\(parsed.linesOutsideCards) line(s) outside any card ignored")
        }
        let owner = ContactOwner.of(input, options: context.options)
        if let owner {
            context.addPerson(owner.record)
        } else {
            context.note("no owner named: the cards are not tied to anyone (name the owner with --member, or name the file after them)")
        }
        var related: [(source: String, property: VCardProperty)] = []
        var cardIDs: [String: String] = [:]  // UID as written → local id
        var usedIDs = Set<String>()

        for entry in parsed.entries {
            switch entry {
            case .failure(let line, let reason):
                context.skip(line: line, reason: reason)
            case .card(let card):
                if let kind = card.first("KIND")?.text.lowercased(), ["org", "group", "location"].contains(kind) {
                    context.skip(line: card.line, reason: "KIND:\(kind) describes \(kind == "org" ? "an organisation" : "a \(kind)"), not a person")
                    continue
                }
                var person = Self.person(from: card)
                guard person.name != nil || !person.emails.isEmpty || !person.phones.isEmpty || !person.profileURLs.isEmpty else {
                    context.skip(line: card.line, reason: "card has no name, e-mail, phone or profile URL")
                    continue
                }
                let uid = card.first("UID")?.text.trimmingCharacters(in: .whitespaces)
                var id = "card:\(card.line)"
                if let uid, !uid.isEmpty, !usedIDs.contains(uid) { id = uid }
                usedIDs.insert(id)
                if let uid, !uid.isEmpty, cardIDs[uid] == nil { cardIDs[uid] = id }
                person.id = id
                context.addPerson(person, line: card.line)
                if let owner {
                    context.addTie(TieRecord(source: owner.localID, target: id, channels: ChannelSet(.addressbook)))
                }
                related += card.all("RELATED").map { (id, $0) }
                context.accept()
            }
        }

        var unresolved = 0
        for (source, property) in related {
            guard let target = Self.relatedTarget(property, cardIDs: cardIDs, context: &context) else {
                unresolved += 1
                continue
            }
            let relation = property.types.filter { $0 != "pref" }.joined(separator: ",")
            context.addTie(TieRecord(
                source: source, target: target, channels: ChannelSet(.addressbook), origin: .observed,
                attributes: [("relation", .string(relation.isEmpty ? "related" : relation))]))
        }
        if unresolved > 0 {
            context.note("\(unresolved) RELATED value(s) name no card of the file or no address, not tied")
        }
    }

    /// The local id of the person a `RELATED` value names, adding that person when it is
    /// named by address, number or profile.
    static func relatedTarget(_ property: VCardProperty, cardIDs: [String: String], context: inout ImportContext) -> String? {
        let value = property.text.trimmingCharacters(in: .whitespaces)
        let lower = value.lowercased()
        if let id = cardIDs[value] { return id }
        if lower.hasPrefix("urn:uuid:") {
            let bare = String(value.dropFirst("urn:uuid:".count))
            return cardIDs[bare] ?? cardIDs.first { $0.key.lowercased() == lower || $0.key.lowercased() == bare.lowercased() }?.value
        }
        if lower.hasPrefix("mailto:"), let email = IdentityKey.normalizedEmail(value) {
            context.addPerson(PersonRecord(id: email, emails: [email]), line: property.line)
            return email
        }
        if lower.hasPrefix("tel:"), let key = IdentityKey.normalizedPhone(value) {
            let id = "tel:\(key)"
            context.addPerson(PersonRecord(id: id, phones: [String(value.dropFirst(4))]), line: property.line)
            return id
        }
        if lower.hasPrefix("http"), ContactFields.isProfileURL(value), let key = IdentityKey.normalizedURL(value) {
            context.addPerson(PersonRecord(id: key, profileURLs: [value]), line: property.line)
            return key
        }
        return nil
    }

    /// The person a card describes (its id is set by the caller).
    static func person(from card: VCard) -> PersonRecord {
        var person = PersonRecord(id: "")
        person.name = ContactFields.nonEmpty(card.first("FN")?.text)
        if person.name == nil, let n = card.first("N")?.components {
            let part = { (index: Int) in index < n.count ? n[index] : "" }
            person.name = ContactFields.name(first: part(1), middle: part(2), last: part(0))
        }
        for property in card.properties {
            switch property.name {
            case "EMAIL":
                if let email = ContactFields.nonEmpty(Self.strip("mailto:", from: property.text)), !person.emails.contains(email) {
                    person.emails.append(email)
                }
            case "TEL":
                if let phone = ContactFields.nonEmpty(Self.strip("tel:", from: property.text)), !person.phones.contains(phone) {
                    person.phones.append(phone)
                }
            case "URL", "X-SOCIALPROFILE":
                guard let url = ContactFields.nonEmpty(property.text) else { continue }
                if ContactFields.isProfileURL(url) {
                    if !person.profileURLs.contains(url) { person.profileURLs.append(url) }
                } else if property.name == "URL", !person.attributes.contains(where: { $0.name == "website" }) {
                    person.attributes.append(("website", .string(url)))
                }
            case "CATEGORIES":
                for category in property.list where !person.categories.contains(category) { person.categories.append(category) }
            default:
                continue
            }
        }
        if let org = card.first("ORG")?.components {
            person.organisation = ContactFields.nonEmpty(org.first)
            let units = org.dropFirst().compactMap { ContactFields.nonEmpty($0) }
            if !units.isEmpty { person.attributes.append(("department", .string(units.joined(separator: ", ")))) }
        }
        person.title = ContactFields.nonEmpty(card.first("TITLE")?.text)
        let addresses = card.all("ADR")
        if let address = addresses.first(where: { $0.types.contains("work") }) ?? addresses.first {
            let parts = address.components
            person.location = ContactFields.location(
                city: parts.count > 3 ? parts[3] : nil, country: parts.count > 6 ? parts[6] : nil)
        }
        return person
    }

    static func strip(_ prefix: String, from text: String) -> String {
        text.lowercased().hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}
