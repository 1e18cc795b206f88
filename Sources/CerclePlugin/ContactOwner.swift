import CercleCore
import Foundation

/// The person whose export a contact file is: the member whose LinkedIn connections,
/// address book or CRM contacts it lists.
///
/// Contact importers tie the owner to every contact of the file, and add the owner as a
/// person with ``PersonRecord/isMember`` set. The owner is found, in this order:
///
/// 1. `--member TEXT` (``ImportOptions/member``): an e-mail address when it has an `@`,
///    a profile URL when it starts with `http` or holds a `/`, else a name;
/// 2. the file's name, when it reads as a person's name: two to four words of letters
///    separated by `-`, `_`, `.` or spaces (`jonas-weber.vcf` → "Jonas Weber");
/// 3. the folder's name by the same rule, when the file has a generic export name
///    (`linkedin/anna-becker/Connections.csv` → "Anna Becker").
///
/// A name rebuilt from a file name has no accents ("Sofia Ramirez"); it still meets the
/// person's own records, because a member known by name only is matched on the folded
/// name once every source is read (``GraphBuilder/resolveMemberNames()``).
public struct ContactOwner: Sendable, Equatable, CustomStringConvertible {
    /// Where the owner was found.
    public enum Origin: String, Sendable {
        case option = "--member"
        case fileName = "file name"
        case folderName = "folder name"
    }

    /// The owner's name, if known by name.
    public var name: String?
    /// The owner's e-mail address, if given as one.
    public var email: String?
    /// The owner's profile URL, if given as one.
    public var profileURL: String?
    /// Where the owner was found.
    public var origin: Origin

    public init(name: String? = nil, email: String? = nil, profileURL: String? = nil, origin: Origin) {
        self.name = name
        self.email = email
        self.profileURL = profileURL
        self.origin = origin
    }

    /// The owner named by `--member`: an e-mail, a URL or a name.
    public init(member text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        origin = .option
        if trimmed.contains("@"), IdentityKey.normalizedEmail(trimmed) != nil {
            email = trimmed
        } else if trimmed.lowercased().hasPrefix("http") || trimmed.contains("/") {
            profileURL = trimmed
        } else {
            name = trimmed
        }
    }

    /// The owner of `input`: `--member`, else a name read from the file or folder name.
    public static func of(_ input: ImportInput, options: ImportOptions) -> ContactOwner? {
        if let member = options.member, !member.trimmingCharacters(in: .whitespaces).isEmpty {
            return ContactOwner(member: member)
        }
        return fromPath(input.url)
    }

    /// The owner read from a file name, or from its folder's name when the file has a
    /// generic export name; `nil` when neither reads as a person's name.
    public static func fromPath(_ url: URL) -> ContactOwner? {
        let stem = url.deletingPathExtension().lastPathComponent
        if let name = personName(fromSlug: stem) { return ContactOwner(name: name, origin: .fileName) }
        let generic = IdentityKey.fold(stem).filter { !$0.isNumber }.trimmingCharacters(in: .whitespaces)
        guard genericFileNames.contains(generic) else { return nil }
        let folder = url.deletingLastPathComponent().lastPathComponent
        return personName(fromSlug: folder).map { ContactOwner(name: $0, origin: .folderName) }
    }

    /// Names of export files that say nothing about their owner.
    public static let genericFileNames: Set<String> = [
        "connections", "contacts", "contact", "messages", "addressbook", "address book", "export",
        "calendar", "mailbox", "inbox", "sent", "all contacts", "google contacts", "outlook contacts",
        "outlook", "vcards", "cards", "invitations", "crm",
    ]

    static let notNameWords: Set<String> = [
        "contacts", "contact", "connections", "export", "linkedin", "google", "outlook", "backup",
        "calendar", "mail", "inbox", "sent", "archive", "addressbook", "address", "book", "vcard",
        "vcards", "crm", "salesforce", "hubspot", "report", "test", "example", "sample", "data",
        "abook", "messages", "all", "my", "team", "copy", "value", "uri", "tel", "photo", "photos", "text",
        "bday", "birthday", "label", "labels", "category", "categories", "nickname", "minimal", "issue",
        "unparsable", "broken", "multiple", "post", "individual", "org", "list", "file", "new", "old", "work",
        "home", "private", "personal", "family", "friends", "business", "clients", "customers", "leads",
        "accounts", "people", "import", "sync", "phone", "mobile", "iphone", "android", "icloud", "gmail",
    ]

    /// `anna-becker` → "Anna Becker"; `nil` unless two to four words of at least two
    /// letters each, none of them a word of export or test file names (`contacts`,
    /// `export`, `photo`, `minimal`…).
    public static func personName(fromSlug slug: String) -> String? {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " })
        guard (2...4).contains(words.count),
              words.allSatisfy({ word in word.count >= 2 && word.allSatisfy(\.isLetter) }),
              !words.contains(where: { notNameWords.contains(IdentityKey.fold(String($0))) }) else { return nil }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The owner's id within a source.
    public var localID: String { "member:" + (email ?? profileURL ?? name ?? "") }

    /// The owner as a person record, flagged as a member.
    public var record: PersonRecord {
        PersonRecord(
            id: localID, name: name, emails: email.map { [$0] } ?? [],
            profileURLs: profileURL.map { [$0] } ?? [], isMember: true)
    }

    /// Whether a person with these fields is the owner (same e-mail, URL or folded name).
    public func matches(name other: String?, emails: [String] = [], profileURLs: [String] = []) -> Bool {
        if let email, let key = IdentityKey.normalizedEmail(email),
           emails.contains(where: { IdentityKey.normalizedEmail($0) == key }) { return true }
        if let profileURL, let key = IdentityKey.normalizedURL(profileURL),
           profileURLs.contains(where: { IdentityKey.normalizedURL($0) == key }) { return true }
        if let name, let other, !name.isEmpty { return IdentityKey.fold(name) == IdentityKey.fold(other) }
        return false
    }

    public var description: String {
        "\(email ?? profileURL ?? name ?? "?") (from the \(origin.rawValue))"
    }
}
