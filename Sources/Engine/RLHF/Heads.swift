/// A scalar head on a transformer's hidden states: reward (last token) or value (every token).
public final class ScalarHead {
    /// Weight [D, 1].
    public let weight: Tensor
    /// Bias [1].
    public let bias: Tensor

    /// A head for width `width`, weights drawn from `seed`.
    public init(width: Int, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        weight = Tensor(zeros: [width, 1])
        weight.fillNormal(std: 1 / Float(width).squareRoot(), rng: &rng)
        bias = Tensor(zeros: [1])
    }

    /// The head's tensors, for an optimizer.
    public var parameters: [NamedParameter] {
        [NamedParameter(name: "head.weight", tensor: weight, isBase: false, isBias: false, decays: true, isBuffer: false),
         NamedParameter(name: "head.bias", tensor: bias, isBase: false, isBias: true, decays: false, isBuffer: false)]
    }

    /// Reward per sequence [B] from hidden states [B, T, D] at each sequence's last position.
    public func reward(_ g: Graph, hidden: Tensor) -> Tensor {
        let t = hidden.shape[1], b = hidden.shape[0]
        let last = g.gatherPositions(hidden, positions: [Int](repeating: t - 1, count: b))
        return g.reshape(g.linear(last, weight, bias: bias), [b])
    }

    /// Value per position [B·T] from hidden states [B, T, D].
    public func values(_ g: Graph, hidden: Tensor) -> Tensor {
        let y = g.linear(hidden, weight, bias: bias)
        return g.reshape(y, [y.count])
    }
}
