/// A parsed GML file: nested lists of `key value` pairs (Himsolt's Graph Modelling
/// Language), each pair with the line and column it starts at.
///
/// Grammar (as NetworkX and igraph read it): a key is `[A-Za-z_][A-Za-z0-9_]*`; a value
/// is an integer, a real (with `.` or an exponent; `INF`, `+INF`, `-INF` and `NAN` too),
/// a string in double quotes (which may span lines; `"` inside is written `&quot;` or
/// `&#34;`), or a list `[ … ]` of pairs. `#` starts a comment to the end of the line,
/// outside strings.
struct GMLDocument {
    /// A value of a pair.
    indirect enum Value {
        case integer(Int)
        case real(Double)
        case string(Substring)
        case list([Pair])

        var isList: Bool {
            if case .list = self { return true }
            return false
        }
    }

    /// One `key value` pair.
    struct Pair {
        var key: Substring
        var value: Value
        var line: Int
        var column: Int
    }

    /// A syntax error.
    struct SyntaxError: Error {
        var reason: String
        var line: Int
        var column: Int
    }

    /// The top-level pairs.
    let pairs: [Pair]

    /// Parses `text`.
    ///
    /// - Throws: ``SyntaxError`` with line and column.
    /// - Complexity: O(*b*) for *b* bytes of text.
    init(_ text: String) throws(SyntaxError) {
        var scanner = Scanner(text: text)
        pairs = try scanner.list(closedBy: nil)
    }

    private struct Scanner {
        let text: String
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0

        init(text: String) {
            self.text = text
            bytes = Array(text.utf8)
        }

        var column: Int { index - lineStart + 1 }

        mutating func list(closedBy opening: (line: Int, column: Int)?) throws(SyntaxError) -> [Pair] {
            var pairs: [Pair] = []
            while true {
                skipSpaceAndComments()
                guard index < bytes.count else {
                    if let opening {
                        throw SyntaxError(reason: "unexpected end of file: '[' opened at line \(opening.line) is not closed",
                                          line: line, column: column)
                    }
                    return pairs
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "]") {
                    guard opening != nil else { throw SyntaxError(reason: "']' without a matching '['", line: line, column: column) }
                    index += 1
                    return pairs
                }
                guard Self.startsKey(byte) else {
                    throw SyntaxError(reason: "expected a key, found \(describe(at: index))", line: line, column: column)
                }
                let (keyLine, keyColumn) = (line, column)
                let keyStart = index
                while index < bytes.count, Self.continuesKey(bytes[index]) { index += 1 }
                let key = substring(keyStart, index)
                skipSpaceAndComments()
                guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else {
                    throw SyntaxError(reason: "key '\(key)' has no value", line: keyLine, column: keyColumn)
                }
                let value = try self.value(key: key)
                pairs.append(Pair(key: key, value: value, line: keyLine, column: keyColumn))
            }
        }

        mutating func value(key: Substring) throws(SyntaxError) -> Value {
            let (startLine, startColumn) = (line, column)
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "["):
                index += 1
                return .list(try list(closedBy: (startLine, startColumn)))
            case UInt8(ascii: "\""):
                let start = index + 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == 0x0A {
                        line += 1
                        lineStart = end + 1
                    }
                    end += 1
                }
                guard end < bytes.count else {
                    throw SyntaxError(reason: "unterminated string (the value of '\(key)')", line: startLine, column: startColumn)
                }
                index = end + 1
                return .string(substring(start, end))
            default:
                let start = index
                while index < bytes.count, !Self.endsAtom(bytes[index]) { index += 1 }
                let atom = substring(start, index)
                if let integer = Int(atom) { return .integer(integer) }
                switch atom {
                case "INF", "+INF": return .real(.infinity)
                case "-INF": return .real(-.infinity)
                case "NAN", "+NAN", "-NAN": return .real(.nan)
                default: break
                }
                if atom.contains(where: { $0.isNumber }), let real = Double(atom) { return .real(real) }
                throw SyntaxError(reason: "'\(atom.prefix(40))' is not a number, string or list (the value of '\(key)')",
                                  line: startLine, column: startColumn)
            }
        }

        mutating func skipSpaceAndComments() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                case 0x20, 0x09, 0x0D, 0x0C:
                    index += 1
                case UInt8(ascii: "#"):
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                default:
                    return
                }
            }
        }

        func substring(_ start: Int, _ end: Int) -> Substring {
            let utf8 = text.utf8
            return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }

        func describe(at offset: Int) -> String {
            let end = min(bytes.count, offset + 12)
            var stop = offset
            while stop < end, bytes[stop] != 0x0A { stop += 1 }
            return "'" + String(decoding: bytes[offset..<max(stop, min(bytes.count, offset + 1))], as: UTF8.self) + "'"
        }

        static func startsKey(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_")
        }

        static func continuesKey(_ byte: UInt8) -> Bool {
            startsKey(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }

        static func endsAtom(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "[")
                || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"")
        }
    }
}
