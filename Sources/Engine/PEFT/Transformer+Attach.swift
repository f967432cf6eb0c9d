extension Transformer {
    /// Attaches `method` to this (frozen) base model and returns what it trains.
    ///
    /// Base parameters are frozen except for `.full` (all train) and `.bitFit` (biases train).
    /// One method per model: attaching to a model that already has one throws.
    @discardableResult
    public func attach(_ method: PEFTMethod, seed: UInt64) throws(EngineError) -> PEFTReport {
        guard peft == nil else { throw .invalidAttachment("this model already has a PEFT attachment; build a fresh model") }
        var rng = SeededRandom(seed: seed)
        let c = config, d = c.dModel
        setTrainable(false) { $0.isBase }
        func positive(_ n: Int, _ what: String) throws(EngineError) {
            if n < 1 { throw .invalidAttachment("\(what) must be ≥ 1 (got \(n))") }
        }
        switch method {
        case .full:
            setTrainable(true) { $0.isBase }
        case .bitFit:
            setTrainable(true) { $0.isBase && $0.isBias }
        case .lora(let lc):
            try positive(lc.rank, "LoRA rank")
            if lc.targets.isEmpty { throw .invalidAttachment("LoRA needs at least one target projection") }
            for l in 0..<c.layers {
                for p in Projection.allCases where lc.targets.contains(p) {
                    let w = blocks[l].linear(p).weight
                    attachments.lora[LoRASite(layer: l, projection: p)] = LoRA(input: w.shape[0], output: w.shape[1], config: lc, rng: &rng)
                }
            }
        case .adapter(let width, let placement):
            try positive(width, "adapter width")
            for l in 0..<c.layers {
                attachments.adapters[l] = AdapterPair(
                    attention: Adapter(width: d, bottleneck: width, placement: placement, rng: &rng),
                    ffn: Adapter(width: d, bottleneck: width, placement: placement, rng: &rng))
            }
        case .ia3:
            for l in 0..<c.layers { attachments.ia3[l] = IA3Vectors(width: d, ffnWidth: c.dFF) }
        case .promptTuning(let n, let fromVocabulary):
            try positive(n, "prompt tokens")
            let t = Tensor(zeros: [n, d])
            if fromVocabulary {
                for i in 0..<n { (t.data + i * d).update(from: embedding.data + rng.int(below: c.vocab) * d, count: d) }
            } else {
                t.fillUniform(bound: 0.5, rng: &rng)
            }
            attachments.prompt = SoftPrompt(count: n, source: .direct(t))
        case .pTuning(let n, let encoder):
            try positive(n, "prompt tokens")
            let input = Tensor(zeros: [n, d])
            input.fillNormal(std: 1, rng: &rng)
            switch encoder {
            case .mlp(let h):
                try positive(h, "prompt encoder width")
                attachments.prompt = SoftPrompt(count: n, source: .mlp(
                    input: input, hidden: Linear(d, h, std: 1 / Float(d).squareRoot(), rng: &rng),
                    output: Linear(h, d, std: 1 / Float(h).squareRoot(), rng: &rng)))
            case .lstm(let h):
                try positive(h, "prompt encoder width")
                let fwd = LSTM(input: d, hidden: h, rng: &rng), bwd = LSTM(input: d, hidden: h, rng: &rng)
                attachments.prompt = SoftPrompt(count: n, source: .lstm(
                    input: input, forward: fwd, backward: bwd,
                    hidden: Linear(2 * h, h, std: 1 / Float(2 * h).squareRoot(), rng: &rng),
                    output: Linear(h, d, std: 1 / Float(h).squareRoot(), rng: &rng)))
            }
        case .prefixTuning(let n, let reparameterization):
            try positive(n, "prefix tokens")
            if let h = reparameterization {
                try positive(h, "prefix MLP width")
                let input = Tensor(zeros: [n, d])
                input.fillNormal(std: 1, rng: &rng)
                attachments.prefix = PrefixEncoder(count: n, layers: c.layers, width: d, source: .reparameterized(
                    input: input, hidden: Linear(d, h, std: 1 / Float(d).squareRoot(), rng: &rng),
                    output: Linear(h, 2 * c.layers * d, std: 1 / Float(h).squareRoot(), rng: &rng)))
            } else {
                attachments.prefix = directPrefixes(count: n, rng: &rng)
            }
        case .pTuningV2(let n):
            try positive(n, "deep prompt tokens")
            attachments.prefix = directPrefixes(count: n, rng: &rng)
        }
        if c.positions == .learned, let extra = attachments.prompt?.count, extra >= c.maxLength {
            // Only soft prompts take positions; key/value prefixes sit outside the sequence.
            throw .invalidAttachment("\(extra) prompt tokens leave no room in maxLength \(c.maxLength) for learned positions")
        }
        peft = method
        return PEFTReport(method: method.name, trainable: trainableParameterCount, base: baseParameterCount)
    }

    /// Trainable key and value prefixes [P, D] for every layer, normal with std 0.5.
    private func directPrefixes(count n: Int, rng: inout SeededRandom) -> PrefixEncoder {
        let d = config.dModel
        let kv = (0..<config.layers).map { _ in
            let k = Tensor(zeros: [n, d]), v = Tensor(zeros: [n, d])
            k.fillNormal(std: 0.5, rng: &rng); v.fillNormal(std: 0.5, rng: &rng)
            return (key: k, value: v)
        }
        return PrefixEncoder(count: n, layers: config.layers, width: d, source: .direct(kv))
    }
}
