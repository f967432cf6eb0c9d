import CKernels
import Foundation

extension Graph {
    /// LayerNorm over the last dimension: x [..., C], gain [C], shift [C] → [..., C].
    public func layerNorm(_ x: Tensor, gain: Tensor, shift: Tensor, eps: Float = 1e-5) -> Tensor {
        let c = x.cols, r = x.rows
        let y = tensor(x.shape), stats = tensor([r, 2])  // mean, 1/std per row
        let px = SendablePointer(x.data), py = SendablePointer(y.data), ps = SendablePointer(stats.data)
        let g = SendablePointer(gain.data), b = SendablePointer(shift.data)
        let chunks = r * c >= 32_768 ? threads : 1
        parallelFor(chunks, threads: threads) { ch in
            let rows = chunkRange(ch, of: chunks, total: r)
            dojo_layernorm_forward(px.p, g.p, b.p, py.p, ps.p, rows.lowerBound, rows.upperBound, c, eps)
        }
        record(y, inputs: [x, gain, shift]) { [unowned self] in
            let dy = SendablePointer(y.grad!)
            if x.requiresGrad {
                let (claimed, fresh) = self.claimGrad(x)
                let dx = SendablePointer(claimed)
                parallelFor(chunks, threads: self.threads) { ch in
                    let rows = chunkRange(ch, of: chunks, total: r)
                    dojo_layernorm_backward(px.p, g.p, ps.p, dy.p, dx.p, rows.lowerBound, rows.upperBound, c, fresh ? 1 : 0)
                }
            }
            if gain.requiresGrad || shift.requiresGrad {
                let dg = gain.requiresGrad ? self.grad(gain) : nil
                let db = shift.requiresGrad ? self.grad(shift) : nil
                for i in 0..<r {
                    let row = px.p + i * c, gy = dy.p + i * c
                    let mean = ps.p[2 * i], rstd = ps.p[2 * i + 1]
                    if let dg { for j in 0..<c { dg[j] += gy[j] * (row[j] - mean) * rstd } }
                    if let db { for j in 0..<c { db[j] += gy[j] } }
                }
            }
        }
        return y
    }

    /// RMSNorm (Zhang & Sennrich 2019) over the last dimension: x / rms(x) · gain.
    public func rmsNorm(_ x: Tensor, gain: Tensor, eps: Float = 1e-5) -> Tensor {
        let c = x.cols, r = x.rows
        let y = tensor(x.shape), stats = tensor([r])
        for i in 0..<r {
            let row = x.data + i * c, out = y.data + i * c
            var ss: Float = 0
            for j in 0..<c { ss += row[j] * row[j] }
            let rr = 1 / (ss / Float(c) + eps).squareRoot()
            stats.data[i] = rr
            for j in 0..<c { out[j] = row[j] * rr * gain.data[j] }
        }
        record(y, x, gain) { [unowned self] in
            let dy = y.grad!
            let dx = x.requiresGrad ? self.grad(x) : nil
            let dg = gain.requiresGrad ? self.grad(gain) : nil
            for i in 0..<r {
                let row = x.data + i * c, gy = dy + i * c, rr = stats.data[i]
                if let dg { for j in 0..<c { dg[j] += gy[j] * row[j] * rr } }
                if let dx {
                    var dot: Float = 0
                    for j in 0..<c { dot += gy[j] * gain.data[j] * row[j] * rr }
                    dot /= Float(c)
                    let d = dx + i * c
                    for j in 0..<c { d[j] += rr * (gy[j] * gain.data[j] - row[j] * rr * dot) }
                }
            }
        }
        return y
    }

    /// BatchNorm over every row (batch × time) per channel.
    ///
    /// Training uses the batch's statistics and moves the running ones by `momentum`;
    /// evaluation uses the running ones. With causal language models the batch statistics
    /// mix information across positions and examples, which is the failure an experiment shows.
    /// With `updateStatistics` false, training still normalizes by the batch's statistics but
    /// leaves the running ones as they are (a frozen base during PEFT).
    public func batchNorm(
        _ x: Tensor, gain: Tensor, shift: Tensor, runningMean: Tensor, runningVar: Tensor,
        momentum: Float = 0.1, eps: Float = 1e-5, updateStatistics: Bool = true
    ) -> Tensor {
        let c = x.cols, r = x.rows
        let y = tensor(x.shape), stats = tensor([2, c])  // mean, 1/std per channel
        let mean = stats.data, rstd = stats.data + c
        if training {
            var sum = [Double](repeating: 0, count: c), sq = [Double](repeating: 0, count: c)
            for i in 0..<r { for j in 0..<c { let v = Double(x.data[i * c + j]); sum[j] += v; sq[j] += v * v } }
            for j in 0..<c {
                let m = sum[j] / Double(r), v = max(0, sq[j] / Double(r) - m * m)
                mean[j] = Float(m)
                rstd[j] = Float(1 / (v + Double(eps)).squareRoot())
                guard updateStatistics else { continue }
                let unbiased = r > 1 ? v * Double(r) / Double(r - 1) : v
                runningMean.data[j] = (1 - momentum) * runningMean.data[j] + momentum * Float(m)
                runningVar.data[j] = (1 - momentum) * runningVar.data[j] + momentum * Float(unbiased)
            }
        } else {
            for j in 0..<c { mean[j] = runningMean.data[j]; rstd[j] = 1 / (runningVar.data[j] + eps).squareRoot() }
        }
        for i in 0..<r {
            for j in 0..<c {
                y.data[i * c + j] = (x.data[i * c + j] - mean[j]) * rstd[j] * gain.data[j] + shift.data[j]
            }
        }
        let batchStats = training
        record(y, inputs: [x, gain, shift]) { [unowned self] in
            let dy = y.grad!
            var sumD = [Float](repeating: 0, count: c), sumDX = [Float](repeating: 0, count: c)
            for i in 0..<r {
                for j in 0..<c {
                    let xh = (x.data[i * c + j] - mean[j]) * rstd[j], g = dy[i * c + j]
                    sumD[j] += g; sumDX[j] += g * xh
                }
            }
            if gain.requiresGrad { let dg = self.grad(gain); for j in 0..<c { dg[j] += sumDX[j] } }
            if shift.requiresGrad { let db = self.grad(shift); for j in 0..<c { db[j] += sumD[j] } }
            guard x.requiresGrad else { return }
            let dx = self.grad(x), n = Float(r)
            for i in 0..<r {
                for j in 0..<c {
                    let k = i * c + j
                    if batchStats {
                        let xh = (x.data[k] - mean[j]) * rstd[j]
                        dx[k] += gain.data[j] * rstd[j] * (dy[k] - sumD[j] / n - xh * sumDX[j] / n)
                    } else {
                        dx[k] += gain.data[j] * rstd[j] * dy[k]
                    }
                }
            }
        }
        return y
    }
}
