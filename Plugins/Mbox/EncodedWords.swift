import CerclePlugin

/// Decodes RFC 2047 encoded words in header text: `=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?=`,
/// `=?ISO-8859-1?B?TfxsbGVy?=`.
///
/// - `Q` (a variant of quoted-printable where `_` is a space) and `B` (base64);
/// - any character set ``TextDecoding/encoding(named:)`` knows (UTF-8, ISO-8859-x,
///   Windows-125x, KOI8-R…), a language suffix (`UTF-8*en`) ignored;
/// - whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2);
/// - a malformed encoded word stays as written.
public enum EncodedWords {
    /// `text` with every encoded word decoded.
    ///
    /// - Complexity: O(*k*) for *k* characters; text without `=?` is returned at once.
    public static func decode(_ text: String) -> String {
        // Most names hold no encoded word; look for `=?` in the bytes (String's
        // `contains` compares characters and was a quarter of the address parsing).
        let bytes = Array(text.utf8)
        guard bytes.indices.dropLast().contains(where: { bytes[$0] == 0x3D && bytes[$0 + 1] == 0x3F }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace: [UInt8] = []
        var lastWasEncoded = false
        while index < bytes.count {
            if bytes[index] == 0x3D, index + 1 < bytes.count, bytes[index + 1] == 0x3F,
               let (decoded, end) = encodedWord(bytes, at: index) {
                if !lastWasEncoded { output += pendingSpace }
                pendingSpace = []
                output += decoded
                index = end
                lastWasEncoded = true
                continue
            }
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                pendingSpace.append(byte)
            } else {
                output += pendingSpace
                pendingSpace = []
                output.append(byte)
                lastWasEncoded = false
            }
            index += 1
        }
        output += pendingSpace
        return String(decoding: output, as: UTF8.self)
    }

    /// The UTF-8 bytes of the encoded word at `start` and the index after it.
    static func encodedWord(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var index = start + 2
        guard let charsetEnd = bytes[index...].firstIndex(of: 0x3F), charsetEnd > index else { return nil }
        var charset = String(decoding: bytes[index..<charsetEnd], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        index = charsetEnd + 1
        guard index + 1 < bytes.count, bytes[index + 1] == 0x3F else { return nil }
        let encoding = bytes[index] | 0x20
        guard encoding == 0x71 || encoding == 0x62 else { return nil }  // q or b
        index += 2
        var end = index
        while end + 1 < bytes.count, !(bytes[end] == 0x3F && bytes[end + 1] == 0x3D) {
            if bytes[end] == 0x20 || bytes[end] == 0x0A { return nil }  // encoded words hold no spaces
            end += 1
        }
        guard end + 1 < bytes.count else { return nil }
        let payload = bytes[index..<end]
        let raw: [UInt8]
        if encoding == 0x71 {
            raw = TextDecoding.quotedPrintable(payload, underscoreIsSpace: true)
        } else {
            guard let decoded = TextDecoding.base64(payload) else { return nil }
            raw = decoded
        }
        return (Array(TextDecoding.decode(raw, charset: charset).utf8), end + 2)
    }
}
