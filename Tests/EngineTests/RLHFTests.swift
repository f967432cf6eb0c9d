import Testing
@testable import Engine

/// Sampling, sequence log-probabilities, heads and RLHF losses.
@Suite(.serialized) struct RLHFTests {
    init() { BLASRuntime.threads = 1 }

    static let config = TransformerConfig(vocab: 9, dModel: 8, layers: 1, heads: 2, dFF: 16, maxLength: 8, initStd: 0.3)

    func check(_ params: [(String, Tensor)], _ loss: (Graph) -> Tensor) {
        let outcome = GradientCheck().run(params, loss: loss)
        #expect(outcome.maxError < 1e-2, "\(outcome)")
    }

    @Test func policyOpGradients() {
        let x = randomTensor([6], seed: 1)
        check([("x", x)]) { g in g.probe(g.logSigmoid(x)) }
        check([("x", x)]) { g in g.meanSquaredError(x, targets: [0.1, -0.2, 0.3, 1, 2, -1]) }
        // Ratios e^(x − old) with old = x − 0.05·k stay off the clip boundary 1 ± 0.2 for these k.
        let old = (0..<6).map { x.data[$0] - [0.0, 0.3, -0.4, 0.1, 0.05, -0.1][$0] }
        check([("x", x)]) { g in
            g.ppoClippedLoss(logProbs: x, oldLogProbs: old, advantages: [1, -1, 2, -0.5, 0.7, 1], mask: [1, 1, 1, 1, 0, 1], clip: 0.2)
        }
    }

    @Test func clippedRatiosGetNoGradient() {
        let x = Tensor(shape: [2], values: [0.5, 0.5])
        let g = Graph()
        // ρ = e^0.5 ≈ 1.65 > 1.2: with A > 0 the clipped term is smaller, so no gradient.
        let loss = g.ppoClippedLoss(logProbs: x, oldLogProbs: [0, 0.45], advantages: [1, 1], mask: [1, 1], clip: 0.2)
        g.backward(loss)
        #expect(x.gradValues[0] == 0)
        #expect(x.gradValues[1] < 0)
    }

    @Test func modelLossGradients() throws {
        let model = try Transformer(Self.config, seed: 1)
        let head = ScalarHead(width: 8, seed: 2)
        let params = model.trainableParameters.map { ($0.name, $0.tensor) } + head.parameters.map { ($0.name, $0.tensor) }
        let chosen: [Int32] = [1, 2, 3, 4, 5, 6, 1, 3, 5, 7, 2, 4]
        let rejected: [Int32] = [1, 2, 3, 8, 8, 8, 1, 3, 5, 0, 0, 0]
        check(params) { g in
            RLHFLoss.bradleyTerry(g, chosen: head.reward(g, hidden: model.hidden(g, tokens: chosen, batch: 2, length: 6)),
                                  rejected: head.reward(g, hidden: model.hidden(g, tokens: rejected, batch: 2, length: 6)))
        }
        check(model.trainableParameters.map { ($0.name, $0.tensor) }) { g in
            RLHFLoss.dpo(g, policyChosen: model.sequenceLogProbs(g, sequences: chosen, batch: 2, length: 6, from: 3),
                         policyRejected: model.sequenceLogProbs(g, sequences: rejected, batch: 2, length: 6, from: 3),
                         referenceChosen: [-7, -6.5], referenceRejected: [-6, -8], beta: 0.5)
        }
        check(model.trainableParameters.map { ($0.name, $0.tensor) }) { g in
            RLHFLoss.reinforce(g, sequenceLogProbs: model.sequenceLogProbs(g, sequences: chosen, batch: 2, length: 6, from: 3),
                               rewards: [1, -0.5], baseline: 0.2)
        }
        check(head.parameters.map { ($0.name, $0.tensor) } + [params[0]]) { g in
            g.meanSquaredError(head.values(g, hidden: model.hidden(g, tokens: chosen, batch: 2, length: 6)), targets: (0..<12).map { Float($0) / 12 })
        }
    }

    @Test func sequenceLogProbsSumTheResponseTokens() throws {
        let model = try Transformer(Self.config, seed: 1)
        let seq: [Int32] = [1, 2, 3, 4, 5]
        let g = Graph()
        g.recording = false
        let perToken = model.tokenLogProbs(g, sequences: seq, batch: 1, length: 5).values
        let total = model.sequenceLogProbs(g, sequences: seq, batch: 1, length: 5, from: 2).item
        // Positions 2, 3, 4 are scored: the log-probs of tokens 3, 4, 5 (per-token indices 1…3).
        #expect(abs(total - (perToken[1] + perToken[2] + perToken[3])) < 1e-5)
        #expect(perToken.allSatisfy { $0 < 0 })
    }

    @Test func samplingFilters() {
        let logits: [Float] = [2, 1, 0, 3, -1]
        let greedy = SamplingOptions(temperature: 0).distribution(logits)
        #expect(greedy == [0, 0, 0, 1, 0])
        let top2 = SamplingOptions(topK: 2).distribution(logits)
        #expect(top2.enumerated().filter { $0.element > 0 }.map(\.offset) == [0, 3])
        #expect(abs(top2[3] - 1 / (1 + Foundation.exp(-1.0))) < 1e-9)
        // Probabilities ≈ .64 .24 .09 .03 .01 (sorted): top-p 0.8 keeps two, 0.9 keeps three.
        #expect(SamplingOptions(topP: 0.8).distribution(logits).filter { $0 > 0 }.count == 2)
        #expect(SamplingOptions(topP: 0.9).distribution(logits).filter { $0 > 0 }.count == 3)
        let hot = SamplingOptions(temperature: 10).distribution(logits), cold = SamplingOptions(temperature: 0.5).distribution(logits)
        #expect(hot.max()! < cold.max()!)
        var rng = SeededRandom(seed: 1)
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<4000 { counts[Int(SamplingOptions(topK: 2).sample(logits, rng: &rng))] += 1 }
        #expect(counts[1] == 0 && counts[2] == 0 && counts[4] == 0)
        #expect(abs(Double(counts[3]) / 4000 - top2[3]) < 0.03)
    }

    @Test func generationAppendsSampledTokens() throws {
        let model = try Transformer(Self.config, seed: 1)
        var r1 = SeededRandom(seed: 5), r2 = SeededRandom(seed: 5)
        let a = try model.generate(prompts: [1, 2, 3, 4], batch: 2, count: 3, options: .init(topK: 3), rng: &r1)
        let b = try model.generate(prompts: [1, 2, 3, 4], batch: 2, count: 3, options: .init(topK: 3), rng: &r2)
        #expect(a == b && a.count == 10)
        #expect(Array(a[0..<2]) == [1, 2] && Array(a[5..<7]) == [3, 4])
    }

    @Test func generatingPastLearnedPositionsThrowsInsteadOfTrapping() throws {
        // maxLength 8: a 4-token prompt may grow by 5 (the last forward pass sees 8 tokens), not 6.
        let model = try Transformer(Self.config, seed: 1)
        var rng = SeededRandom(seed: 5)
        #expect(try model.generate(prompts: [1, 2, 3, 4], batch: 1, count: 5, options: .init(), rng: &rng).count == 9)
        do {
            _ = try model.generate(prompts: [1, 2, 3, 4], batch: 1, count: 6, options: .init(), rng: &rng)
            Issue.record("generated past maxLength")
        } catch {
            #expect(error.description.contains("9 tokens per sequence") && error.description.contains("cover 8"), "\(error)")
        }
        let head = ScalarHead(width: 8, seed: 2)
        #expect(throws: EngineError.self) {
            _ = try PPO.rollout(policy: model, valueHead: head, reference: model.clone(), prompts: [1, 2, 3, 4], batch: 1, responseLength: 6,
                                sampling: .init(), reward: { _ in 0 }, klCoefficient: 0.1, rng: &rng)
        }
        // Soft-prompt tokens take positions too, and the message says so.
        let prompted = try Transformer(Self.config, seed: 1)
        try prompted.attach(.promptTuning(tokens: 3, fromVocabulary: true), seed: 2)
        #expect(prompted.maxSequenceLength == 5)
        do { try prompted.checkSequenceLength(6); Issue.record("6 tokens fit 5") } catch {
            #expect(error.description.contains("minus 3 soft-prompt tokens"), "\(error)")
        }
        // Schemes without a table have no limit.
        var alibi = Self.config
        alibi.positions = .alibi
        #expect(try Transformer(alibi, seed: 1).generate(prompts: [1, 2, 3, 4], batch: 1, count: 8, options: .init(), rng: &rng).count == 12)
    }

    @Test func gaeMatchesHandComputation() {
        let (adv, ret) = PPOMath.gae(rewards: [1, 0, 2], values: [0.5, 1, 0.5], gamma: 0.9, lambda: 0.8)
        for (a, e) in zip(adv, [Float(1.7816), 0.53, 1.5]) { #expect(abs(a - e) < 1e-5) }
        for (a, e) in zip(ret, [Float(2.2816), 1.53, 2.0]) { #expect(abs(a - e) < 1e-5) }
        let shaped = PPOMath.shapedRewards(logProbs: [-1, -2], referenceLogProbs: [-1.5, -1], finalReward: 3, klCoefficient: 0.1)
        #expect(abs(shaped[0] - -0.05) < 1e-6 && abs(shaped[1] - (0.1 + 3)) < 1e-6)
    }

    @Test func dpoRaisesChosenOverRejected() throws {
        let model = try Transformer(Self.config, seed: 3)
        let chosen: [Int32] = [1, 2, 3, 4, 1, 2, 3, 4], rejected: [Int32] = [1, 2, 7, 7, 1, 2, 6, 6]
        func margin() -> Float {
            let g = Graph(); g.recording = false
            let c = model.sequenceLogProbs(g, sequences: chosen, batch: 2, length: 4, from: 2).values
            let r = model.sequenceLogProbs(g, sequences: rejected, batch: 2, length: 4, from: 2).values
            return c[0] + c[1] - r[0] - r[1]
        }
        let (refC, refR): ([Float], [Float]) = {
            let g = Graph(); g.recording = false
            return (model.sequenceLogProbs(g, sequences: chosen, batch: 2, length: 4, from: 2).values,
                    model.sequenceLogProbs(g, sequences: rejected, batch: 2, length: 4, from: 2).values)
        }()
        let before = margin()
        let opt = Optimizer(.adamWDefault, parameters: model.trainableParameters)
        let g = Graph()
        for _ in 0..<20 {
            g.reset()
            let loss = RLHFLoss.dpo(g, policyChosen: model.sequenceLogProbs(g, sequences: chosen, batch: 2, length: 4, from: 2),
                                    policyRejected: model.sequenceLogProbs(g, sequences: rejected, batch: 2, length: 4, from: 2),
                                    referenceChosen: refC, referenceRejected: refR, beta: 0.1)
            g.backward(loss)
            opt.step(lr: 1e-2)
        }
        #expect(margin() > before + 1)
    }
}

import Foundation

/// End-to-end RLHF loops on a toy reward.
@Suite(.serialized) struct RLHFLoopTests {
    init() { BLASRuntime.threads = 1 }

    @Test func ppoRaisesRewardAndTracksKL() throws {
        let config = TransformerConfig(vocab: 6, dModel: 16, layers: 1, heads: 2, dFF: 32, maxLength: 8)
        let policy = try Transformer(config, seed: 1)
        let reference = policy.clone()
        reference.freezeAll()
        let head = ScalarHead(width: 16, seed: 2)
        let opt = Optimizer(.adamWDefault, parameters: policy.trainableParameters + head.parameters)
        var rng = SeededRandom(seed: 3)
        let prompts = [Int32](repeating: 0, count: 16 * 2)
        // Reward: the share of response tokens equal to 3.
        let reward = { (r: [Int32]) -> Float in Float(r.filter { $0 == 3 }.count) / Float(r.count) }
        func meanReward(_ r: Rollout) -> Float { r.rewards.reduce(0, +) / Float(r.rewards.count) }
        let first = try PPO.rollout(policy: policy, valueHead: head, reference: reference, prompts: prompts, batch: 16, responseLength: 4,
                                sampling: .init(), reward: reward, klCoefficient: 0.05, rng: &rng)
        #expect(abs(first.meanKL) < 1e-5, "policy starts equal to the reference")
        let g = Graph()
        var last = first
        for _ in 0..<25 {
            last = try PPO.rollout(policy: policy, valueHead: head, reference: reference, prompts: prompts, batch: 16, responseLength: 4,
                               sampling: .init(), reward: reward, klCoefficient: 0.05, rng: &rng)
            for _ in 0..<2 {
                g.reset()
                g.backward(PPO.loss(g, policy: policy, valueHead: head, rollout: last))
                opt.step(lr: 1e-2)
            }
        }
        #expect(meanReward(last) > meanReward(first) + 0.3, "reward \(meanReward(first)) → \(meanReward(last))")
        #expect(last.meanKL > 0.1, "the policy moved away from the reference")
    }

    @Test func rewardModelLearnsPreferences() throws {
        let config = TransformerConfig(vocab: 6, dModel: 16, layers: 1, heads: 2, dFF: 32, maxLength: 6)
        let model = try Transformer(config, seed: 1)
        let head = ScalarHead(width: 16, seed: 2)
        let opt = Optimizer(.adamWDefault, parameters: model.trainableParameters + head.parameters)
        var rng = SeededRandom(seed: 4)
        // Preferred: more 5s. Pairs differ in one position.
        func pair() -> ([Int32], [Int32]) {
            var a = (0..<6).map { _ in Int32(rng.int(below: 5)) }
            let b = a
            a[rng.int(below: 6)] = 5
            return (a, b)
        }
        let g = Graph()
        for _ in 0..<150 {
            var c: [Int32] = [], r: [Int32] = []
            for _ in 0..<16 { let (x, y) = pair(); c += x; r += y }
            g.reset()
            let loss = RLHFLoss.bradleyTerry(g, chosen: head.reward(g, hidden: model.hidden(g, tokens: c, batch: 16, length: 6)),
                                             rejected: head.reward(g, hidden: model.hidden(g, tokens: r, batch: 16, length: 6)))
            g.backward(loss)
            opt.step(lr: 3e-3)
        }
        var correct = 0
        g.recording = false
        for _ in 0..<64 {
            let (x, y) = pair()
            g.reset()
            let rc = head.reward(g, hidden: model.hidden(g, tokens: x, batch: 1, length: 6)).item
            let rr = head.reward(g, hidden: model.hidden(g, tokens: y, batch: 1, length: 6)).item
            if rc > rr { correct += 1 }
        }
        #expect(correct >= 56, "preference accuracy \(correct)/64")
    }
}
