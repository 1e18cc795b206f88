/// Escaping text for XML 1.0 output (the GraphML and GEXF writers).
///
/// - `&`, `<` and `>` become entities everywhere; `"` too in attribute values (which the
///   writers always double-quote).
/// - In attribute values, tab, line feed and carriage return become character references
///   (`&#9;`, `&#10;`, `&#13;`): a conforming reader replaces literal ones by spaces
///   (attribute-value normalisation, XML 1.0 §3.3.3). In text, a carriage return becomes
///   `&#13;`, which line-end normalisation would otherwise swallow.
/// - Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF)
///   are removed: no reference can express them, and a reader stops at them.
public enum XMLEscaping {
    /// `value` escaped for element content.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length; no allocation when nothing needs escaping.
    public static func text(_ value: String) -> String {
        escape(value, isAttribute: false)
    }

    /// `value` escaped for a double-quoted attribute value.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length; no allocation when nothing needs escaping.
    public static func attribute(_ value: String) -> String {
        escape(value, isAttribute: true)
    }

    private static func escape(_ value: String, isAttribute: Bool) -> String {
        var value = value
        return value.withUTF8 { bytes in
            var clean = true
            for (index, byte) in bytes.enumerated() where needsWork(byte, bytes, index, isAttribute) {
                clean = false
                break
            }
            if clean { return String(decoding: bytes, as: UTF8.self) }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where isAttribute: output.append(contentsOf: "&quot;".utf8)
                case 0x0D: output.append(contentsOf: "&#13;".utf8)
                case 0x0A where isAttribute: output.append(contentsOf: "&#10;".utf8)
                case 0x09 where isAttribute: output.append(contentsOf: "&#9;".utf8)
                case 0x09, 0x0A: output.append(byte)
                case 0..<0x20: break  // forbidden in XML 1.0
                case 0xEF where isNonCharacter(bytes, index):
                    index += 3
                    continue
                default: output.append(byte)
                }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func needsWork(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ isAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
        case UInt8(ascii: "\""): return isAttribute
        case 0x09, 0x0A: return isAttribute
        case 0..<0x20: return true
        case 0xEF: return isNonCharacter(bytes, index)
        default: return false
        }
    }

    /// U+FFFE or U+FFFF (UTF-8 `EF BF BE`, `EF BF BF`).
    private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
    }
}
