import Foundation

/// One property of a vCard (a content line after unfolding): `item1.EMAIL;TYPE=work:ann@x.example`.
public struct VCardProperty: Sendable, Equatable {
    /// A parameter: `TYPE=work,voice` is `(type, [work, voice])`; a bare vCard 2.1
    /// parameter such as `CELL` is `(type, [cell])`. Names are lower-cased.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var values: [String]
        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    /// The group (`item1` in `item1.EMAIL`), if any.
    public var group: String?
    /// The property name, upper-cased (`EMAIL`, `X-ABLABEL`).
    public var name: String
    /// The parameters, in order.
    public var parameters: [Parameter]
    /// The value after transfer decoding (quoted-printable, character set) but before
    /// vCard unescaping; empty for inline binary data (`PHOTO;ENCODING=b`), which is
    /// never decoded.
    public var rawValue: String
    /// The 1-based line where the property starts.
    public var line: Int

    public init(group: String? = nil, name: String, parameters: [Parameter] = [], rawValue: String, line: Int) {
        self.group = group
        self.name = name
        self.parameters = parameters
        self.rawValue = rawValue
        self.line = line
    }

    /// The values of parameter `name` (any case), lower-cased for `type`.
    public func parameter(_ name: String) -> [String] {
        let key = name.lowercased()
        return parameters.filter { $0.name == key }.flatMap(\.values)
    }

    /// The `TYPE` values in every syntax: `TYPE=work,cell`, `type=WORK;type=pref`,
    /// `TYPE="work,voice"` and vCard 2.1's bare `WORK;CELL`, lower-cased.
    public var types: [String] {
        parameter("type").flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The value unescaped as text (`\,` `\;` `\:` `\\` `\n`).
    public var text: String { Self.unescape(Substring(rawValue)) }

    /// The value split on unescaped `;` (N, ORG, ADR), each component unescaped.
    public var components: [String] { Self.split(rawValue, on: ";").map(Self.unescape) }

    /// The value split on unescaped `,` (CATEGORIES, NICKNAME), each part unescaped and trimmed.
    public var list: [String] {
        Self.split(rawValue, on: ",").map { Self.unescape($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func split(_ text: String, on separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == separator {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}
