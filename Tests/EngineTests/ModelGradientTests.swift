import Testing
@testable import Engine

/// Finite-difference checks through whole tiny models: every norm × placement, every
/// positional scheme, every PEFT attachment. Tolerance as in `GradientCheck`.
@Suite(.serialized) struct ModelGradientTests {
    init() { BLASRuntime.threads = 1 }

    static let batch: TokenBatch = {
        var rng = SeededRandom(seed: 3)
        let inputs = (0..<10).map { _ in Int32(rng.int(below: 11)) }
        let targets = (0..<10).map { i in i % 5 == 0 ? Int32(-1) : Int32(rng.int(below: 11)) }
        return TokenBatch(batch: 2, length: 5, inputs: inputs, targets: targets)
    }()

    static func tiny(norm: NormKind = .layerNorm, placement: NormPlacement = .pre, positions: PositionalEncoding = .learned,
                     activation: Activation = .gelu, tied: Bool = false) -> TransformerConfig {
        TransformerConfig(vocab: 11, dModel: 8, layers: 2, heads: 2, dFF: 12, maxLength: 12, activation: activation,
                          norm: norm, placement: placement, positions: positions, tiedHead: tied, initStd: 0.3)
    }

    func check(_ model: Transformer, batch: TokenBatch = batch) {
        let params = model.trainableParameters.map { ($0.name, $0.tensor) }
        #expect(!params.isEmpty)
        let outcome = GradientCheck(samples: 6).run(params) { g in model.loss(g, batch).loss }
        #expect(outcome.maxError < 1e-2, "\(outcome)")
    }

    /// Biases start at zero in a fresh model; give them values so their gradients are general.
    func perturbBiases(_ m: Transformer) {
        var rng = SeededRandom(seed: 17)
        for p in m.parameters where p.isBias || p.name.hasSuffix(".B") || p.name.contains("ia3") || p.name.contains(".up.") || p.name == "relativeBias" {
            for i in 0..<p.tensor.count { p.tensor.data[i] += rng.normal() * 0.2 }
        }
    }

    @Test(arguments: [NormKind.layerNorm, .rmsNorm, .batchNorm, .none], [NormPlacement.pre, .post, .deepNorm])
    func normsAndPlacements(norm: NormKind, placement: NormPlacement) throws {
        let m = try Transformer(Self.tiny(norm: norm, placement: placement), seed: 1)
        perturbBiases(m)
        check(m)
    }

    @Test(arguments: [PositionalEncoding.none, .sinusoidal, .learned, .rope, .alibi, .relativeBias(buckets: 4, maxDistance: 8)])
    func positionalSchemes(positions: PositionalEncoding) throws {
        let m = try Transformer(Self.tiny(positions: positions), seed: 2)
        perturbBiases(m)
        check(m)
    }

    @Test(arguments: [Activation.relu, .silu, .swiglu])
    func activationsAndTiedHead(activation: Activation) throws {
        let m = try Transformer(Self.tiny(activation: activation, tied: true), seed: 3)
        perturbBiases(m)
        check(m)
    }

    static let methods: [PEFTMethod] = [
        .full,
        .lora(LoRAConfig(rank: 2, alpha: 4, targets: Set(Projection.allCases))),
        .lora(LoRAConfig(rank: 3, alpha: 2, targets: [.query, .value], scaling: .rankStabilized)),
        .promptTuning(tokens: 3, fromVocabulary: true),
        .promptTuning(tokens: 3, fromVocabulary: false),
        .prefixTuning(tokens: 2, reparameterization: nil),
        .prefixTuning(tokens: 2, reparameterization: 6),
        .pTuning(tokens: 2, encoder: .mlp(hidden: 5)),
        .pTuning(tokens: 2, encoder: .lstm(hidden: 3)),
        .pTuningV2(tokens: 2),
        .adapter(width: 3, placement: .sequential),
        .adapter(width: 3, placement: .parallel),
        .bitFit,
        .ia3,
    ]

    @Test(arguments: methods, [PositionalEncoding.learned, .alibi])
    func peftAttachments(method: PEFTMethod, positions: PositionalEncoding) throws {
        let m = try Transformer(Self.tiny(positions: positions), seed: 4)
        try m.attach(method, seed: 5)
        perturbBiases(m)
        check(m)
    }

    @Test func loraDropoutWithFixedMask() throws {
        let m = try Transformer(Self.tiny(), seed: 4)
        try m.attach(.lora(LoRAConfig(rank: 2, alpha: 2, targets: [.query, .ffnIn], dropout: 0.2)), seed: 5)
        perturbBiases(m)
        check(m)
    }
}
