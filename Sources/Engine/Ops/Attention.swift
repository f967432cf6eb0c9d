import Foundation

extension Graph {
    /// Causal multi-head attention on projected q, k, v [B, T, D] (D = heads · headDim).
    ///
    /// - prefixKeys/prefixValues [P, D]: extra keys every query may see (prefix tuning),
    ///   shared across the batch and not masked.
    /// - bias [H, T, P + T]: added to the scaled scores before the mask (ALiBi, T5 buckets).
    ///
    /// Caches the probabilities [B, H, T, P + T] for backward; the pre-softmax scores are not
    /// kept. Work is split across threads by head, so gradients of shared tensors (prefixes,
    /// bias) are written by one thread each.
    public func attention(
        q: Tensor, k: Tensor, v: Tensor, heads: Int,
        prefixKeys: Tensor? = nil, prefixValues: Tensor? = nil, bias: Tensor? = nil
    ) -> Tensor {
        let d = q.cols, t = q.shape[q.shape.count - 2], b = q.count / (t * d)
        precondition(d % heads == 0, "model width \(d) is not divisible by \(heads) heads")
        precondition(k.shape == q.shape && v.shape == q.shape, "attention: q \(q.shape) k \(k.shape) v \(v.shape)")
        let hd = d / heads, p = prefixKeys?.shape[0] ?? 0, s = p + t
        if let bias { precondition(bias.shape == [heads, t, s], "attention bias \(bias.shape) != \([heads, t, s])") }
        let scale = 1 / Float(hd).squareRoot()
        let out = tensor(q.shape), probs = tensor([b, heads, t, s])
        let chunks = min(heads, max(1, threads))
        let scratch = tensor([chunks, t, s])
        let Q = SendablePointer(q.data), K = SendablePointer(k.data), V = SendablePointer(v.data)
        let PK = prefixKeys.map { SendablePointer($0.data) }, PV = prefixValues.map { SendablePointer($0.data) }
        let A = SendablePointer(probs.data), O = SendablePointer(out.data)
        let Bias = bias.map { SendablePointer($0.data) }

        parallelFor(chunks, threads: threads) { c in
            for h in chunkRange(c, of: chunks, total: heads) {
                for bi in 0..<b {
                    let qb = Q.p + bi * t * d + h * hd, kb = K.p + bi * t * d + h * hd
                    let vb = V.p + bi * t * d + h * hd, ob = O.p + bi * t * d + h * hd
                    let att = A.p + (bi * heads + h) * t * s
                    if let PK { sgemm(false, true, m: t, n: p, k: hd, alpha: scale, qb, lda: d, PK.p + h * hd, ldb: d, beta: 0, att, ldc: s) }
                    sgemm(false, true, m: t, n: t, k: hd, alpha: scale, qb, lda: d, kb, ldb: d, beta: 0, att + p, ldc: s)
                    for i in 0..<t {
                        let row = att + i * s, valid = p + i + 1
                        if let Bias { let br = Bias.p + (h * t + i) * s; for j in 0..<valid { row[j] += br[j] } }
                        softmaxRow(row, row, valid)
                        for j in valid..<s { row[j] = 0 }
                    }
                    sgemm(false, false, m: t, n: hd, k: t, att + p, lda: s, vb, ldb: d, beta: 0, ob, ldc: d)
                    if let PV { sgemm(false, false, m: t, n: hd, k: p, att, lda: s, PV.p + h * hd, ldb: d, beta: 1, ob, ldc: d) }
                }
            }
        }

        record(out, inputs: [q, k, v, prefixKeys, prefixValues, bias]) { [unowned self] in
            let dO = SendablePointer(out.grad!)
            let dQ = q.requiresGrad ? SendablePointer(self.grad(q)) : nil
            let dK = k.requiresGrad ? SendablePointer(self.grad(k)) : nil
            let dV = v.requiresGrad ? SendablePointer(self.grad(v)) : nil
            let dPK = prefixKeys.flatMap { $0.requiresGrad ? SendablePointer(self.grad($0)) : nil }
            let dPV = prefixValues.flatMap { $0.requiresGrad ? SendablePointer(self.grad($0)) : nil }
            let dBias = bias.flatMap { $0.requiresGrad ? SendablePointer(self.grad($0)) : nil }
            let needScores = dQ != nil || dK != nil || dPK != nil || dBias != nil
            let S = SendablePointer(scratch.data)
            parallelFor(chunks, threads: self.threads) { c in
                let ds = S.p + c * t * s
                for h in chunkRange(c, of: chunks, total: heads) {
                    for bi in 0..<b {
                        let off = bi * t * d + h * hd
                        let att = A.p + (bi * heads + h) * t * s, go = dO.p + off
                        if let dV { sgemm(true, false, m: t, n: hd, k: t, att + p, lda: s, go, ldb: d, beta: 1, dV.p + off, ldc: d) }
                        if let dPV { sgemm(true, false, m: p, n: hd, k: t, att, lda: s, go, ldb: d, beta: 1, dPV.p + h * hd, ldc: d) }
                        guard needScores else { continue }
                        sgemm(false, true, m: t, n: t, k: hd, go, lda: d, V.p + off, ldb: d, beta: 0, ds + p, ldc: s)
                        if let PV { sgemm(false, true, m: t, n: p, k: hd, go, lda: d, PV.p + h * hd, ldb: d, beta: 0, ds, ldc: s) }
                        for i in 0..<t {
                            let a = att + i * s, g = ds + i * s, valid = p + i + 1
                            let dot = reduceDot(a, g, valid)
                            for j in 0..<valid { g[j] = a[j] * (g[j] - dot) }
                            for j in valid..<s { g[j] = 0 }
                        }
                        if let dBias {
                            let db = dBias.p + h * t * s
                            for i in 0..<(t * s) { db[i] += ds[i] }
                        }
                        if let dQ {
                            sgemm(false, false, m: t, n: hd, k: t, alpha: scale, ds + p, lda: s, K.p + off, ldb: d, beta: 1, dQ.p + off, ldc: d)
                            if let PK { sgemm(false, false, m: t, n: hd, k: p, alpha: scale, ds, lda: s, PK.p + h * hd, ldb: d, beta: 1, dQ.p + off, ldc: d) }
                        }
                        if let dK { sgemm(true, false, m: t, n: hd, k: t, alpha: scale, ds + p, lda: s, Q.p + off, ldb: d, beta: 1, dK.p + off, ldc: d) }
                        if let dPK { sgemm(true, false, m: p, n: hd, k: t, alpha: scale, ds, lda: s, Q.p + off, ldb: d, beta: 1, dPK.p + h * hd, ldc: d) }
                    }
                }
            }
        }
        return out
    }

    /// Rotary position embedding (Su et al. 2021) on x [B, T, D] split into heads: each
    /// pair (2i, 2i+1) of a head turns by angle (offset + t)·base^(−2i/headDim).
    public func rope(_ x: Tensor, heads: Int, offset: Int = 0, base: Float = 10_000) -> Tensor {
        let d = x.cols, t = x.shape[x.shape.count - 2], b = x.count / (t * d), hd = d / heads
        precondition(hd % 2 == 0, "RoPE needs an even head width, got \(hd)")
        let half = hd / 2
        let table = tensor([t, half, 2])
        for ti in 0..<t {
            for i in 0..<half {
                let angle = Double(offset + ti) * Foundation.pow(Double(base), -2 * Double(i) / Double(hd))
                table.data[(ti * half + i) * 2] = Float(Foundation.cos(angle))
                table.data[(ti * half + i) * 2 + 1] = Float(Foundation.sin(angle))
            }
        }
        let y = tensor(x.shape)
        func rotate(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, sign: Float, accumulate: Bool) {
            for bi in 0..<b {
                for ti in 0..<t {
                    let row = (bi * t + ti) * d
                    for h in 0..<heads {
                        for i in 0..<half {
                            let cs = table.data[(ti * half + i) * 2], sn = sign * table.data[(ti * half + i) * 2 + 1]
                            let j = row + h * hd + 2 * i
                            let x0 = src[j], x1 = src[j + 1]
                            let y0 = x0 * cs - x1 * sn, y1 = x0 * sn + x1 * cs
                            if accumulate { dst[j] += y0; dst[j + 1] += y1 } else { dst[j] = y0; dst[j + 1] = y1 }
                        }
                    }
                }
            }
        }
        rotate(x.data, y.data, sign: 1, accumulate: false)
        record(y, x) { [unowned self] in rotate(y.grad!, self.grad(x), sign: -1, accumulate: true) }
        return y
    }
}
