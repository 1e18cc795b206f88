import Foundation
import CercleCore
import CerclePlugin

/// A mailbox of an address header: an address and, if given, the name shown for it.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    /// The display name, decoded (RFC 2047) and cleaned (``ContactFields/displayName(_:)``:
    /// `Last, First` turned around); `nil` when absent or just an address.
    public var name: String?
    /// The address as written (`Ann@Acme.example`).
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// Parses an address list (RFC 5322 §3.4): `Ann Berg <ann@x.example>, "Berg, Bo"
    /// <bo@x.example>`, groups (`team: a@x.example, b@y.example;`, members kept, the
    /// group's name dropped), old-style comments as names (`ann@x.example (Ann Berg)`),
    /// quoted strings with commas, source routes (`<@relay:ann@x.example>`), encoded
    /// words in names. Entries that are not addresses (`undisclosed-recipients:;`,
    /// `MAILER-DAEMON <>`, a bare word) are left out.
    ///
    /// Structure is read before encoded words are decoded, so an encoded comma
    /// (`=?ISO-8859-1?Q?M=FCller=2C_Zo=EB?=`) never splits a name.
    ///
    /// - Complexity: O(*k*) for *k* bytes.
    public static func parseList(_ text: String) -> [MailAddress] {
        let bytes = Array(text.utf8)
        var result: [MailAddress] = []
        var phrase: [UInt8] = []
        var angle: [UInt8]?
        var comment: [UInt8]?
        func finish() {
            defer {
                phrase.removeAll(keepingCapacity: true)
                angle = nil
                comment = nil
            }
            var address: String
            var nameBytes: [UInt8]?
            if let angle {
                // A source route (`@relay:ann@x.example`) ends at the last colon.
                let start = angle.lastIndex(of: 0x3A).map { $0 + 1 } ?? 0
                address = String(decoding: angle[start...], as: UTF8.self)
                nameBytes = phrase.isEmpty ? comment : phrase
            } else {
                let words = String(decoding: phrase, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
                address = words.first { $0.contains("@") }.map(String.init) ?? words.joined()
                nameBytes = comment
            }
            address = address.trimmingWhitespace  // not Foundation's trimming: slow on Linux
            guard IdentityKey.normalizedEmail(address) != nil else { return }
            let name = nameBytes.flatMap { bytes -> String? in
                let text = TextDecoding.decode(bytes, charset: nil)
                let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                return ContactFields.displayName(EncodedWords.decode(collapsed))
            }
            result.append(MailAddress(name: name, address: address))
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22:  // quoted string
                index += 1
                while index < bytes.count, bytes[index] != 0x22 {
                    if bytes[index] == 0x5C, index + 1 < bytes.count { index += 1 }
                    phrase.append(bytes[index])
                    index += 1
                }
            case 0x28:  // comment, possibly nested
                var depth = 1
                var text: [UInt8] = []
                index += 1
                while index < bytes.count, depth > 0 {
                    let next = bytes[index]
                    if next == 0x5C, index + 1 < bytes.count {
                        index += 1
                        text.append(bytes[index])
                    } else if next == 0x28 {
                        depth += 1
                    } else if next == 0x29 {
                        depth -= 1
                        if depth == 0 { break }
                    } else {
                        text.append(next)
                    }
                    index += 1
                }
                if comment == nil, !text.isEmpty { comment = text }
            case 0x3C:  // angle address
                var text: [UInt8] = []
                index += 1
                while index < bytes.count, bytes[index] != 0x3E {
                    text.append(bytes[index])
                    index += 1
                }
                angle = text
            case 0x2C:
                finish()
            case 0x3A where angle == nil:
                phrase.removeAll(keepingCapacity: true)  // a group's name
                comment = nil
            case 0x3B:
                finish()
            default:
                phrase.append(byte)
            }
            index += 1
        }
        finish()
        return result
    }
}
