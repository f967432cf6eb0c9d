import Foundation

extension Graph {
    /// log σ(x), elementwise, computed stably as −softplus(−x).
    public func logSigmoid(_ x: Tensor) -> Tensor {
        let y = tensor(x.shape), n = x.count
        for i in 0..<n {
            let v = x.data[i]
            y.data[i] = min(v, 0) - Foundation.log1p(Foundation.exp(-abs(v)))
        }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<n { dx[i] += dy[i] * (1 / (1 + Foundation.exp(x.data[i]))) }
        }
        return y
    }

    /// Mean squared error against constant targets: mean((x − t)²) as a scalar.
    public func meanSquaredError(_ x: Tensor, targets: [Float]) -> Tensor {
        precondition(targets.count == x.count, "\(targets.count) targets for \(x.count) values")
        let y = tensor([1]), n = x.count
        var s = 0.0
        for i in 0..<n { let d = Double(x.data[i] - targets[i]); s += d * d }
        y.data[0] = Float(s / Double(n))
        record(y, x) { [unowned self] in
            let g = y.grad![0] * 2 / Float(n), dx = self.grad(x)
            for i in 0..<n { dx[i] += g * (x.data[i] - targets[i]) }
        }
        return y
    }

    /// PPO's clipped surrogate loss (Schulman et al. 2017) over counted tokens:
    /// −mean over mask of min(ρ·A, clip(ρ, 1−ε, 1+ε)·A), ρ = exp(logp − oldLogp).
    ///
    /// Old log-probabilities and advantages are constants. The gradient flows only where the
    /// unclipped term is the minimum.
    public func ppoClippedLoss(logProbs: Tensor, oldLogProbs: [Float], advantages: [Float], mask: [Float], clip: Float) -> Tensor {
        let n = logProbs.count
        precondition(oldLogProbs.count == n && advantages.count == n && mask.count == n, "PPO inputs must have \(n) entries")
        let counted = max(mask.reduce(0, +), 1)
        let y = tensor([1]), active = tensor([n])
        var total = 0.0
        for i in 0..<n where mask[i] != 0 {
            let ratio = Foundation.exp(logProbs.data[i] - oldLogProbs[i]), a = advantages[i]
            let unclipped = ratio * a, clipped = min(max(ratio, 1 - clip), 1 + clip) * a
            active.data[i] = unclipped <= clipped ? ratio * a : 0  // d(objective)/d logp
            total += Double(min(unclipped, clipped) * mask[i])
        }
        for i in 0..<n where mask[i] == 0 { active.data[i] = 0 }
        y.data[0] = Float(-total / Double(counted))
        record(y, logProbs) { [unowned self] in
            let g = -y.grad![0] / counted, d = self.grad(logProbs)
            for i in 0..<n { d[i] += g * active.data[i] * mask[i] }
        }
        return y
    }
}
