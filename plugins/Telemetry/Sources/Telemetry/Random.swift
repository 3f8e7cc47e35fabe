import Glibc

/// A small, fast generator with a 64-bit seed (SplitMix64): the same seed gives the same
/// readings on every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Normally distributed, by the Box-Muller transform.
    mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
        let first = max(unit(), .leastNonzeroMagnitude)
        let second = unit()
        let standard = (-2 * log(first)).squareRoot() * cos(2 * Double.pi * second)
        return mean + deviation * standard
    }

    /// Log-normally distributed with the given median: positive and skewed to the right, as
    /// delays are.
    mutating func logNormal(median: Double, shape: Double) -> Double {
        median * exp(normal(deviation: shape))
    }

    /// True with probability `chance`.
    mutating func chance(_ chance: Double) -> Bool {
        unit() < chance
    }
}
