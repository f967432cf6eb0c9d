import Foundation

/// A seeded xoshiro256** generator, seeded through SplitMix64.
///
/// Our own generator rather than the system's, so the same seed gives the same numbers
/// on every platform and Swift version: the base of bit-for-bit reproducible runs.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole stream is fixed by `seed`.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 24 bits of precision.
    public mutating func uniform() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// Uniform in [0, 1) with 53 bits of precision.
    public mutating func uniformDouble() -> Double { Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0) }

    /// An integer in 0..<n.
    public mutating func int(below n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A standard normal sample (Box–Muller).
    public mutating func normal() -> Float {
        let u1 = max(uniformDouble(), 1e-300), u2 = uniformDouble()
        return Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }

    /// A generator for a sub-stream, so adding draws in one place does not shift another.
    public mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}

extension Tensor {
    /// Fills with normal samples of the given standard deviation.
    public func fillNormal(std: Float, rng: inout SeededRandom) {
        for i in 0..<count { data[i] = rng.normal() * std }
    }

    /// Fills with uniform samples in [-bound, bound).
    public func fillUniform(bound: Float, rng: inout SeededRandom) {
        for i in 0..<count { data[i] = (rng.uniform() * 2 - 1) * bound }
    }
}
