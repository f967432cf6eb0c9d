import Foundation

/// The loss of a batch with the argmax accuracy counted in the same pass.
public struct CrossEntropyResult {
    /// Mean negative log-likelihood over counted targets, a scalar in the graph.
    public let loss: Tensor
    /// Targets whose logit was the row's largest.
    public let correct: Int
    /// Targets that were not ignored (target ≥ 0).
    public let counted: Int
    /// correct / counted.
    public var accuracy: Double { counted == 0 ? 0 : Double(correct) / Double(counted) }
}

extension Graph {
    /// Softmax over the last dimension.
    public func softmax(_ x: Tensor) -> Tensor {
        let c = x.cols, r = x.rows
        let y = tensor(x.shape)
        for i in 0..<r { softmaxRow(x.data + i * c, y.data + i * c, c) }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<r {
                let p = y.data + i * c, g = dy + i * c, d = dx + i * c
                var dot: Float = 0
                for j in 0..<c { dot += p[j] * g[j] }
                for j in 0..<c { d[j] += p[j] * (g[j] - dot) }
            }
        }
        return y
    }

    /// Fused softmax + cross-entropy: logits [N, V], targets [N] (−1 = ignore) → mean loss.
    ///
    /// Backward writes (softmax − onehot)/counted into d logits: no [N, V] softmax tensor is
    /// kept beyond one probability buffer.
    public func crossEntropy(_ logits: Tensor, targets: [Int32]) -> CrossEntropyResult {
        let v = logits.cols, n = logits.rows
        precondition(targets.count == n, "crossEntropy: \(targets.count) targets for \(n) rows")
        let probs = tensor([n, v])
        var total = 0.0, correct = 0, counted = 0
        for i in 0..<n {
            let row = logits.data + i * v, p = probs.data + i * v
            // A NaN or infinite logit must surface as a non-finite loss (divergence), not be
            // absorbed by the softmax's max subtraction.
            var finite = true
            for j in 0..<v where !row[j].isFinite { finite = false }
            if !finite { total = .nan }
            softmaxRow(row, p, v)
            let t = Int(targets[i])
            guard t >= 0 else { continue }
            precondition(t < v, "target \(t) outside vocabulary of \(v)")
            counted += 1
            total -= Double(Foundation.log(max(p[t], 1e-30)))
            var best = 0
            for j in 1..<v where row[j] > row[best] { best = j }
            if best == t { correct += 1 }
        }
        let loss = tensor([1])
        loss.data[0] = counted == 0 ? 0 : Float(total / Double(counted))
        let inv = counted == 0 ? 0 : 1 / Float(counted)
        record(loss, logits) { [unowned self] in
            let g = loss.grad![0] * inv, dl = self.grad(logits)
            for i in 0..<n where targets[i] >= 0 {
                let p = probs.data + i * v, d = dl + i * v
                for j in 0..<v { d[j] += g * p[j] }
                d[Int(targets[i])] -= g
            }
        }
        return CrossEntropyResult(loss: loss, correct: correct, counted: counted)
    }

    /// log p(token) under softmax(logits): logits [N, V], tokens [N] → [N].
    public func tokenLogProbs(_ logits: Tensor, tokens: [Int32]) -> Tensor {
        let v = logits.cols, n = logits.rows
        precondition(tokens.count == n, "tokenLogProbs: \(tokens.count) tokens for \(n) rows")
        let probs = tensor([n, v]), y = tensor([n])
        for i in 0..<n {
            let p = probs.data + i * v
            softmaxRow(logits.data + i * v, p, v)
            y.data[i] = Foundation.log(max(p[Int(tokens[i])], 1e-30))
        }
        record(y, logits) { [unowned self] in
            let dy = y.grad!, dl = self.grad(logits)
            for i in 0..<n {
                let p = probs.data + i * v, d = dl + i * v, g = dy[i]
                for j in 0..<v { d[j] -= g * p[j] }
                d[Int(tokens[i])] += g
            }
        }
        return y
    }
}

