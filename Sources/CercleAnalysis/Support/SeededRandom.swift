/// A small, fast, seedable generator (SplitMix64), so that randomised algorithms give the
/// same result for the same seed on every platform.
///
/// [Steele, Lea & Flood 2014] "Fast splittable pseudorandom number generators",
/// OOPSLA '14, doi:10.1145/2660193.2660195.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for worker `index` of a run seeded with `seed`.
    public init(seed: UInt64, stream index: Int) {
        var mixer = SeededRandom(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(index + 1)))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
