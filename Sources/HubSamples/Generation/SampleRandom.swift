/// A seeded random number generator that gives the same numbers on every machine:
/// xoshiro256**, with its state spread from the seed by SplitMix64.
///
/// The standard library's generator takes no seed and may change between releases, but sample
/// events must come out identical for a seed so that `publish --sample NAME --seed N` and the
/// tests reproduce them exactly.
///
///     var random = SampleRandom(seed: 42)
///     let orders = try SampleCatalog.lookup("orders")
///     let events = orders.makeEvents(count: 10, using: &random)
public struct SampleRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var spreader = SplitMix64(state: seed)
        s0 = spreader.next()
        s1 = spreader.next()
        s2 = spreader.next()
        s3 = spreader.next()
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotate(s3, by: 45)
        return result
    }

    private func rotate(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// SplitMix64: turns one 64-bit seed into a stream of well-mixed words, even for seeds such as
/// 0, 1 and 2 that differ in a single bit.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
