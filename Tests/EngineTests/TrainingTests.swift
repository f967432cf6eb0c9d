import Foundation
import Testing
@testable import Engine

/// Optimizer rules against hand computation, schedules, clipping, data-parallel shards.
@Suite(.serialized) struct TrainingTests {
    init() { BLASRuntime.threads = 1 }

    func param(_ values: [Float], grad: [Float], decays: Bool = true) -> NamedParameter {
        let t = Tensor(shape: [values.count], values: values)
        for (i, g) in grad.enumerated() { t.grad![i] = g }
        return NamedParameter(name: "w", tensor: t, isBase: true, isBias: false, decays: decays, isBuffer: false)
    }

    @Test func sgdMomentumMatchesHandComputation() {
        let p = param([1], grad: [0.5])
        let opt = Optimizer(.sgd(momentum: 0.9), parameters: [p])
        opt.step(lr: 0.1)  // m = 0.5, w = 1 − 0.05
        #expect(abs(p.tensor.values[0] - 0.95) < 1e-7)
        p.tensor.grad![0] = 0.5
        opt.step(lr: 0.1)  // m = 0.45 + 0.5 = 0.95, w = 0.95 − 0.095
        #expect(abs(p.tensor.values[0] - 0.855) < 1e-6)
        #expect(p.tensor.gradValues == [0], "step zeroes gradients")
    }

    @Test func adamWDecouplesDecayAndAdamL2DoesNot() {
        // First Adam step moves by lr·sign(g) whatever |g|; decay shows the difference.
        let a = param([2], grad: [0.1]), b = param([2], grad: [0.1])
        Optimizer(.adamWDefault, parameters: [a], weightDecay: 0.5).step(lr: 0.01)
        Optimizer(.adamDefault, parameters: [b], weightDecay: 0.5).step(lr: 0.01)
        // AdamW: w·(1 − lr·λ) − lr·ĝ/(|ĝ|+ε) = 2·0.995 − 0.01
        #expect(abs(a.tensor.values[0] - (2 * 0.995 - 0.01)) < 1e-6)
        // Adam+L2: g' = 0.1 + 0.5·2 = 1.1 goes through the normalization: w − lr
        #expect(abs(b.tensor.values[0] - (2 - 0.01)) < 1e-6)
        let bias = param([2], grad: [0.1], decays: false)
        Optimizer(.adamWDefault, parameters: [bias], weightDecay: 0.5).step(lr: 0.01)
        #expect(abs(bias.tensor.values[0] - 1.99) < 1e-6, "no decay on non-decaying parameters")
    }

    @Test func clippingScalesToTheMaximumNorm() {
        let p = param([0, 0], grad: [3, 4])
        let opt = Optimizer(.sgd(momentum: 0), parameters: [p])
        #expect(abs(opt.clipGradients(maxNorm: 1) - 5) < 1e-9)
        #expect(abs(opt.gradientNorm() - 1) < 1e-5)
    }

    @Test func schedules() {
        let cosine = LearningRateSchedule(peak: 1, warmupSteps: 10, totalSteps: 110, decay: .cosine, minLR: 0.1)
        #expect(abs(cosine.rate(at: 0) - 0.1) < 1e-6)
        #expect(abs(cosine.rate(at: 9) - 1) < 1e-6)
        #expect(abs(cosine.rate(at: 60) - 0.55) < 1e-6)
        #expect(abs(cosine.rate(at: 110) - 0.1) < 1e-6)
        let linear = LearningRateSchedule(peak: 1, warmupSteps: 0, totalSteps: 100, decay: .linear)
        #expect(abs(linear.rate(at: 25) - 0.75) < 1e-6)
        #expect(LearningRateSchedule(peak: 0.3).rate(at: 1000) == 0.3)
    }

    @Test func shardedStepMatchesOneGraph() throws {
        let config = TransformerConfig(vocab: 10, dModel: 16, layers: 2, heads: 2, dFF: 32, maxLength: 8)
        let task = ReverseTask(vocab: 10, length: 8)
        func run(shards: Int) throws -> ([Float], [Float]) {
            let model = try Transformer(config, seed: 1)
            // SGD: Adam's first steps move every coordinate by ±lr whatever its size, which
            // would turn float-rounding differences of near-zero gradients into big ones.
            let t = Trainer(model: model, task: task, config: TrainingConfig(
                optimizer: .sgd(momentum: 0.9), schedule: .init(peak: 0.5), batchSize: 8, seed: 2, shards: shards))
            let losses = (0..<3).map { _ in t.step().loss }
            return (losses, model.parameters.flatMap { $0.tensor.values })
        }
        let (l1, w1) = try run(shards: 1), (l2, w2) = try run(shards: 2)
        for (a, b) in zip(l1, l2) { #expect(abs(a - b) < 1e-4) }
        #expect(zip(w1, w2).map { abs($0 - $1) }.max()! < 1e-4)
        #expect(try run(shards: 2).0 == l2, "sharded runs are deterministic too")
    }

    @Test func freezingByGroup() throws {
        let model = try Transformer(TransformerConfig(vocab: 10, dModel: 8, layers: 2, heads: 2, dFF: 16, maxLength: 8), seed: 1)
        model.setTrainable(false) { $0.name.hasPrefix("layers.0.") }
        #expect(model.trainableParameters.allSatisfy { !$0.name.hasPrefix("layers.0.") })
        let frozen = model.parameters.filter { $0.name.hasPrefix("layers.0.") }.map { $0.tensor.values }
        let t = Trainer(model: model, task: ReverseTask(vocab: 10, length: 8), config: TrainingConfig(batchSize: 4))
        for _ in 0..<3 { t.step() }
        #expect(model.parameters.filter { $0.name.hasPrefix("layers.0.") }.map { $0.tensor.values } == frozen)
    }

    @Test func freezingAfterTheTrainerExistsStopsMomentumAndDecay() throws {
        let model = try Transformer(TransformerConfig(vocab: 10, dModel: 8, layers: 2, heads: 2, dFF: 16, maxLength: 8), seed: 1)
        let t = Trainer(model: model, task: ReverseTask(vocab: 10, length: 8), config: TrainingConfig(weightDecay: 0.1, batchSize: 4))
        for _ in 0..<3 { t.step() }  // moments are non-zero now
        model.setTrainable(false) { $0.name.hasPrefix("layers.1.") }
        let frozen = model.parameters.filter { $0.name.hasPrefix("layers.1.") }.map { $0.tensor.values }
        let others = model.parameters.filter { $0.name == "embedding" }.map { $0.tensor.values }
        for _ in 0..<3 { t.step() }
        let unchanged = model.parameters.filter { $0.name.hasPrefix("layers.1.") }.map { $0.tensor.values } == frozen
        #expect(unchanged, "AdamW momentum and decay must not move parameters frozen after the optimizer was built")
        let trained = model.parameters.filter { $0.name == "embedding" }.map { $0.tensor.values } != others
        #expect(trained, "the rest still trains")
    }

    @Test func batchNormStatisticsStayWithAFrozenBase() throws {
        var config = TransformerConfig(vocab: 10, dModel: 8, layers: 2, heads: 2, dFF: 16, maxLength: 8)
        config.norm = .batchNorm
        func statistics(_ m: Transformer) -> [[Float]] { m.parameters.filter(\.isBuffer).map { $0.tensor.values } }
        for (method, moves) in [(PEFTMethod.lora(LoRAConfig(rank: 2, alpha: 4)), false), (.ia3, false), (.full, true), (.bitFit, true)] {
            let model = try Transformer(config, seed: 1)
            try model.attach(method, seed: 2)
            let before = statistics(model)
            let t = Trainer(model: model, task: ReverseTask(vocab: 10, length: 8), config: TrainingConfig(batchSize: 4))
            for _ in 0..<2 { t.step() }
            #expect((statistics(model) != before) == moves, "\(method.name): running statistics \(moves ? "should" : "should not") move")
        }
    }

    @Test func tunedParallelismShardsUnlessBatchNormAndNeverOversubscribes() {
        let layer = TransformerConfig(vocab: 64, dModel: 128, layers: 4, heads: 4, dFF: 512, maxLength: 64)
        var batch = layer
        batch.norm = .batchNorm
        #expect(Parallelism.tuned(for: layer, batchSize: 32, length: 64, cores: 2) == Parallelism(blasThreads: 1, loopThreads: 1, shards: 2))
        #expect(Parallelism.tuned(for: layer, batchSize: 32, length: 64, cores: 1) == .serial)
        #expect(Parallelism.tuned(for: layer, batchSize: 1, length: 64, cores: 2).shards == 1, "one sequence cannot be split")
        #expect(Parallelism.tuned(for: batch, batchSize: 32, length: 64, cores: 2) == Parallelism(blasThreads: 2, loopThreads: 2, shards: 1))
        #expect(Parallelism.tuned(for: batch, batchSize: 2, length: 4, cores: 2) == .serial, "tiny steps stay on one core")
        for cores in 1...8 {
            for config in [layer, batch] {
                let p = Parallelism.tuned(for: config, batchSize: 32, length: 64, cores: cores)
                #expect(p.shards == 1 || (p.blasThreads == 1 && p.loopThreads == 1), "\(p) oversubscribes")
                #expect(max(p.shards, p.blasThreads, p.loopThreads) <= cores)
            }
        }
        let applied = Parallelism(blasThreads: 1, loopThreads: 1, shards: 2).applied(to: TrainingConfig(threads: 2))
        #expect(applied.shards == 2 && applied.threads == 1)
    }
}
