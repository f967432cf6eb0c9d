import Foundation

/// How a model learns where a token is.
public enum PositionalEncoding: Codable, Sendable, Hashable {
    /// No position information beyond the causal mask.
    case none
    /// Fixed sines and cosines added to the embeddings (Vaswani et al. 2017).
    case sinusoidal
    /// A trained table added to the embeddings; cannot go past `maxLength`.
    case learned
    /// Rotary embeddings applied to queries and keys (Su et al. 2021).
    case rope
    /// Linear distance penalties with geometric head slopes (Press et al. 2021, arXiv 2108.12409).
    case alibi
    /// T5-style learned bias per head and relative-distance bucket (Raffel et al. 2019,
    /// arXiv 1910.10683); shared by all layers.
    case relativeBias(buckets: Int, maxDistance: Int)

    /// Whether the scheme works for sequences longer than those seen in training.
    public var extrapolates: Bool {
        switch self {
        case .learned: false
        default: true
        }
    }
}

/// Pure helpers for positional schemes.
public enum Positions {
    /// The sinusoidal table [T, D]: even columns sin(t/10000^(2i/D)), odd columns cos.
    public static func sinusoidal(length t: Int, width d: Int) -> [Float] {
        var out = [Float](repeating: 0, count: t * d)
        for pos in 0..<t {
            for i in stride(from: 0, to: d, by: 2) {
                let angle = Double(pos) / Foundation.pow(10_000, Double(i) / Double(d))
                out[pos * d + i] = Float(Foundation.sin(angle))
                if i + 1 < d { out[pos * d + i + 1] = Float(Foundation.cos(angle)) }
            }
        }
        return out
    }

    /// ALiBi head slopes: for n a power of two, 2^(−8/n), 2^(−16/n), …; otherwise the slopes
    /// of the next-lower power of two followed by every other slope of twice that, as in the paper.
    public static func alibiSlopes(heads n: Int) -> [Float] {
        func powerOfTwo(_ n: Int) -> [Float] {
            let start = Foundation.pow(2, -8 / Double(n))
            return (1...n).map { Float(Foundation.pow(start, Double($0))) }
        }
        let lower = 1 << Int(Foundation.log2(Double(n)))
        if lower == n { return powerOfTwo(n) }
        let extra = powerOfTwo(2 * lower).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        return powerOfTwo(lower) + extra.prefix(n - lower)
    }

    /// ALiBi bias [H, T, P+T]: −slope_h·(i − j) for key j ≤ query i; prefix keys get 0.
    public static func alibiBias(heads: Int, length t: Int, prefix p: Int) -> [Float] {
        let slopes = alibiSlopes(heads: heads), s = p + t
        var out = [Float](repeating: 0, count: heads * t * s)
        for h in 0..<heads { for i in 0..<t { for j in 0...i { out[(h * t + i) * s + p + j] = -slopes[h] * Float(i - j) } } }
        return out
    }

    /// The T5 bucket of a causal distance n = query − key ≥ 0: exact below half the buckets,
    /// logarithmic up to `maxDistance`, and the last bucket beyond.
    public static func relativeBucket(distance n: Int, buckets: Int, maxDistance: Int) -> Int {
        let exact = buckets / 2
        if n < exact { return n }
        let logRatio = Foundation.log(Double(n) / Double(exact)) / Foundation.log(Double(maxDistance) / Double(exact))
        return min(buckets - 1, exact + Int(logRatio * Double(buckets - exact)))
    }
}

extension Graph {
    /// The T5 relative bias [H, T, P+T] gathered from `table` [buckets, H]; prefix keys get 0.
    public func relativeBias(_ table: Tensor, heads: Int, length t: Int, prefix p: Int, maxDistance: Int) -> Tensor {
        let buckets = table.shape[0], s = p + t
        let y = zeros([heads, t, s])
        var index = [Int](repeating: 0, count: t)
        for n in 0..<t { index[n] = Positions.relativeBucket(distance: n, buckets: buckets, maxDistance: maxDistance) }
        for h in 0..<heads { for i in 0..<t { for j in 0...i { y.data[(h * t + i) * s + p + j] = table.data[index[i - j] * heads + h] } } }
        record(y, table) { [unowned self] in
            let dy = y.grad!, dt = self.grad(table)
            for h in 0..<heads { for i in 0..<t { for j in 0...i { dt[index[i - j] * heads + h] += dy[(h * t + i) * s + p + j] } } }
        }
        return y
    }
}
