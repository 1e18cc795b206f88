import CercleCore
import Foundation

/// Small rules shared by the contact importers, so that every source reads names, URLs
/// and places the same way.
public enum ContactFields {
    /// Hosts whose URLs name one person (a profile), as opposed to a company's website.
    ///
    /// Only profile URLs become identity keys: a website such as `http://www.acme.com`
    /// is shared by everyone at Acme and would merge them all.
    public static let profileHosts: [(host: String, pathPrefix: String)] = [
        ("linkedin.com", "/in/"), ("linkedin.com", "/pub/"), ("xing.com", "/profile/"),
        ("github.com", "/"), ("twitter.com", "/"), ("x.com", "/"), ("facebook.com", "/"),
        ("instagram.com", "/"), ("mastodon.social", "/@"),
    ]

    /// Whether `url` is a person's profile on a social network (see ``profileHosts``).
    public static func isProfileURL(_ url: String) -> Bool {
        guard let normalized = IdentityKey.normalizedURL(url) else { return false }
        guard let slash = normalized.firstIndex(of: "/") else { return false }
        var host = String(normalized[..<slash])
        let path = String(normalized[slash...])
        for prefix in ["de.", "fr.", "es.", "it.", "nl.", "uk.", "m.", "mobile."] where host.hasPrefix(prefix) {
            host.removeFirst(prefix.count)
        }
        return profileHosts.contains { host == $0.host && path.hasPrefix($0.pathPrefix) && path.count > $0.pathPrefix.count }
    }

    /// `first` and `last` joined by a space, trimmed; `nil` when both are empty.
    public static func name(first: String?, middle: String? = nil, last: String?) -> String? {
        var result = ""
        for part in [first, middle, last] {
            guard let text = part?.trimmingWhitespace, !text.isEmpty else { continue }
            if !result.isEmpty { result += " " }
            result += text
        }
        return result.isEmpty ? nil : result
    }

    /// `City, Country`, either part alone, or `nil`.
    public static func location(city: String?, country: String?) -> String? {
        let parts = [city, country].compactMap { $0?.trimmingWhitespace }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The text trimmed, or `nil` when empty.
    public static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A display name as a person's name: Outlook's `Last, First` turned around, quotes
    /// and surrounding spaces removed; `nil` when it is empty or just an address.
    ///
    /// `Hendriks, Lotte` → `Lotte Hendriks`, but `Kessler, Voss & Partner` and names with
    /// digits or more than one comma are kept as written.
    public static func displayName(_ text: String) -> String? {
        var name = text.trimmingWhitespace
        while name.count >= 2, (name.hasPrefix("\"") && name.hasSuffix("\"")) || (name.hasPrefix("'") && name.hasSuffix("'")) {
            name = String(name.dropFirst().dropLast()).trimmingWhitespace
        }
        guard !name.isEmpty, IdentityKey.normalizedEmail(name) == nil else { return nil }
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count == 2 {
            let last = String(parts[0]).trimmingWhitespace
            let first = String(parts[1]).trimmingWhitespace
            let plain = { (text: String) in
                !text.isEmpty && text.split(separator: " ").count <= 3
                    && text.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." }
            }
            if plain(last), plain(first) { return "\(first) \(last)" }
        }
        return name
    }
}
