/// RLHF objectives built from graph ops; each returns a scalar loss tensor.
public enum RLHFLoss {
    /// Bradley–Terry reward-model loss: mean −log σ(r_chosen − r_rejected) (Ouyang et al. 2022).
    public static func bradleyTerry(_ g: Graph, chosen: Tensor, rejected: Tensor) -> Tensor {
        let margin = g.addScaled(chosen, alpha: 1, rejected, beta: -1)
        return g.scale(g.sum(g.logSigmoid(margin)), -1 / Float(margin.count))
    }

    /// DPO (Rafailov et al. 2023): mean −log σ(β·[(log π_c − log ref_c) − (log π_r − log ref_r)]),
    /// with the reference log-probabilities as constants.
    public static func dpo(_ g: Graph, policyChosen: Tensor, policyRejected: Tensor,
                           referenceChosen: [Float], referenceRejected: [Float], beta: Float) -> Tensor {
        let n = policyChosen.count
        let diff = g.addScaled(policyChosen, alpha: 1, policyRejected, beta: -1)
        let refMargin = g.constant((0..<n).map { -beta * (referenceChosen[$0] - referenceRejected[$0]) }, shape: [n])
        let logits = g.addScaled(diff, alpha: beta, refMargin, beta: 1)
        return g.scale(g.sum(g.logSigmoid(logits)), -1 / Float(n))
    }

    /// REINFORCE with a baseline (Williams 1992): −mean_b (R_b − baseline)·log π(sequence_b).
    public static func reinforce(_ g: Graph, sequenceLogProbs: Tensor, rewards: [Float], baseline: Float) -> Tensor {
        let n = sequenceLogProbs.count
        return g.weightedSum(sequenceLogProbs, weights: rewards.map { -($0 - baseline) / Float(n) })
    }
}

/// Pure helpers for PPO's advantage estimation and KL-shaped rewards.
public enum PPOMath {
    /// Per-token rewards: −β·(log π − log π_ref) at every response token, plus the scalar
    /// sequence reward on the last one (Ziegler et al. 2019; Ouyang et al. 2022).
    public static func shapedRewards(logProbs: [Float], referenceLogProbs: [Float], finalReward: Float, klCoefficient beta: Float) -> [Float] {
        var r = zip(logProbs, referenceLogProbs).map { -beta * ($0 - $1) }
        if !r.isEmpty { r[r.count - 1] += finalReward }
        return r
    }

    /// Generalized advantage estimation (Schulman et al. 2016) for one episode:
    /// δ_t = r_t + γ·V_{t+1} − V_t, A_t = Σ (γλ)^k δ_{t+k}; returns A and the value targets A + V.
    public static func gae(rewards: [Float], values: [Float], gamma: Float, lambda: Float) -> (advantages: [Float], returns: [Float]) {
        let n = rewards.count
        var adv = [Float](repeating: 0, count: n)
        var running: Float = 0
        for t in stride(from: n - 1, through: 0, by: -1) {
            let nextValue = t + 1 < n ? values[t + 1] : 0
            let delta = rewards[t] + gamma * nextValue - values[t]
            running = delta + gamma * lambda * running
            adv[t] = running
        }
        return (adv, zip(adv, values).map { $0 + $1 })
    }
}
