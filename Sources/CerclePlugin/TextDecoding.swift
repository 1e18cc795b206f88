import Foundation

/// Decodes the byte-level encodings of mail and vCard 2.1: character sets named by
/// their IANA names, quoted-printable and base64.
public enum TextDecoding {
    /// The Foundation encoding of an IANA character-set name (`UTF-8`, `ISO-8859-1`,
    /// `latin1`, `Windows-1252`, `cp1250`, `KOI8-R`…), or `nil` when unknown.
    ///
    /// Supported: UTF-8, US-ASCII, ISO-8859-1, -2, -4, -5, -9, -10, -13, -14, -15 and -16,
    /// Windows-1250 to -1254, -1256 and -1258, KOI8-R. Foundation on Linux has no tables
    /// for ISO-8859-3, -6, -7, -8 or Windows-1255 and -1257; text in those is read as
    /// Windows-1252, which keeps ASCII right.
    public static func encoding(named name: String) -> String.Encoding? {
        var key = name.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
        key = key.replacingOccurrences(of: "_", with: "-")
        if key.hasPrefix("windows-") { key = "cp" + key.dropFirst(8) }
        if key.hasPrefix("x-") { key.removeFirst(2) }
        switch key {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii", "ansi-x3.4-1968": return .ascii
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso-latin-1": return .isoLatin1
        case "iso-8859-2", "iso8859-2", "latin2", "latin-2": return .isoLatin2
        case "cp1250": return .windowsCP1250
        case "cp1251": return .windowsCP1251
        case "cp1252", "ansi": return .windowsCP1252
        case "cp1253": return .windowsCP1253
        case "cp1254": return .windowsCP1254
        default: break
        }
        // Foundation knows more encodings under CoreFoundation's numbers.
        let coreFoundation: [String: UInt32] = [
            "iso-8859-4": 0x204, "iso-8859-5": 0x205, "iso-8859-9": 0x209, "latin5": 0x209,
            "iso-8859-10": 0x20A, "iso-8859-13": 0x20D, "iso-8859-14": 0x20E, "iso-8859-15": 0x20F,
            "latin9": 0x20F, "latin-9": 0x20F, "iso-8859-16": 0x210, "koi8-r": 0xA02, "cp1256": 0x506, "cp1258": 0x508,
        ]
        let compact = key.replacingOccurrences(of: "iso8859", with: "iso-8859")
        return coreFoundation[compact].map { String.Encoding(rawValue: UInt(0x8000_0000 | $0)) }
    }

    /// `bytes` decoded in `charset`; UTF-8 when no charset is named; Windows-1252 when the
    /// charset is unknown or the bytes do not fit it.
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let array = Array(bytes)
        if let charset, let encoding = encoding(named: charset), encoding != .utf8 {
            if encoding == .ascii || encoding == .isoLatin1 || encoding == .windowsCP1252 {
                if let text = String(validating: array, as: UTF8.self), encoding == .ascii { return text }
                return CSVReader.decodeWindows1252(array)
            }
            if let text = String(data: Data(array), encoding: encoding) { return text }
        }
        if let text = String(validating: array, as: UTF8.self) { return text }
        return CSVReader.decodeWindows1252(array)
    }

    /// Quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` at the end of a line is a
    /// soft line break; a malformed `=` stays as it is. With `underscoreIsSpace` (the `Q`
    /// encoding of RFC 2047), `_` stands for a space.
    public static func quotedPrintable(_ bytes: some Collection<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x3D {
                let next = index + 1 < input.count ? input[index + 1] : nil
                let after = index + 2 < input.count ? input[index + 2] : nil
                if next == nil { break }  // a soft break closing the value
                if next == 0x0A { index += 2; continue }
                if next == 0x0D, after == 0x0A { index += 3; continue }
                if let next, let after, let high = hexValue(next), let low = hexValue(after) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                output.append(byte)
            } else if byte == 0x5F, underscoreIsSpace {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// Base64, ignoring whitespace and anything outside the alphabet; `nil` when the
    /// length is impossible.
    public static func base64(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var clean = bytes.filter { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2B || byte == 0x2F
        }
        switch clean.count % 4 {
        case 1: return nil
        case 2: clean += [0x3D, 0x3D]
        case 3: clean += [0x3D]
        default: break
        }
        return Data(base64Encoded: Data(clean)).map(Array.init)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
