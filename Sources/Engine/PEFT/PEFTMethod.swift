/// How LoRA's update is scaled.
public enum LoRAScaling: String, Codable, Sendable, Hashable {
    /// α / r (Hu et al. 2021).
    case standard
    /// α / √r, rank-stabilized LoRA (Kalajdzievski 2023, arXiv 2312.03732).
    case rankStabilized
}

/// LoRA's placement and size.
public struct LoRAConfig: Codable, Sendable, Hashable {
    /// Rank r of the update A·B.
    public var rank: Int
    /// α in the scaling.
    public var alpha: Float
    /// Which projections of every block get an update.
    public var targets: Set<Projection>
    /// α/r or α/√r.
    public var scaling: LoRAScaling
    /// Dropout on the LoRA branch's input (training only).
    public var dropout: Float

    /// A LoRA configuration; defaults to queries and values (Hu et al.'s choice).
    public init(rank: Int, alpha: Float, targets: Set<Projection> = [.query, .value], scaling: LoRAScaling = .standard, dropout: Float = 0) {
        self.rank = rank; self.alpha = alpha; self.targets = targets; self.scaling = scaling; self.dropout = dropout
    }

    /// The factor applied to A·B.
    public var scale: Float {
        switch scaling {
        case .standard: alpha / Float(rank)
        case .rankStabilized: alpha / Float(rank).squareRoot()
        }
    }
}

/// The network that produces P-tuning's prompt embeddings from trainable inputs.
public enum PromptEncoderKind: Codable, Sendable, Hashable {
    /// Two-layer ReLU MLP with the given hidden width.
    case mlp(hidden: Int)
    /// Bidirectional LSTM with the given hidden width per direction, then a two-layer MLP
    /// (Liu et al. 2021, "GPT Understands, Too").
    case lstm(hidden: Int)
}

/// Where Houlsby-style bottleneck adapters sit.
public enum AdapterPlacement: String, Codable, Sendable, Hashable {
    /// After each sublayer's output: o + up(relu(down(o))) (Houlsby et al. 2019).
    case sequential
    /// Beside each sublayer, reading its input: o + up(relu(down(h))) (He et al. 2022).
    case parallel
}

/// A parameter-efficient fine-tuning method, attached to a frozen base model.
///
/// Weight decay never applies to what a method adds (LoRA A/B, adapters, IA³ vectors,
/// prompts, prefixes): see `Attachments.parameters`.
public enum PEFTMethod: Codable, Sendable, Hashable {
    /// Every base parameter trains (the reference point).
    case full
    /// Low-rank updates on chosen projections.
    case lora(LoRAConfig)
    /// `tokens` trainable embeddings prepended to the input (Lester et al. 2021); initialized
    /// from random vocabulary rows when `fromVocabulary`, else small random values.
    case promptTuning(tokens: Int, fromVocabulary: Bool)
    /// Trainable key/value prefixes in every layer (Li & Liang 2021); with `reparameterization`
    /// a tanh MLP of that hidden width produces all layers' prefixes, [P, 2·L·D], from a
    /// trainable [P, D] table (the MLP, not the table, is what steadies training).
    case prefixTuning(tokens: Int, reparameterization: Int?)
    /// Prompt embeddings produced by an encoder network (Liu et al. 2021).
    case pTuning(tokens: Int, encoder: PromptEncoderKind)
    /// P-tuning v2 (Liu et al. 2022, arXiv 2110.07602): deep prompts at every layer, built as
    /// the paper's code builds them, trainable per-layer key/value prefixes (past key values)
    /// without reparameterization. The mechanism is therefore that of
    /// `prefixTuning(tokens:reparameterization: nil)`; the paper's finding is that this deep
    /// form, without the MLP, matches fine-tuning across model sizes and on NLU tasks.
    case pTuningV2(tokens: Int)
    /// Bottleneck adapters of width `width` after (or beside) both sublayers of every block.
    case adapter(width: Int, placement: AdapterPlacement)
    /// Only biases (and norm shifts) train (Ben Zaken et al. 2022).
    case bitFit
    /// Learned scaling vectors on keys, values and the FFN hidden layer (Liu et al. 2022, IA³).
    case ia3

    /// A short name for tables.
    public var name: String {
        switch self {
        case .full: "full"
        case .lora: "lora"
        case .promptTuning: "prompt-tuning"
        case .prefixTuning: "prefix-tuning"
        case .pTuning: "p-tuning"
        case .pTuningV2: "p-tuning-v2"
        case .adapter: "adapter"
        case .bitFit: "bitfit"
        case .ia3: "ia3"
        }
    }
}

/// What an attachment trains, relative to the base.
public struct PEFTReport: Sendable, Equatable {
    /// The method's name.
    public let method: String
    /// Elements an optimizer updates.
    public let trainable: Int
    /// Elements of the base model.
    public let base: Int
    /// trainable / base.
    public var share: Double { Double(trainable) / Double(max(base, 1)) }
}
