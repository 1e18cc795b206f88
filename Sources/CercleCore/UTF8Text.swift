import Foundation

/// UTF-8 text compared as Swift compares strings, without making strings where the
/// bytes decide.
///
/// Swift calls two strings equal when they are canonically equivalent (`Zoë` with a
/// precomposed `ë` or with `e` and a combining diaeresis), which is when their composed
/// forms (NFC) have the same bytes. Below U+0300 there is no combining mark and no
/// character that NFC replaces, so such text is in NFC already; a scalar from U+0300 up
/// is the only one whose UTF-8 lead byte is 0xCC or more. Only text with such a byte
/// asks Foundation, which is slow on Linux.
enum UTF8Text {
    /// Whether `utf8` is surely in NFC: it has no byte from 0xCC up.
    @inline(__always)
    static func isSurelyComposed(_ utf8: some Sequence<UInt8>) -> Bool {
        !utf8.contains { $0 >= 0xCC }
    }

    /// The NFC form of `utf8`, or `nil` when its bytes are that form already.
    static func composed(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard !isSurelyComposed(utf8) else { return nil }
        return Array(String(decoding: utf8, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether `a` and `b` are equal as strings: the same bytes, or canonically equivalent.
    static func equalAsStrings(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.elementsEqual(b) { return true }
        guard !isSurelyComposed(a) || !isSurelyComposed(b) else { return false }
        return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// ``equalAsStrings(_:_:)-(UnsafeBufferPointer<UInt8>,_)`` of two slices of one buffer.
    static func equalAsStrings(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in equalAsStrings(a, b) } }
    }

    /// The 64-bit FNV-1a hash of `utf8` (``IdentityKey/fingerprint(utf8:)``) and whether it
    /// is surely in NFC, in one pass over the bytes.
    @inline(__always)
    static func fingerprint(_ utf8: UnsafeBufferPointer<UInt8>) -> (fingerprint: UInt64, isSurelyComposed: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in utf8 {
            high = max(high, byte)
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return (hash, high < 0xCC)
    }
}
