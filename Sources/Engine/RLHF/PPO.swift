/// One batch of sampled responses with everything PPO needs, computed before the update.
///
/// Per-token arrays have B·(L−1) entries: entry t of a sequence is about predicting token
/// t+1. `mask` is 1 on response tokens and 0 on prompt tokens.
public struct Rollout: Sendable {
    /// Prompt + response tokens [B·L].
    public let sequences: [Int32]
    /// Sequences.
    public let batch: Int
    /// Tokens per sequence.
    public let length: Int
    /// Prompt tokens per sequence.
    public let promptLength: Int
    /// log π_old per token.
    public let logProbs: [Float]
    /// log π_ref per token.
    public let referenceLogProbs: [Float]
    /// Value estimates per token.
    public let values: [Float]
    /// Scalar reward per sequence (from the reward function, before the KL penalty).
    public let rewards: [Float]
    /// GAE advantages per token (0 off the response), normalized over the batch.
    public let advantages: [Float]
    /// Value targets per token.
    public let returns: [Float]
    /// 1 on response tokens.
    public let mask: [Float]
    /// Mean over sequences of Σ_t (log π − log π_ref) on the response: the sampled KL estimate.
    public let meanKL: Float
}

/// PPO for RLHF (Schulman et al. 2017; Ouyang et al. 2022): sample, score, shape rewards
/// with a per-token KL penalty against a frozen reference, estimate advantages with GAE,
/// then minimize the clipped surrogate plus a value loss.
public enum PPO {
    /// Samples `responseLength` tokens after each prompt and scores them. Throws when the
    /// sequences would not fit the policy's or the reference's positions.
    public static func rollout(
        policy: Transformer, valueHead: ScalarHead, reference: Transformer,
        prompts: [Int32], batch: Int, responseLength: Int, sampling: SamplingOptions,
        reward: ([Int32]) -> Float, klCoefficient: Float, gamma: Float = 1, lambda: Float = 0.95,
        rng: inout SeededRandom
    ) throws(EngineError) -> Rollout {
        let promptLength = prompts.count / batch
        // Scoring runs on the full sequence minus its last token.
        try reference.checkSequenceLength(promptLength + responseLength - 1)
        let seqs = try policy.generate(prompts: prompts, batch: batch, count: responseLength, options: sampling, rng: &rng)
        let length = promptLength + responseLength, steps = length - 1
        let g = Graph()
        g.recording = false
        g.training = false
        let logp = policy.tokenLogProbs(g, sequences: seqs, batch: batch, length: length).values
        let refLogp = reference.tokenLogProbs(g, sequences: seqs, batch: batch, length: length).values
        let values = valueEstimates(g, policy: policy, head: valueHead, sequences: seqs, batch: batch, length: length).values
        var mask = [Float](repeating: 0, count: batch * steps)
        var advantages = mask, returns = mask, rewards: [Float] = []
        var kl: Float = 0
        for b in 0..<batch {
            let response = Array(seqs[(b * length + promptLength)..<((b + 1) * length)])
            let r = reward(response)
            rewards.append(r)
            let span = (b * steps + promptLength - 1)..<((b + 1) * steps)
            let shaped = PPOMath.shapedRewards(logProbs: Array(logp[span]), referenceLogProbs: Array(refLogp[span]), finalReward: r, klCoefficient: klCoefficient)
            let (adv, ret) = PPOMath.gae(rewards: shaped, values: Array(values[span]), gamma: gamma, lambda: lambda)
            for (k, i) in span.enumerated() {
                mask[i] = 1; advantages[i] = adv[k]; returns[i] = ret[k]
                kl += logp[i] - refLogp[i]
            }
        }
        // Normalized advantages keep the step size independent of the reward scale.
        let counted = mask.reduce(0, +)
        let mean = zip(advantages, mask).map { $0 * $1 }.reduce(0, +) / counted
        let variance = zip(advantages, mask).map { ($0 - mean) * ($0 - mean) * $1 }.reduce(0, +) / counted
        let scale = 1 / (variance.squareRoot() + 1e-6)
        let normalized = zip(advantages, mask).map { ($0 - mean) * scale * $1 }
        return Rollout(sequences: seqs, batch: batch, length: length, promptLength: promptLength, logProbs: logp,
                       referenceLogProbs: refLogp, values: values, rewards: rewards, advantages: normalized,
                       returns: returns, mask: mask, meanKL: kl / Float(batch))
    }

    /// Clipped surrogate loss + `valueCoefficient` · value MSE on the response tokens.
    public static func loss(_ g: Graph, policy: Transformer, valueHead: ScalarHead, rollout r: Rollout, clip: Float = 0.2, valueCoefficient: Float = 0.5) -> Tensor {
        let steps = r.length - 1
        var inputs: [Int32] = [], next: [Int32] = []
        for b in 0..<r.batch {
            inputs += r.sequences[(b * r.length)..<((b + 1) * r.length - 1)]
            next += r.sequences[(b * r.length + 1)..<((b + 1) * r.length)]
        }
        let hidden = policy.hidden(g, tokens: inputs, batch: r.batch, length: steps)
        let logp = g.tokenLogProbs(policy.logits(g, hidden: hidden), tokens: next)
        let policyLoss = g.ppoClippedLoss(logProbs: logp, oldLogProbs: r.logProbs, advantages: r.advantages, mask: r.mask, clip: clip)
        let values = valueHead.values(g, hidden: hidden)
        // Value loss only on response tokens: targets equal predictions elsewhere.
        let targets = (0..<values.count).map { r.mask[$0] != 0 ? r.returns[$0] : values.data[$0] }
        let valueLoss = g.meanSquaredError(values, targets: targets)
        return g.addScaled(policyLoss, alpha: 1, valueLoss, beta: valueCoefficient * Float(values.count) / max(r.mask.reduce(0, +), 1))
    }

    static func valueEstimates(_ g: Graph, policy: Transformer, head: ScalarHead, sequences: [Int32], batch: Int, length: Int) -> Tensor {
        var inputs: [Int32] = []
        for b in 0..<batch { inputs += sequences[(b * length)..<((b + 1) * length - 1)] }
        return head.values(g, hidden: policy.hidden(g, tokens: inputs, batch: batch, length: length - 1))
    }
}
