import Foundation
import Testing
@testable import Engine

/// LoRA merging, freezing, parameter accounting, determinism, divergence, checkpoints.
@Suite(.serialized) struct PEFTBehaviourTests {
    init() { BLASRuntime.threads = 1 }

    static let config = TransformerConfig(vocab: 10, dModel: 16, layers: 2, heads: 2, dFF: 32, maxLength: 16)
    static let task = ReverseTask(vocab: 10, length: 8)

    func trained(_ method: PEFTMethod, steps: Int = 30) throws -> (Transformer, [String: [Float]]) {
        let model = try Transformer(Self.config, seed: 1)
        let before = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0.tensor.values) })
        try model.attach(method, seed: 2)
        let trainer = Trainer(model: model, task: Self.task, config: TrainingConfig(schedule: .init(peak: 1e-2), batchSize: 8, seed: 3))
        for _ in 0..<steps { trainer.step() }
        return (model, before)
    }

    func logits(_ m: Transformer, _ batch: TokenBatch) -> [Float] {
        let g = Graph()
        g.recording = false
        g.training = false
        return m.logits(g, tokens: batch.inputs, batch: batch.batch, length: batch.length).values
    }

    @Test func loraMergedEqualsUnmerged() throws {
        let (model, _) = try trained(.lora(LoRAConfig(rank: 4, alpha: 8, targets: Set(Projection.allCases))))
        var rng = SeededRandom(seed: 9)
        let batch = Self.task.batch(size: 4, rng: &rng)
        let unmerged = logits(model, batch)
        model.mergeLoRA()
        let merged = logits(model, batch)
        let diff = zip(unmerged, merged).map { abs($0 - $1) }.max()!
        #expect(diff < 1e-4, "max |logit difference| after merge \(diff)")
        // The update is not trivially zero: merging changed the base weight.
        let w = model.blocks[0].wq.weight.values
        model.unmergeLoRA()
        let restored = model.blocks[0].wq.weight.values
        #expect(zip(w, restored).contains { $0 != $1 })
        let again = logits(model, batch)
        #expect(zip(unmerged, again).map { abs($0 - $1) }.max()! < 1e-4)
    }

    @Test(arguments: [
        PEFTMethod.lora(LoRAConfig(rank: 2, alpha: 4)), .promptTuning(tokens: 3, fromVocabulary: false),
        .prefixTuning(tokens: 2, reparameterization: 8), .pTuning(tokens: 2, encoder: .lstm(hidden: 4)),
        .pTuningV2(tokens: 2), .adapter(width: 4, placement: .sequential), .ia3,
    ])
    func frozenBaseDoesNotChange(method: PEFTMethod) throws {
        let (model, before) = try trained(method)
        for p in model.parameters where p.isBase {
            #expect(p.tensor.values == before[p.name], "\(p.name) changed under \(method.name)")
        }
        let extra = model.parameters.filter { !$0.isBase }
        #expect(!extra.isEmpty)
        #expect(extra.allSatisfy { p in p.tensor.gradValues.allSatisfy { $0 == 0 } }, "gradients are zeroed after each step")
        #expect(extra.contains { p in p.tensor.requiresGrad }, "the attachment trains something")
    }

    @Test func bitFitTrainsOnlyBiases() throws {
        let (model, before) = try trained(.bitFit)
        var changedBias = false
        for p in model.parameters {
            if p.isBias { changedBias = changedBias || p.tensor.values != before[p.name] } else {
                #expect(p.tensor.values == before[p.name], "\(p.name) is not a bias but changed")
            }
        }
        #expect(changedBias)
    }

    @Test func trainableCountsMatchTheMethods() throws {
        let base = try Transformer(Self.config, seed: 1).baseParameterCount
        let d = 16, f = 32, l = 2
        let cases: [(PEFTMethod, Int)] = [
            (.full, base),
            (.lora(LoRAConfig(rank: 4, alpha: 8, targets: [.query, .value])), l * 2 * (d * 4 + 4 * d)),
            (.lora(LoRAConfig(rank: 2, alpha: 8, targets: [.ffnIn])), l * (d * 2 + 2 * f)),
            (.promptTuning(tokens: 5, fromVocabulary: true), 5 * d),
            (.prefixTuning(tokens: 3, reparameterization: nil), l * 2 * 3 * d),
            // Per-layer key and value prefixes, as in the paper's code.
            (.pTuningV2(tokens: 3), l * 2 * 3 * d),
            // Table [P, D], tanh MLP D → h → 2·L·D with biases.
            (.prefixTuning(tokens: 3, reparameterization: 5), 3 * d + (d * 5 + 5) + (5 * 2 * l * d + 2 * l * d)),
            // Inputs [P, D], ReLU MLP D → h → D with biases.
            (.pTuning(tokens: 2, encoder: .mlp(hidden: 6)), 2 * d + (d * 6 + 6) + (6 * d + d)),
            // Inputs [P, D]; two LSTMs (input weights D → 4h with bias, recurrent h → 4h);
            // MLP 2h → h → D with biases.
            (.pTuning(tokens: 2, encoder: .lstm(hidden: 3)), 2 * d + 2 * (d * 12 + 12 + 3 * 12) + (6 * 3 + 3) + (3 * d + d)),
            (.adapter(width: 4, placement: .parallel), l * 2 * (d * 4 + 4 + 4 * d + d)),
            (.ia3, l * (d + d + f)),
        ]
        for (method, expected) in cases {
            let m = try Transformer(Self.config, seed: 1)
            let report = try m.attach(method, seed: 1)
            #expect(report.trainable == expected, "\(method.name)")
            #expect(report.base == base)
            #expect(abs(report.share - Double(expected) / Double(base)) < 1e-12)
        }
        let m = try Transformer(Self.config, seed: 1)
        let biases = m.parameters.filter { $0.isBias }.reduce(0) { $0 + $1.tensor.count }
        #expect(try m.attach(.bitFit, seed: 1).trainable == biases)
        #expect(throws: EngineError.self) { try m.attach(.ia3, seed: 1) }
    }

    @Test func sameSeedSameLossCurveBitForBit() throws {
        func curve() throws -> [UInt32] {
            let model = try Transformer(TransformerConfig(vocab: 10, dModel: 16, layers: 2, heads: 2, dFF: 32, maxLength: 8, dropout: 0.1), seed: 7)
            try model.attach(.lora(LoRAConfig(rank: 2, alpha: 4, dropout: 0.1)), seed: 8)
            let t = Trainer(model: model, task: Self.task, config: TrainingConfig(batchSize: 8, seed: 9, threads: 2))
            return (0..<15).map { _ in t.step().loss.bitPattern }
        }
        let a = try curve(), b = try curve()
        #expect(a == b)
        #expect(Set(a).count > 1)
    }

    @Test func nonFiniteLossIsReportedAsDivergence() throws {
        let model = try Transformer(Self.config, seed: 1)
        let t = Trainer(model: model, task: Self.task, config: TrainingConfig(
            optimizer: .sgd(momentum: 0), schedule: .init(peak: 1e38), clipNorm: nil, batchSize: 4, seed: 1))
        var results: [StepResult] = []
        for _ in 0..<5 { results.append(t.step()) }
        let first = try #require(results.first { $0.diverged })
        #expect(first.summary == "diverged at step \(first.step)")
        #expect(t.divergedAt == first.step)
        #expect(results.last!.divergedAt == first.step)
    }

    @Test func nanWeightsAreDivergenceNotAFiniteLoss() throws {
        let model = try Transformer(Self.config, seed: 1)
        model.parameters.first { $0.name == "layers.1.ffnOut.weight" }!.tensor.data[3] = .nan
        let t = Trainer(model: model, task: Self.task, config: TrainingConfig(batchSize: 4, seed: 1))
        #expect(t.step().summary == "diverged at step 0")
    }

    @Test func checkpointRoundTripAndMismatch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-engine-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.ckpt").path
        let (model, _) = try trained(.lora(LoRAConfig(rank: 2, alpha: 4)))
        try model.save(to: path)
        let loaded = try Transformer.load(from: path)
        var rng = SeededRandom(seed: 1)
        let batch = Self.task.batch(size: 2, rng: &rng)
        #expect(logits(loaded, batch) == logits(model, batch))
        model.mergeLoRA()
        try model.save(to: path)
        let merged = try Transformer.load(from: path)
        #expect(zip(logits(merged, batch), logits(loaded, batch)).map { abs($0 - $1) }.max()! < 1e-4, "a merged save is not applied twice")

        var other = Self.config
        other.dModel = 8
        let wrong = try Transformer(other, seed: 1)
        #expect(throws: EngineError.self) { try wrong.load(from: path) }
        do { try wrong.load(from: path) } catch { #expect(error.description.contains("different model configuration")) }

        try Data("not a checkpoint".utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try Transformer.load(from: path); Issue.record("garbage loaded") } catch {
            #expect(error.description.contains("not a dojo checkpoint"))
        }
    }

    @Test func extrapolatingSchemesEvaluateLongerSequences() throws {
        for positions in [PositionalEncoding.alibi, .rope, .sinusoidal, .relativeBias(buckets: 8, maxDistance: 32)] {
            var c = Self.config
            c.positions = positions
            c.maxLength = 8
            let model = try Transformer(c, seed: 1)
            let t = Trainer(model: model, task: Self.task, config: TrainingConfig(batchSize: 4, seed: 1))
            t.step()
            let long = t.evaluate(on: ReverseTask(vocab: 10, length: 24), batches: 1)
            #expect(long.loss.isFinite && long.tokens == 4 * 12, "\(positions)")
        }
    }

    @Test func batchNormKeepsRunningStatisticsForEval() throws {
        var c = Self.config
        c.norm = .batchNorm
        let model = try Transformer(c, seed: 1)
        let running = model.parameters.first { $0.name == "layers.0.norm1.runningMean" }!.tensor
        #expect(running.values.allSatisfy { $0 == 0 })
        let t = Trainer(model: model, task: Self.task, config: TrainingConfig(batchSize: 8, seed: 1))
        for _ in 0..<3 { t.step() }
        #expect(running.values.contains { $0 != 0 })
        let e1 = t.evaluate(on: Self.task, batches: 1), e2 = t.evaluate(on: Self.task, batches: 1)
        #expect(e1 == e2, "evaluation must not move running statistics")
    }
}
