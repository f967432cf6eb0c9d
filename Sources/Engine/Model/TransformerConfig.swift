/// Which normalization a block uses.
public enum NormKind: String, Codable, Sendable, CaseIterable {
    /// No normalization at all.
    case none
    /// LayerNorm (Ba et al. 2016): per token, mean and variance over channels.
    case layerNorm
    /// RMSNorm (Zhang & Sennrich 2019): per token, root mean square only, no shift.
    case rmsNorm
    /// BatchNorm (Ioffe & Szegedy 2015) over batch × time per channel, with running statistics.
    case batchNorm
}

/// Where the normalization sits relative to the residual connection.
public enum NormPlacement: String, Codable, Sendable, CaseIterable {
    /// x + F(LN(x)), with a final norm before the head (GPT-2); trains without warmup.
    case pre
    /// LN(x + F(x)) (original Transformer); usually needs learning-rate warmup.
    case post
    /// LN(α·x + F(x)) with α = (2N)^(1/4) and β = (8N)^(−1/4) scaling the init of the value,
    /// output and FFN weights (Wang et al. 2022, arXiv 2203.00555, decoder-only case).
    case deepNorm
}

/// Everything that fixes a decoder-only transformer's shape.
public struct TransformerConfig: Codable, Sendable, Hashable {
    /// Vocabulary size.
    public var vocab: Int
    /// Residual stream width.
    public var dModel: Int
    /// Number of blocks.
    public var layers: Int
    /// Attention heads; must divide `dModel`.
    public var heads: Int
    /// Hidden width of the feed-forward network.
    public var dFF: Int
    /// Longest sequence (including soft-prompt tokens) a learned position table covers.
    public var maxLength: Int
    /// FFN nonlinearity.
    public var activation: Activation
    /// Normalization kind.
    public var norm: NormKind
    /// Normalization placement.
    public var placement: NormPlacement
    /// Positional scheme.
    public var positions: PositionalEncoding
    /// Output head shares the token embedding (logits = h·Eᵀ).
    public var tiedHead: Bool
    /// Dropout on embeddings and on each sublayer's output (training only).
    public var dropout: Float
    /// Standard deviation of the normal weight init.
    public var initStd: Float

    /// A configuration; defaults are GPT-2-like (Pre-LN, learned positions, GELU).
    public init(
        vocab: Int, dModel: Int, layers: Int, heads: Int, dFF: Int, maxLength: Int,
        activation: Activation = .gelu, norm: NormKind = .layerNorm, placement: NormPlacement = .pre,
        positions: PositionalEncoding = .learned, tiedHead: Bool = false, dropout: Float = 0,
        initStd: Float = 0.02
    ) {
        self.vocab = vocab; self.dModel = dModel; self.layers = layers; self.heads = heads
        self.dFF = dFF; self.maxLength = maxLength; self.activation = activation; self.norm = norm
        self.placement = placement; self.positions = positions; self.tiedHead = tiedHead
        self.dropout = dropout; self.initStd = initStd
    }

    /// DeepNorm's residual multiplier α = (2N)^(1/4).
    public var deepNormAlpha: Float { Float(Double(2 * layers).squareRoot().squareRoot()) }
    /// DeepNorm's init gain β = (8N)^(−1/4).
    public var deepNormBeta: Float { Float(1 / Double(8 * layers).squareRoot().squareRoot()) }

    /// The fields that define the function the model computes and differ between `self` and
    /// `other`, as "name a vs b". Dropout and init std are left out: they only shape training
    /// and initialization, so a base pretrained without dropout loads into a fine-tuning
    /// configuration with dropout.
    public func architectureDifferences(from other: TransformerConfig) -> [String] {
        var out: [String] = []
        func compare<T: Equatable>(_ name: String, _ a: T, _ b: T) { if a != b { out.append("\(name) \(a) vs \(b)") } }
        compare("vocab", vocab, other.vocab)
        compare("dModel", dModel, other.dModel)
        compare("layers", layers, other.layers)
        compare("heads", heads, other.heads)
        compare("dFF", dFF, other.dFF)
        compare("maxLength", maxLength, other.maxLength)
        compare("activation", activation, other.activation)
        compare("norm", norm, other.norm)
        compare("placement", placement, other.placement)
        compare("positions", positions, other.positions)
        compare("tiedHead", tiedHead, other.tiedHead)
        return out
    }

    /// Problems that would make the model unbuildable, as messages naming the field.
    public var problems: [String] {
        var p: [String] = []
        if vocab < 1 { p.append("vocab must be ≥ 1 (got \(vocab))") }
        if dModel < 1 || heads < 1 || dModel % heads != 0 { p.append("dModel \(dModel) must be a positive multiple of heads \(heads)") }
        if positions == .rope && (dModel / max(heads, 1)) % 2 != 0 { p.append("RoPE needs an even head width (dModel/heads = \(dModel / max(heads, 1)))") }
        if layers < 1 { p.append("layers must be ≥ 1 (got \(layers))") }
        if dFF < 1 { p.append("dFF must be ≥ 1 (got \(dFF))") }
        if maxLength < 1 { p.append("maxLength must be ≥ 1 (got \(maxLength))") }
        if !(0..<1).contains(dropout) { p.append("dropout must be in [0, 1) (got \(dropout))") }
        if case .relativeBias(let buckets, let maxDistance) = positions {
            // The log-spaced buckets divide by log(maxDistance / (buckets / 2)).
            if buckets < 2 { p.append("relativeBias buckets must be ≥ 2 (got \(buckets))") }
            else if maxDistance <= buckets / 2 {
                p.append("relativeBias maxDistance must exceed buckets/2 = \(buckets / 2), the exact-distance buckets (got \(maxDistance))")
            }
        }
        return p
    }
}
