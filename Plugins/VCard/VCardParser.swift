import CerclePlugin
import Foundation

/// A vCard: its properties in order, and where it starts.
public struct VCard: Sendable, Equatable {
    /// The line of `BEGIN:VCARD`.
    public var line: Int
    /// The properties between `BEGIN:VCARD` and `END:VCARD`, without those two.
    public var properties: [VCardProperty]

    public init(line: Int, properties: [VCardProperty]) {
        self.line = line
        self.properties = properties
    }

    /// `VERSION` (`2.1`, `3.0`, `4.0`), if given.
    public var version: String? { first("VERSION")?.text }

    /// The first property called `name`.
    public func first(_ name: String) -> VCardProperty? { properties.first { $0.name == name } }

    /// Every property called `name`.
    public func all(_ name: String) -> [VCardProperty] { properties.filter { $0.name == name } }
}

/// Splits a vCard file (versions 2.1, 3.0 and 4.0, RFC 2426 and RFC 6350) into cards.
///
/// - Lines end with CRLF or LF. A line starting with a space or a tab continues the
///   previous one (the break and that one character are removed).
/// - vCard 2.1's quoted-printable values (`ENCODING=QUOTED-PRINTABLE` or a bare
///   `QUOTED-PRINTABLE` parameter) continue on the next line after a final `=` (a soft
///   line break, with no leading space, as Android and Outlook write them), and are
///   decoded in their `CHARSET` (UTF-8 when none is named).
/// - Other values are UTF-8; bytes that are not fall back to `CHARSET`, then Windows-1252.
/// - Property and parameter names are case-insensitive; a group prefix (`item1.`) is kept
///   apart; parameter values may be quoted (`LABEL="a:b"`); inline binary data
///   (`ENCODING=b`, `BASE64`, and `PHOTO`, `LOGO`, `SOUND`, `KEY`) is skipped undecoded.
///
/// A card that cannot be read — a line without `:`, no `END:VCARD` before the next
/// `BEGIN:VCARD` or the end of the file — is returned as a failure with its line and
/// reason; the others are unaffected.
public enum VCardParser {
    /// A card, or why the card starting at `line` could not be read.
    public enum Entry: Sendable, Equatable {
        case card(VCard)
        case failure(line: Int, reason: String)
    }

    /// What a file holds: its cards and failures in order, and how many non-blank lines
    /// lay outside any card.
    public struct Result: Sendable, Equatable {
        public var entries: [Entry] = []
        public var linesOutsideCards = 0
    }

    static let binaryProperties: Set<String> = ["PHOTO", "LOGO", "SOUND", "KEY"]

    /// Parses the bytes of a vCard file.
    ///
    /// - Complexity: O(*k*) for *k* bytes.
    public static func parse(_ data: some Collection<UInt8>) -> Result {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lines = logicalLines(bytes)
        var result = Result()
        var current: (line: Int, properties: [VCardProperty], failure: String?)?
        for (number, content) in lines {
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let property: VCardProperty
            switch parseProperty(content, line: number) {
            case .success(let parsed): property = parsed
            case .failure(let failure):
                if current != nil {
                    if current?.failure == nil { current?.failure = failure.reason }
                } else {
                    result.linesOutsideCards += 1
                }
                continue
            }
            switch property.name {
            case "BEGIN" where property.text.trimmingCharacters(in: .whitespaces).uppercased() == "VCARD":
                if let open = current {
                    result.entries.append(.failure(line: open.line, reason: "card not closed: BEGIN:VCARD on line \(number) before END:VCARD"))
                }
                current = (number, [], nil)
            case "END" where property.text.trimmingCharacters(in: .whitespaces).uppercased() == "VCARD":
                guard let open = current else {
                    result.linesOutsideCards += 1
                    continue
                }
                if let failure = open.failure {
                    result.entries.append(.failure(line: open.line, reason: failure))
                } else {
                    result.entries.append(.card(VCard(line: open.line, properties: open.properties)))
                }
                current = nil
            default:
                if current != nil {
                    current?.properties.append(property)
                } else {
                    result.linesOutsideCards += 1
                }
            }
        }
        if let open = current {
            result.entries.append(.failure(line: open.line, reason: "card not closed: the file ends before END:VCARD"))
        }
        return result
    }

    /// Physical lines joined into logical lines, with the number of their first line.
    static func logicalLines(_ bytes: [UInt8]) -> [(Int, [UInt8])] {
        var physical: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            var end = index
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            physical.append(bytes[start..<end])
            start = index + 1
        }
        if start < bytes.count {
            var end = bytes.count
            if bytes[end - 1] == 0x0D { end -= 1 }
            physical.append(bytes[start..<end])
        }
        var logical: [(Int, [UInt8])] = []
        var index = 0
        while index < physical.count {
            let number = index + 1
            var line = Array(physical[index])
            index += 1
            let quotedPrintable = isQuotedPrintable(line)
            while index < physical.count {
                let next = physical[index]
                if let first = next.first, first == 0x20 || first == 0x09 {
                    line += next.dropFirst()
                } else if quotedPrintable, line.last == 0x3D {
                    // A soft line break: keep "=\n" for the quoted-printable decoder.
                    line.append(0x0A)
                    line += next
                } else {
                    break
                }
                index += 1
            }
            logical.append((number, line))
        }
        return logical
    }

    /// Whether the parameters (before the first unquoted `:`) name quoted-printable.
    static func isQuotedPrintable(_ line: [UInt8]) -> Bool {
        guard let colon = valueStart(line) else { return false }
        let head = String(decoding: line[..<colon], as: UTF8.self).uppercased()
        return head.contains("QUOTED-PRINTABLE")
    }

    /// The index of the first `:` outside double quotes.
    static func valueStart(_ line: [UInt8]) -> Int? {
        var quoted = false
        for (index, byte) in line.enumerated() {
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x3A, !quoted { return index }
        }
        return nil
    }

    static func parseProperty(_ line: [UInt8], line number: Int) -> Swift.Result<VCardProperty, ParseFailure> {
        guard let colon = valueStart(line) else {
            let shown = String(decoding: line.prefix(40), as: UTF8.self)
            return .failure(ParseFailure(reason: "line \(number): no ':' in '\(shown)'"))
        }
        let head = String(decoding: line[..<colon], as: UTF8.self)
        var pieces: [Substring] = []
        var quoted = false
        var pieceStart = head.startIndex
        for index in head.indices {
            let character = head[index]
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted {
                pieces.append(head[pieceStart..<index])
                pieceStart = head.index(after: index)
            }
        }
        pieces.append(head[pieceStart...])
        let fullName = pieces[0].trimmingCharacters(in: .whitespaces)
        guard !fullName.isEmpty else {
            return .failure(ParseFailure(reason: "line \(number): property without a name"))
        }
        var group: String?
        var name = fullName.uppercased()
        if let dot = fullName.lastIndex(of: ".") {
            group = String(fullName[..<dot])
            name = String(fullName[fullName.index(after: dot)...]).uppercased()
        }
        var parameters: [VCardProperty.Parameter] = []
        for piece in pieces.dropFirst() {
            let text = piece.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if let equals = text.firstIndex(of: "=") {
                let key = text[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                let values = splitParameterValues(String(text[text.index(after: equals)...]))
                parameters.append(.init(name: key, values: values))
            } else {
                // vCard 2.1 bare parameters: the encoding, the charset or a type.
                let upper = text.uppercased()
                switch upper {
                case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B":
                    parameters.append(.init(name: "encoding", values: [text]))
                default:
                    parameters.append(.init(name: "type", values: [text]))
                }
            }
        }
        let valueBytes = line[(colon + 1)...]
        let encoding = parameters.first { $0.name == "encoding" }?.values.first?.uppercased()
        let charset = parameters.first { $0.name == "charset" }?.values.first
        let value: String
        if binaryProperties.contains(name) || encoding == "B" || encoding == "BASE64" {
            value = ""
        } else if encoding == "QUOTED-PRINTABLE" {
            value = TextDecoding.decode(TextDecoding.quotedPrintable(valueBytes), charset: charset)
        } else if let text = String(validating: valueBytes, as: UTF8.self) {
            value = text
        } else {
            value = TextDecoding.decode(valueBytes, charset: charset ?? "windows-1252")
        }
        return .success(VCardProperty(group: group, name: name, parameters: parameters, rawValue: value, line: number))
    }

    /// `work,voice` or `"work,voice"` → `[work, voice]`.
    static func splitParameterValues(_ text: String) -> [String] {
        var values: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                values.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        values.append(current)
        return values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    struct ParseFailure: Error {
        var reason: String
    }
}
