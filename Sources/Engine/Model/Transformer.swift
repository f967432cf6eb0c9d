/// A decoder-only transformer: its base weights, any PEFT attachments, and the forward pass.
///
/// Build one from a `TransformerConfig` and a seed; attach a PEFT method with `attach(_:seed:)`;
/// run it on a `Graph` to get logits or a loss.
public final class Transformer {
    /// The shape.
    public let config: TransformerConfig
    let embedding: Tensor
    let positionTable: Tensor?
    let relativeTable: Tensor?
    let blocks: [Block]
    let finalNorm: Norm
    let head: Linear?
    /// PEFT additions; empty for the plain model.
    var attachments = Attachments()
    /// The PEFT method attached, if any.
    public internal(set) var peft: PEFTMethod?

    /// A model with weights drawn from `seed`. Fails with the configuration's problems.
    public init(_ config: TransformerConfig, seed: UInt64) throws(EngineError) {
        if let problem = config.problems.first { throw .invalidConfig(problem) }
        self.config = config
        var rng = SeededRandom(seed: seed)
        let d = config.dModel
        embedding = Tensor(zeros: [config.vocab, d])
        embedding.fillNormal(std: config.initStd, rng: &rng)
        if config.positions == .learned {
            let t = Tensor(zeros: [config.maxLength, d])
            t.fillNormal(std: config.initStd, rng: &rng)
            positionTable = t
        } else { positionTable = nil }
        if case .relativeBias(let buckets, _) = config.positions {
            relativeTable = Tensor(zeros: [buckets, config.heads])
        } else { relativeTable = nil }
        var blocks: [Block] = []
        for _ in 0..<config.layers { blocks.append(Block(config, rng: &rng)) }
        self.blocks = blocks
        finalNorm = Norm(config.placement == .pre ? config.norm : .none, width: d)
        head = config.tiedHead ? nil : Linear(d, config.vocab, std: config.initStd, bias: false, rng: &rng)
    }

    /// Final hidden states [B, T, D] for tokens [B·T] (row-major by sequence).
    ///
    /// Works for any T when the positional scheme extrapolates; `.learned` stops at
    /// `maxLength` minus soft-prompt tokens.
    public func hidden(_ g: Graph, tokens: [Int32], batch: Int, length: Int) -> Tensor {
        let c = config, a = attachments
        var x = g.embedding(embedding, tokens: tokens, shape: [batch, length])
        let promptCount = a.prompt?.count ?? 0
        if let prompt = a.prompt { x = g.prependRows(prompt.embeddings(g), to: x) }
        let total = promptCount + length
        switch c.positions {
        case .learned: x = g.addPositions(x, positionTable!)
        case .sinusoidal:
            let table = g.table(.sinusoidal(length: total, width: c.dModel)) { Positions.sinusoidal(length: total, width: c.dModel) }
            x = g.addPositions(x, g.constant(table, shape: [total, c.dModel]))
        default: break
        }
        x = g.dropout(x, p: c.dropout)

        let prefixes = a.prefix?.keyValues(g)
        let kvCount = a.prefix?.count ?? 0
        var bias: Tensor?
        switch c.positions {
        case .alibi:
            let table = g.table(.alibi(heads: c.heads, length: total, prefix: kvCount)) { Positions.alibiBias(heads: c.heads, length: total, prefix: kvCount) }
            bias = g.constant(table, shape: [c.heads, total, kvCount + total])
        case .relativeBias(_, let maxDistance):
            bias = g.relativeBias(relativeTable!, heads: c.heads, length: total, prefix: kvCount, maxDistance: maxDistance)
        default: break
        }

        for (l, block) in blocks.enumerated() {
            x = blockForward(g, layer: l, block, x, prefix: prefixes?[l], bias: bias)
        }
        x = finalNorm(g, x)
        return g.dropLeadingPositions(x, count: promptCount)
    }

    /// The most tokens per sequence `hidden` accepts: maxLength minus soft-prompt tokens with
    /// learned positions, unbounded (nil) with every other scheme.
    public var maxSequenceLength: Int? {
        config.positions == .learned ? config.maxLength - (attachments.prompt?.count ?? 0) : nil
    }

    /// Throws when sequences of `length` tokens do not fit `maxSequenceLength`; callers that
    /// grow sequences (sampling, PPO) check before the first forward pass.
    public func checkSequenceLength(_ length: Int) throws(EngineError) {
        guard let limit = maxSequenceLength, length > limit else { return }
        let prompts = attachments.prompt.map { " (maxLength \(config.maxLength) minus \($0.count) soft-prompt tokens)" } ?? ""
        throw .sequenceTooLong("\(length) tokens per sequence, but learned positions cover \(limit)\(prompts); use a length-free positional scheme (sinusoidal, RoPE, ALiBi, relative bias) or a shorter sequence")
    }

    /// Logits [B·T, V] from hidden states [B, T, D].
    public func logits(_ g: Graph, hidden: Tensor) -> Tensor {
        let rows = hidden.rows
        let y = head.map { g.linear(hidden, $0.weight, bias: nil, outputRows: rows) } ?? g.linear(hidden, embedding, bias: nil, transposeW: true, outputRows: rows)
        return y
    }

    /// Logits [B·T, V] for tokens [B·T].
    public func logits(_ g: Graph, tokens: [Int32], batch: Int, length: Int) -> Tensor {
        logits(g, hidden: hidden(g, tokens: tokens, batch: batch, length: length))
    }

    /// Mean next-token cross-entropy of a batch, with accuracy over its counted targets.
    public func loss(_ g: Graph, _ batch: TokenBatch) -> CrossEntropyResult {
        g.crossEntropy(logits(g, tokens: batch.inputs, batch: batch.batch, length: batch.length), targets: batch.targets)
    }

    private func blockForward(_ g: Graph, layer l: Int, _ b: Block, _ x: Tensor, prefix: (Tensor, Tensor)?, bias: Tensor?) -> Tensor {
        let c = config
        let attend = { (h: Tensor, r: Residual) in self.attentionSublayer(g, layer: l, b, h, prefix: prefix, bias: bias, residual: r) }
        let feed = { (h: Tensor, r: Residual) in self.ffnSublayer(g, layer: l, b, h, residual: r) }
        switch c.placement {
        case .pre:
            let y = attend(b.norm1(g, x), Residual(tensor: x, scale: 1))
            return feed(b.norm2(g, y), Residual(tensor: y, scale: 1))
        case .post:
            let y = b.norm1(g, attend(x, Residual(tensor: x, scale: 1)))
            return b.norm2(g, feed(y, Residual(tensor: y, scale: 1)))
        case .deepNorm:
            let alpha = c.deepNormAlpha
            let y = b.norm1(g, attend(x, Residual(tensor: x, scale: alpha)))
            return b.norm2(g, feed(y, Residual(tensor: y, scale: alpha)))
        }
    }

    /// r.scale · r.tensor + dropout(out) for a sublayer output `out` that is not fused yet.
    private func addResidual(_ g: Graph, _ r: Residual, _ out: Tensor) -> Tensor {
        g.addScaled(r.tensor, alpha: r.scale, g.dropout(out, p: config.dropout), beta: 1)
    }

    /// Whether layer l's sublayer may fold the residual into its last projection: nothing
    /// (dropout, an adapter reading the sublayer's own output) sits between the two.
    private func fusesResidual(layer l: Int) -> Bool { config.dropout == 0 && attachments.adapters[l] == nil }

    /// Base projection plus any unmerged LoRA update.
    func project(_ g: Graph, layer l: Int, _ b: Block, _ p: Projection, _ x: Tensor, residual: Residual? = nil) -> Tensor {
        let y = b.linear(p)(g, x, residual: residual)
        guard let lora = attachments.lora[LoRASite(layer: l, projection: p)], !lora.merged else { return y }
        return lora.addUpdate(g, input: x, to: y)
    }

    /// The attention sublayer's output plus the residual r.
    private func attentionSublayer(_ g: Graph, layer l: Int, _ b: Block, _ h: Tensor, prefix: (Tensor, Tensor)?, bias: Tensor?, residual r: Residual) -> Tensor {
        let c = config
        let att: Tensor
        if projectsQKVPlainly(layer: l) {
            let qkv = g.linearConcatenated(h, weights: [b.wq.weight, b.wk.weight, b.wv.weight], biases: [b.wq.bias, b.wk.bias, b.wv.bias])
            att = g.attention(qkv: qkv, heads: c.heads, prefixKeys: prefix?.0, prefixValues: prefix?.1, bias: bias)
        } else {
            var q = project(g, layer: l, b, .query, h)
            var k = project(g, layer: l, b, .key, h)
            var v = project(g, layer: l, b, .value, h)
            if let ia3 = attachments.ia3[l] {
                k = g.mulColumns(k, ia3.key)
                v = g.mulColumns(v, ia3.value)
            }
            if c.positions == .rope {
                q = g.rope(q, heads: c.heads)
                k = g.rope(k, heads: c.heads)
            }
            att = g.attention(q: q, k: k, v: v, heads: c.heads, prefixKeys: prefix?.0, prefixValues: prefix?.1, bias: bias)
        }
        if fusesResidual(layer: l) { return project(g, layer: l, b, .output, att, residual: r) }
        var out = project(g, layer: l, b, .output, att)
        if let adapter = attachments.adapters[l]?.attention { out = adapter.apply(g, sublayerInput: h, sublayerOutput: out) }
        return addResidual(g, r, out)
    }

    /// Whether q, k and v of layer `l` are the plain base projections, so they can be computed
    /// as one GEMM: no unmerged LoRA on them, no IA³ rescaling, no RoPE rotation in between.
    func projectsQKVPlainly(layer l: Int) -> Bool {
        if config.positions == .rope || attachments.ia3[l] != nil { return false }
        return [Projection.query, .key, .value].allSatisfy { attachments.lora[LoRASite(layer: l, projection: $0)]?.merged ?? true }
    }

    /// The FFN sublayer's output plus the residual r.
    private func ffnSublayer(_ g: Graph, layer l: Int, _ b: Block, _ h: Tensor, residual r: Residual) -> Tensor {
        // The pre-activation is read by nothing else, so the activation may keep its derivative there.
        var u = g.activation(project(g, layer: l, b, .ffnIn, h), config.activation, overwriteInput: true)
        if let ia3 = attachments.ia3[l] { u = g.mulColumns(u, ia3.ffn) }
        if fusesResidual(layer: l) { return project(g, layer: l, b, .ffnOut, u, residual: r) }
        var out = project(g, layer: l, b, .ffnOut, u)
        if let adapter = attachments.adapters[l]?.ffn { out = adapter.apply(g, sublayerInput: h, sublayerOutput: out) }
        return addResidual(g, r, out)
    }
}

/// Engine failures a caller can act on.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    /// The configuration cannot be built; the message names the field.
    case invalidConfig(String)
    /// A checkpoint file cannot be used; the message says why and what to do.
    case checkpoint(String)
    /// A PEFT method cannot be attached as asked.
    case invalidAttachment(String)
    /// A sequence is longer than the model can position (learned positions stop at maxLength).
    case sequenceTooLong(String)

    public var description: String {
        switch self {
        case .invalidConfig(let m): "invalid transformer configuration: \(m)"
        case .checkpoint(let m): "checkpoint: \(m)"
        case .invalidAttachment(let m): "PEFT attachment: \(m)"
        case .sequenceTooLong(let m): "sequence too long: \(m)"
        }
    }
}
