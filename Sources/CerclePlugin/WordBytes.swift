/// Eight bytes at a time: the tests that let a scanner skip a run of bytes none of which
/// it stops at (a CSV field, JSON text needing no escape, ASCII in UTF-8 validation).
///
/// Each test tells exactly whether some byte of the word qualifies, not which one: the
/// scanner then finds it byte by byte. The words are read unaligned, in the machine's
/// order, which none of the tests depends on.
enum WordBytes {
    /// `0x01` in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// `0x80` in every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `position` on (the caller checked that they lie in the buffer).
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at position: Int) -> UInt64 {
        UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
    }

    /// `byte` in every byte.
    @inline(__always)
    static func splat(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    /// Whether a byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- splat(limit)) & ~word & highs != 0
    }

    /// Whether a byte of `word` is zero.
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool { hasByte(word, below: 1) }

    /// Whether a byte of `word` is `byte`.
    @inline(__always)
    static func has(_ byte: UInt8, in word: UInt64) -> Bool { hasZeroByte(word ^ splat(byte)) }

    /// Whether every byte of `word` is ASCII.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }
}
