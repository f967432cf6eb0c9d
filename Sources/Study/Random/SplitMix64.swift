/// A small seeded random generator (SplitMix64, Steele et al. 2014): the same seed gives the
/// same quiz, and the same fuzzed schedule, on every machine and Swift version, which the
/// standard library's generator and shuffles do not promise.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, so no modulo bias).
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        let threshold = (0 &- b) % b
        while true {
            let (high, low) = next().multipliedFullWidth(by: b)
            if low >= threshold { return Int(high) }
        }
    }

    /// Folds `value` into the state; order matters, so different field sequences give
    /// different streams (used to derive a fuzz seed from a card's state and the time).
    mutating func mix(_ value: UInt64) {
        state = (state ^ value) &* 0x100_0000_01B3
        _ = next()
    }

    /// A fair coin.
    public mutating func bool() -> Bool { next() >> 63 == 1 }

    /// `items` in a random order (Fisher–Yates).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, int(below: i + 1))
        }
        return a
    }

    /// One element of `items`, or nil when it is empty.
    public mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[int(below: items.count)]
    }
}
