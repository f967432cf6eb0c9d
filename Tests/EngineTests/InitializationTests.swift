import Foundation
import Testing
@testable import Engine

/// Constants and initial values that the papers fix: DeepNorm's α and β, LoRA's two scalings,
/// the init standard deviations, and configuration checks that replace traps with messages.
@Suite(.serialized) struct InitializationTests {
    init() { BLASRuntime.threads = 1 }

    /// Root mean square: the standard deviation of zero-mean samples.
    func rms(_ t: Tensor) -> Double { (t.values.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(t.count)).squareRoot() }

    func close(_ a: Double, _ b: Double, relative: Double) -> Bool { abs(a - b) <= relative * abs(b) }

    @Test func deepNormConstantsForTheDecoderOnlyCase() {
        // Wang et al. 2022 (arXiv 2203.00555), decoder-only: α = (2N)^(1/4), β = (8N)^(−1/4).
        for n in [1, 2, 4, 6, 12] {
            let c = TransformerConfig(vocab: 4, dModel: 8, layers: n, heads: 2, dFF: 8, maxLength: 4, placement: .deepNorm)
            #expect(abs(Double(c.deepNormAlpha) - Foundation.pow(Double(2 * n), 0.25)) < 1e-6)
            #expect(abs(Double(c.deepNormBeta) - Foundation.pow(Double(8 * n), -0.25)) < 1e-6)
        }
        let four = TransformerConfig(vocab: 4, dModel: 8, layers: 4, heads: 2, dFF: 8, maxLength: 4, placement: .deepNorm)
        #expect(abs(four.deepNormAlpha - 1.681_793) < 1e-5 && abs(four.deepNormBeta - 0.420_448) < 1e-5)
    }

    @Test func deepNormScalesTheInitOfValueOutputAndFFNByBeta() throws {
        let c = TransformerConfig(vocab: 8, dModel: 64, layers: 3, heads: 4, dFF: 128, maxLength: 8, placement: .deepNorm)
        let m = try Transformer(c, seed: 1)
        let beta = Double(c.deepNormBeta), b = m.blocks[1]
        func xavier(_ i: Int, _ o: Int) -> Double { (2 / Double(i + o)).squareRoot() }
        #expect(close(rms(b.wq.weight), xavier(64, 64), relative: 0.05), "q: xavier, gain 1")
        #expect(close(rms(b.wk.weight), xavier(64, 64), relative: 0.05), "k: xavier, gain 1")
        #expect(close(rms(b.wv.weight), xavier(64, 64) * beta, relative: 0.05), "v: xavier · β")
        #expect(close(rms(b.wo.weight), xavier(64, 64) * beta, relative: 0.05), "out: xavier · β")
        #expect(close(rms(b.ffIn.weight), xavier(64, 128) * beta, relative: 0.05), "ffn in: xavier · β")
        #expect(close(rms(b.ffOut.weight), xavier(128, 64) * beta, relative: 0.05), "ffn out: xavier · β")
    }

    @Test func preLNInitFollowsGPT2() throws {
        let c = TransformerConfig(vocab: 64, dModel: 64, layers: 4, heads: 4, dFF: 128, maxLength: 32, initStd: 0.02)
        let m = try Transformer(c, seed: 1)
        let b = m.blocks[2]
        #expect(close(rms(m.embedding), 0.02, relative: 0.05))
        #expect(close(rms(m.positionTable!), 0.02, relative: 0.05))
        #expect(close(rms(b.wq.weight), 0.02, relative: 0.05))
        #expect(close(rms(b.ffIn.weight), 0.02, relative: 0.05))
        // Projections into the residual stream: 0.02 / √(2·layers).
        #expect(close(rms(b.wo.weight), 0.02 / 8.0.squareRoot(), relative: 0.05))
        #expect(close(rms(b.ffOut.weight), 0.02 / 8.0.squareRoot(), relative: 0.05))
        #expect(close(rms(m.head!.weight), 0.02, relative: 0.05))
        #expect(b.wq.bias!.values.allSatisfy { $0 == 0 } && b.norm1.gain.values.allSatisfy { $0 == 1 } && b.norm1.shift.values.allSatisfy { $0 == 0 })
    }

    @Test func loraScalingIsAlphaOverRankOrOverRootRank() {
        #expect(LoRAConfig(rank: 4, alpha: 8).scale == 2)
        #expect(LoRAConfig(rank: 4, alpha: 8, scaling: .rankStabilized).scale == 4)
        #expect(LoRAConfig(rank: 16, alpha: 8).scale == 0.5)
        #expect(LoRAConfig(rank: 16, alpha: 8, scaling: .rankStabilized).scale == 2)
    }

    @Test(arguments: [LoRAScaling.standard, .rankStabilized])
    func loraAddsScaledLowRankUpdate(scaling: LoRAScaling) throws {
        let c = TransformerConfig(vocab: 8, dModel: 16, layers: 1, heads: 2, dFF: 16, maxLength: 8)
        let m = try Transformer(c, seed: 1)
        try m.attach(.lora(LoRAConfig(rank: 4, alpha: 6, targets: [.query], scaling: scaling)), seed: 2)
        let lora = m.attachments.lora[LoRASite(layer: 0, projection: .query)]!
        // A: uniform in ±1/√in; B starts at zero, so the model starts as the base.
        #expect(lora.a.values.allSatisfy { abs($0) <= 0.25 } && close(rms(lora.a), 0.25 / 3.0.squareRoot(), relative: 0.15))
        #expect(lora.b.values.allSatisfy { $0 == 0 })
        var rng = SeededRandom(seed: 3)
        lora.b.fillNormal(std: 1, rng: &rng)
        let x = randomTensor([3, 16], seed: 4)
        let g = Graph()
        g.recording = false
        let y = m.project(g, layer: 0, m.blocks[0], .query, x).values
        let w = m.blocks[0].wq, s = Double(scaling == .standard ? 6.0 / 4 : 6.0 / 2)
        for i in 0..<3 {
            for o in 0..<16 {
                var base = Double(w.bias!.data[o]), update = 0.0
                for k in 0..<16 { base += Double(x.data[i * 16 + k]) * Double(w.weight.data[k * 16 + o]) }
                for r in 0..<4 {
                    var xa = 0.0
                    for k in 0..<16 { xa += Double(x.data[i * 16 + k]) * Double(lora.a.data[k * 4 + r]) }
                    update += xa * Double(lora.b.data[r * 16 + o])
                }
                #expect(abs(Double(y[i * 16 + o]) - (base + s * update)) < 1e-4)
            }
        }
    }

    @Test func attachmentsStartAsTheIdentity() throws {
        let c = TransformerConfig(vocab: 8, dModel: 16, layers: 2, heads: 2, dFF: 16, maxLength: 8)
        let tokens: [Int32] = [1, 2, 3, 4, 5, 6]
        func logits(_ m: Transformer) -> [Float] {
            let g = Graph(); g.recording = false; g.training = false
            return m.logits(g, tokens: tokens, batch: 1, length: 6).values
        }
        let base = logits(try Transformer(c, seed: 1))
        for method in [PEFTMethod.lora(LoRAConfig(rank: 2, alpha: 4, targets: Set(Projection.allCases))), .adapter(width: 4, placement: .sequential),
                       .adapter(width: 4, placement: .parallel), .ia3] {
            let m = try Transformer(c, seed: 1)
            try m.attach(method, seed: 2)
            // Not bit for bit: LoRA and IA³ make q, k, v separate GEMMs instead of one, which rounds differently.
            let diff = zip(logits(m), base).map { abs($0 - $1) }.max()!
            #expect(diff < 1e-5, "\(method.name) must not change the model before training (max |Δ logit| \(diff))")
        }
    }

    @Test func relativeBiasBucketsAreValidatedInsteadOfTrapping() {
        func problems(_ buckets: Int, _ maxDistance: Int) -> [String] {
            TransformerConfig(vocab: 4, dModel: 8, layers: 1, heads: 2, dFF: 8, maxLength: 4, positions: .relativeBias(buckets: buckets, maxDistance: maxDistance)).problems
        }
        #expect(problems(1, 8).contains { $0.contains("buckets must be ≥ 2") })
        #expect(problems(8, 4).contains { $0.contains("maxDistance must exceed buckets/2 = 4") })
        #expect(problems(8, 5).isEmpty && problems(2, 2).isEmpty)
        #expect(throws: EngineError.self) {
            _ = try Transformer(TransformerConfig(vocab: 4, dModel: 8, layers: 1, heads: 2, dFF: 8, maxLength: 4, positions: .relativeBias(buckets: 8, maxDistance: 3)), seed: 1)
        }
    }
}
