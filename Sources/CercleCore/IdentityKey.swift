import Foundation

/// A normalised key under which two records are taken to be the same person.
///
/// Keys are tried in the order of ``Kind``: e-mail, profile URL, phone, then name and
/// organisation together. Normalisation is deliberately conservative, so that a merge is
/// always explainable by pointing at two equal keys:
///
/// - e-mail: trimmed, `mailto:` removed, lower-cased (`Ann@Acme.COM` = `ann@acme.com`);
///   dots and `+tags` are kept, since only some providers ignore them.
/// - profile URL: scheme, `www.`, query, fragment and trailing `/` removed, host and path
///   lower-cased (`https://www.linkedin.com/in/Ann-B/` = `linkedin.com/in/ann-b`).
/// - phone: the last nine digits of a number of at least seven digits, which makes
///   `+33 6 12 34 56 78` and `06 12 34 56 78` equal (the national significant number of
///   most countries has nine or ten digits).
/// - name + organisation: both case-, accent- and punctuation-folded, spaces collapsed;
///   only when both are present.
/// - id: an identifier declared global by its source (a graph file's node id).
public struct IdentityKey: Hashable, Sendable, CustomStringConvertible {
    /// What a key is made of, strongest first.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case id
        case email
        case profileURL = "url"
        case phone
        case nameAndOrganisation = "name+organisation"
        case name

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    public let kind: Kind
    public let value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    public var description: String { "\(kind.rawValue) \(value)" }

    /// The e-mail key of `address`, or `nil` when it is not an address.
    public static func email(_ address: String) -> IdentityKey? {
        normalizedEmail(address).map { IdentityKey(kind: .email, value: $0) }
    }

    /// The profile-URL key of `url`, or `nil` when empty.
    public static func profileURL(_ url: String) -> IdentityKey? {
        normalizedURL(url).map { IdentityKey(kind: .profileURL, value: $0) }
    }

    /// The phone key of `number`, or `nil` with fewer than seven digits.
    public static func phone(_ number: String) -> IdentityKey? {
        normalizedPhone(number).map { IdentityKey(kind: .phone, value: $0) }
    }

    /// The name-and-organisation key, or `nil` unless both fold to something.
    public static func nameAndOrganisation(_ name: String?, _ organisation: String?) -> IdentityKey? {
        guard let name = name.map(fold), !name.isEmpty,
              let organisation = organisation.map(fold), !organisation.isEmpty else { return nil }
        return IdentityKey(kind: .nameAndOrganisation, value: "\(name) | \(organisation)")
    }

    /// The name-only key (used only when merging on names is asked for).
    public static func name(_ name: String?) -> IdentityKey? {
        guard let name = name.map(fold), !name.isEmpty, name.contains(" ") else { return nil }
        return IdentityKey(kind: .name, value: name)
    }

    /// Lower-cased, trimmed address without `mailto:`; `nil` unless it has one `@` with
    /// text on both sides and no space. The domain needs no dot: `alice@edu` and
    /// `root@localhost` are addresses of old and local mail.
    public static func normalizedEmail(_ address: String) -> String? {
        var text = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.lowercased().hasPrefix("mailto:") { text.removeFirst(7) }
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        text = text.lowercased()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !text.contains(where: { $0.isWhitespace }) else { return nil }
        return text
    }

    /// Host and path, lower-cased, without scheme, `www.`, query, fragment or final `/`.
    public static func normalizedURL(_ url: String) -> String? {
        var text = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            text.removeFirst(scheme.count)
        }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        while text.hasSuffix("/") { text.removeLast() }
        return text.isEmpty ? nil : text
    }

    /// The last nine digits of a number with at least seven digits.
    public static func normalizedPhone(_ number: String) -> String? {
        let digits = number.filter(\.isASCII).filter(\.isNumber)
        guard digits.count >= 7 else { return nil }
        return String(digits.suffix(9))
    }

    /// Case-, accent- and punctuation-folded text with single spaces.
    ///
    /// Letters and digits are kept, lower-cased and without accents (`Zoë` → `zoe`);
    /// spaces, `-`, `.` and `,` separate words; any other character (`'`, `&`) is dropped.
    ///
    /// - Complexity: O(*k*) for *k* UTF-8 bytes. ASCII text and precomposed Latin letters
    ///   (U+0080–U+024F) take a table-driven path; anything else (combining marks, other
    ///   scripts) goes through Foundation's folding, which is about 20 times slower.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 { return foldLatin(text) ?? foldUnicode(text) }
            switch byte {
            case 0x61...0x7A, 0x30...0x39:
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            case 0x41...0x5A:
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte + 0x20)
            case 0x09...0x0D, 0x20, 0x2C, 0x2D, 0x2E:
                pendingSpace = true
            default:
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The reference definition of ``fold(_:)``, through Foundation's case and diacritic
    /// folding; the fast paths must agree with it.
    public static func foldUnicode(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
        return collapse(folded)
    }

    static func collapse(_ folded: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else if character.isWhitespace || character == "-" || character == "." || character == "," {
                pendingSpace = true
            }
        }
        return result
    }

    /// Folds text made of ASCII and precomposed Latin letters scalar by scalar through a
    /// table built once from Foundation's folding; `nil` when another scalar occurs.
    static func foldLatin(_ text: String) -> String? {
        let table = latinFolding
        var folded = ""
        folded.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x80 {
                folded.unicodeScalars.append(scalar)
            } else if value < 0x250 {
                folded += table[value - 0x80]
            } else {
                return nil
            }
        }
        return collapse(folded.lowercased())
    }

    /// Foundation's folding of each scalar U+0080–U+024F.
    static let latinFolding: [String] = (0x80..<0x250).map { value in
        guard let scalar = Unicode.Scalar(value) else { return "" }
        return String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

extension PersonRecord {
    /// The identity keys of this record, strongest first.
    ///
    /// - Parameter includeName: add the name-only key (off by default: two different
    ///   e-mail addresses are never merged on a name alone unless asked).
    public func identityKeys(includeName: Bool = false) -> [IdentityKey] {
        var keys: [IdentityKey] = []
        keys += emails.compactMap(IdentityKey.email)
        keys += profileURLs.compactMap(IdentityKey.profileURL)
        keys += phones.compactMap(IdentityKey.phone)
        if let key = IdentityKey.nameAndOrganisation(name, organisation) { keys.append(key) }
        if includeName, let key = IdentityKey.name(name) { keys.append(key) }
        var seen = Set<IdentityKey>()
        return keys.filter { seen.insert($0).inserted }
    }
}
