import Testing
@testable import Engine

/// The forward pass is causal: changing token t+1 leaves the logits at positions ≤ t, and
/// every other sequence of the batch, bit for bit unchanged — for every positional scheme and
/// every method that adds prompt or prefix positions. BatchNorm in training mode is the
/// documented exception: its batch statistics mix positions and sequences.
@Suite(.serialized) struct ForwardSemanticsTests {
    init() { BLASRuntime.threads = 1 }

    /// 40 tokens: attention's causal products work in row blocks of 32, so the checks cross a
    /// block boundary.
    static let length = 40
    static let batch = 2

    static func config(_ positions: PositionalEncoding, norm: NormKind = .layerNorm) -> TransformerConfig {
        TransformerConfig(vocab: 11, dModel: 16, layers: 2, heads: 2, dFF: 24, maxLength: 48, norm: norm, positions: positions, initStd: 0.3)
    }

    static let tokens: [Int32] = {
        var rng = SeededRandom(seed: 21)
        return (0..<(batch * length)).map { _ in Int32(rng.int(below: 11)) }
    }()

    func logits(_ m: Transformer, _ tokens: [Int32], training: Bool = false) -> [Float] {
        let g = Graph()
        g.recording = false
        g.training = training
        return m.logits(g, tokens: tokens, batch: Self.batch, length: Self.length).values
    }

    /// For each t: whether logits of sequence 0 at positions ≤ t and all of sequence 1 stayed
    /// exactly equal when token t+1 of sequence 0 changed, and whether position t+1 moved.
    func probe(_ m: Transformer, training: Bool = false) -> [(t: Int, pastEqual: Bool, changed: Bool)] {
        let v = m.config.vocab, n = Self.length
        let before = logits(m, Self.tokens, training: training)
        return [0, 5, 30, 31, 32, 38].map { t in
            var edited = Self.tokens
            edited[t + 1] = (edited[t + 1] + 1) % Int32(v)
            let after = logits(m, edited, training: training)
            let past = 0..<((t + 1) * v), otherSequence = (n * v)..<(2 * n * v), next = ((t + 1) * v)..<((t + 2) * v)
            let pastEqual = Array(before[past]) == Array(after[past]) && Array(before[otherSequence]) == Array(after[otherSequence])
            return (t, pastEqual, Array(before[next]) != Array(after[next]))
        }
    }

    static let schemes: [PositionalEncoding] = [.none, .sinusoidal, .learned, .rope, .alibi, .relativeBias(buckets: 6, maxDistance: 20)]

    @Test(arguments: schemes)
    func noFutureLeak(positions: PositionalEncoding) throws {
        let m = try Transformer(Self.config(positions), seed: 1)
        for r in probe(m) {
            #expect(r.pastEqual, "\(positions): changing token \(r.t + 1) moved logits at positions ≤ \(r.t) or of another sequence")
            #expect(r.changed, "\(positions): changing token \(r.t + 1) did not change its own logits; the probe is blind")
        }
    }

    static let promptMethods: [PEFTMethod] = [
        .promptTuning(tokens: 3, fromVocabulary: true), .promptTuning(tokens: 3, fromVocabulary: false),
        .prefixTuning(tokens: 3, reparameterization: nil), .prefixTuning(tokens: 3, reparameterization: 6),
        .pTuning(tokens: 3, encoder: .mlp(hidden: 5)), .pTuning(tokens: 3, encoder: .lstm(hidden: 4)), .pTuningV2(tokens: 3),
    ]

    @Test(arguments: promptMethods, [PositionalEncoding.learned, .rope, .alibi, .relativeBias(buckets: 6, maxDistance: 20)])
    func noFutureLeakWithPromptsAndPrefixes(method: PEFTMethod, positions: PositionalEncoding) throws {
        let m = try Transformer(Self.config(positions), seed: 1)
        try m.attach(method, seed: 2)
        for r in probe(m) {
            #expect(r.pastEqual, "\(method.name) with \(positions): token \(r.t + 1) leaked into positions ≤ \(r.t)")
            #expect(r.changed, "\(method.name) with \(positions): the probe is blind at \(r.t + 1)")
        }
    }

    /// BatchNorm over batch × time normalizes every position with statistics that include
    /// later tokens and other sequences: in training mode the future leaks into the past (a
    /// causal model trained this way can read its answers). Evaluation uses running
    /// statistics and is causal again. This is the failure mode the lab shows.
    @Test func batchNormLeaksTheFutureInTrainingButNotInEvaluation() throws {
        let m = try Transformer(Self.config(.learned, norm: .batchNorm), seed: 1)
        let training = probe(m, training: true)
        #expect(training.allSatisfy { !$0.pastEqual }, "batch statistics should carry token t+1 into positions ≤ t")
        for r in probe(m, training: false) {
            #expect(r.pastEqual, "evaluation with running statistics must be causal (t = \(r.t))")
        }
    }
}
