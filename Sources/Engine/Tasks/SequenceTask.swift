/// A source of training batches for next-token prediction.
public protocol SequenceTask: Sendable {
    /// Tokens the task uses (model vocab must be at least this).
    var vocab: Int { get }
    /// Input tokens per sequence.
    var length: Int { get }
    /// A batch of `size` sequences drawn from `rng`.
    func batch(size: Int, rng: inout SeededRandom) -> TokenBatch
}

/// Reverse a random sequence: [x₁…x_k, SEP, x_k…x₁]; only the reversed half is scored.
///
/// Token 0 is unused, 1 is the separator, 2..<vocab are content. Input length is 2k.
public struct ReverseTask: SequenceTask {
    public let vocab: Int
    public let length: Int
    /// Separator token.
    public static let separator: Int32 = 1

    /// A task over `vocab` tokens with inputs of `length` = 2k tokens (k content tokens).
    public init(vocab: Int, length: Int) {
        precondition(vocab >= 3 && length >= 2 && length % 2 == 0, "ReverseTask needs vocab ≥ 3 and an even length ≥ 2")
        self.vocab = vocab; self.length = length
    }

    public func batch(size: Int, rng: inout SeededRandom) -> TokenBatch {
        let k = length / 2
        var inputs = [Int32](), targets = [Int32]()
        inputs.reserveCapacity(size * length); targets.reserveCapacity(size * length)
        var full = [Int32](repeating: 0, count: 2 * k + 1)
        for _ in 0..<size {
            for i in 0..<k { full[i] = Int32(2 + rng.int(below: vocab - 2)) }
            full[k] = Self.separator
            for i in 0..<k { full[k + 1 + i] = full[k - 1 - i] }
            for i in 0..<length {
                inputs.append(full[i])
                targets.append(i >= k ? full[i + 1] : -1)
            }
        }
        return TokenBatch(batch: size, length: length, inputs: inputs, targets: targets)
    }
}

/// (a + b) mod p as the sequence [a, b, =] → c; only c is scored.
///
/// Tokens 0..<p are numbers, p is "=". Input length is 3.
public struct ModularAdditionTask: SequenceTask {
    /// The modulus p.
    public let modulus: Int
    public var vocab: Int { modulus + 1 }
    public var length: Int { 3 }

    /// A task modulo `modulus`.
    public init(modulus: Int) { self.modulus = modulus }

    public func batch(size: Int, rng: inout SeededRandom) -> TokenBatch {
        var inputs = [Int32](), targets = [Int32]()
        for _ in 0..<size {
            let a = rng.int(below: modulus), b = rng.int(below: modulus)
            inputs += [Int32(a), Int32(b), Int32(modulus)]
            targets += [-1, -1, Int32((a + b) % modulus)]
        }
        return TokenBatch(batch: size, length: 3, inputs: inputs, targets: targets)
    }

    /// Every pair (a, b) once, in order: the full table for exact evaluation.
    public func allPairs() -> TokenBatch {
        var inputs = [Int32](), targets = [Int32]()
        for a in 0..<modulus {
            for b in 0..<modulus {
                inputs += [Int32(a), Int32(b), Int32(modulus)]
                targets += [-1, -1, Int32((a + b) % modulus)]
            }
        }
        return TokenBatch(batch: modulus * modulus, length: 3, inputs: inputs, targets: targets)
    }
}
