import CKernels
import Foundation

/// Where attention reads q, k and v: three tensors [B, T, D], or one [B, T, 3D] holding
/// them side by side (the output of `linearConcatenated`).
enum AttentionInput {
    case separate(Tensor, Tensor, Tensor)
    case fused(Tensor)
}

/// Query rows per block of the causal score products. Row block [i0, i1) only needs keys
/// below i1, so products over blocks skip most of the masked upper triangle. Measured with
/// OpenBLAS on the bench's 64×64×32 head products: 2 blocks take 17% less time than one
/// full product, 4 blocks about the same as 2, 8 blocks more (per-call overhead).
let attentionRowBlock = 32

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
        precondition(k.shape == q.shape && v.shape == q.shape, "attention: q \(q.shape) k \(k.shape) v \(v.shape)")
        return attention(.separate(q, k, v), shape: q.shape, heads: heads, prefixKeys: prefixKeys, prefixValues: prefixValues, bias: bias)
    }

    /// The same attention on qkv [B, T, 3D]: queries, keys and values side by side.
    public func attention(
        qkv: Tensor, heads: Int, prefixKeys: Tensor? = nil, prefixValues: Tensor? = nil, bias: Tensor? = nil
    ) -> Tensor {
        precondition(qkv.cols % 3 == 0, "attention: qkv width \(qkv.cols) is not 3·D")
        var shape = qkv.shape
        shape[shape.count - 1] = qkv.cols / 3
        return attention(.fused(qkv), shape: shape, heads: heads, prefixKeys: prefixKeys, prefixValues: prefixValues, bias: bias)
    }

    private func attention(
        _ input: AttentionInput, shape: [Int], heads: Int, prefixKeys: Tensor?, prefixValues: Tensor?, bias: Tensor?
    ) -> Tensor {
        let d = shape[shape.count - 1], t = shape[shape.count - 2], b = shape.reduce(1, *) / (t * d)
        precondition(d % heads == 0, "model width \(d) is not divisible by \(heads) heads")
        let hd = d / heads, p = prefixKeys?.shape[0] ?? 0, s = p + t
        if let bias { precondition(bias.shape == [heads, t, s], "attention bias \(bias.shape) != \([heads, t, s])") }
        // Row stride of q, k, v and their column offsets inside their tensors.
        let (qt, kt, vt, ld, ko, vo): (Tensor, Tensor, Tensor, Int, Int, Int) = switch input {
        case .separate(let q, let k, let v): (q, k, v, d, 0, 0)
        case .fused(let qkv): (qkv, qkv, qkv, 3 * d, d, 2 * d)
        }
        let scale = 1 / Float(hd).squareRoot()
        let out = tensor(shape), probs = tensor([b, heads, t, s])
        let chunks = min(heads, max(1, threads))
        let scratch = tensor([chunks, t, s])
        let Q = SendablePointer(qt.data), K = SendablePointer(kt.data + ko), V = SendablePointer(vt.data + vo)
        let PK = prefixKeys.map { SendablePointer($0.data) }, PV = prefixValues.map { SendablePointer($0.data) }
        let A = SendablePointer(probs.data), O = SendablePointer(out.data)
        let Bias = bias.map { SendablePointer($0.data) }
        let blocks = stride(from: 0, to: t, by: attentionRowBlock).map { $0..<min(t, $0 + attentionRowBlock) }

        // Batch outer, heads inner: a sequence's q, k, v rows are read from memory once and
        // stay in cache for all of the chunk's heads (rows hold every head's columns).
        parallelFor(chunks, threads: threads) { c in
            for bi in 0..<b {
                for h in chunkRange(c, of: chunks, total: heads) {
                    let qb = Q.p + bi * t * ld + h * hd, kb = K.p + bi * t * ld + h * hd
                    let vb = V.p + bi * t * ld + h * hd, ob = O.p + bi * t * d + h * hd
                    let att = A.p + (bi * heads + h) * t * s
                    if let PK { sgemm(false, true, m: t, n: p, k: hd, alpha: scale, qb, lda: ld, PK.p + h * hd, ldb: d, beta: 0, att, ldc: s) }
                    for r in blocks {
                        sgemm(false, true, m: r.count, n: r.upperBound, k: hd, alpha: scale, qb + r.lowerBound * ld, lda: ld, kb, ldb: ld,
                              beta: 0, att + r.lowerBound * s + p, ldc: s)
                    }
                    for i in 0..<t {
                        let row = att + i * s, valid = p + i + 1
                        if let Bias { let br = Bias.p + (h * t + i) * s; for j in 0..<valid { row[j] += br[j] } }
                        dojo_causal_softmax_row(row, valid, s)
                    }
                    for r in blocks {
                        sgemm(false, false, m: r.count, n: hd, k: r.upperBound, att + r.lowerBound * s + p, lda: s, vb, ldb: ld,
                              beta: 0, ob + r.lowerBound * d, ldc: d)
                    }
                    if let PV { sgemm(false, false, m: t, n: hd, k: p, att, lda: s, PV.p + h * hd, ldb: d, beta: 1, ob, ldc: d) }
                }
            }
        }

        let inputs: [Tensor?] = switch input {
        case .separate(let q, let k, let v): [q, k, v, prefixKeys, prefixValues, bias]
        case .fused(let qkv): [qkv, prefixKeys, prefixValues, bias]
        }
        record(out, inputs: inputs) { [unowned self] in
            let dO = SendablePointer(out.grad!)
            // Gradients of q, k, v: pointer (at the operand's column offset) and whether the
            // buffer is fresh, in which case each block's first product overwrites it.
            func claim(_ x: Tensor, offset: Int) -> (SendablePointer, Bool)? {
                guard x.requiresGrad else { return nil }
                let (g, fresh) = self.claimGrad(x)
                return (SendablePointer(g + offset), fresh)
            }
            let dQ: (SendablePointer, Bool)?, dK: (SendablePointer, Bool)?, dV: (SendablePointer, Bool)?
            switch input {
            case .separate(let q, let k, let v): (dQ, dK, dV) = (claim(q, offset: 0), claim(k, offset: 0), claim(v, offset: 0))
            case .fused(let qkv):
                let all = claim(qkv, offset: 0)
                (dQ, dK, dV) = (all, all.map { (SendablePointer($0.0.p + ko), $0.1) }, all.map { (SendablePointer($0.0.p + vo), $0.1) })
            }
            let dPK = prefixKeys.flatMap { $0.requiresGrad ? SendablePointer(self.grad($0)) : nil }
            let dPV = prefixValues.flatMap { $0.requiresGrad ? SendablePointer(self.grad($0)) : nil }
            let dBias = bias.flatMap { $0.requiresGrad ? SendablePointer(self.grad($0)) : nil }
            let needScores = dQ != nil || dK != nil || dPK != nil || dBias != nil
            let S = SendablePointer(scratch.data)
            parallelFor(chunks, threads: self.threads) { c in
                let ds = S.p + c * t * s
                for bi in 0..<b {
                    for h in chunkRange(c, of: chunks, total: heads) {
                        let off = bi * t * ld + h * hd, oo = bi * t * d + h * hd
                        let att = A.p + (bi * heads + h) * t * s, go = dO.p + oo
                        // Key block [j0, j1) gets gradient only from queries i ≥ j0.
                        if case let (dv, fresh)? = dV {
                            for r in blocks {
                                let j0 = r.lowerBound
                                sgemm(true, false, m: r.count, n: hd, k: t - j0, att + j0 * s + p + j0, lda: s, go + j0 * d, ldb: d,
                                      beta: fresh ? 0 : 1, dv.p + off + j0 * ld, ldc: ld)
                            }
                        }
                        if let dPV { sgemm(true, false, m: p, n: hd, k: t, att, lda: s, go, ldb: d, beta: 1, dPV.p + h * hd, ldc: d) }
                        guard needScores else { continue }
                        for r in blocks {
                            sgemm(false, true, m: r.count, n: r.upperBound, k: hd, go + r.lowerBound * d, lda: d, V.p + off, ldb: ld,
                                  beta: 0, ds + r.lowerBound * s + p, ldc: s)
                        }
                        if let PV { sgemm(false, true, m: t, n: p, k: hd, go, lda: d, PV.p + h * hd, ldb: d, beta: 0, ds, ldc: s) }
                        for i in 0..<t {
                            dojo_causal_softmax_backward_row(att + i * s, ds + i * s, p + i + 1, s)
                        }
                        if let dBias {
                            let db = dBias.p + h * t * s
                            for i in 0..<(t * s) { db[i] += ds[i] }
                        }
                        if case let (dq, fresh)? = dQ {
                            for r in blocks {
                                sgemm(false, false, m: r.count, n: hd, k: r.upperBound, alpha: scale, ds + r.lowerBound * s + p, lda: s,
                                      K.p + off, ldb: ld, beta: fresh ? 0 : 1, dq.p + off + r.lowerBound * ld, ldc: ld)
                            }
                            if let PK { sgemm(false, false, m: t, n: hd, k: p, alpha: scale, ds, lda: s, PK.p + h * hd, ldb: d, beta: 1, dq.p + off, ldc: ld) }
                        }
                        if case let (dk, fresh)? = dK {
                            for r in blocks {
                                let j0 = r.lowerBound
                                sgemm(true, false, m: r.count, n: hd, k: t - j0, alpha: scale, ds + j0 * s + p + j0, lda: s, Q.p + off + j0 * ld, ldb: ld,
                                      beta: fresh ? 0 : 1, dk.p + off + j0 * ld, ldc: ld)
                            }
                        }
                        if let dPK { sgemm(true, false, m: p, n: hd, k: t, alpha: scale, ds, lda: s, Q.p + off, ldb: ld, beta: 1, dPK.p + h * hd, ldc: d) }
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
        // [t, half, 2]: cos and sin of each position's angle per pair.
        let table = self.table(.rope(length: t, headWidth: hd, offset: offset, base: base)) {
            var out = [Float](repeating: 0, count: t * half * 2)
            for ti in 0..<t {
                for i in 0..<half {
                    let angle = Double(offset + ti) * Foundation.pow(Double(base), -2 * Double(i) / Double(hd))
                    out[(ti * half + i) * 2] = Float(Foundation.cos(angle))
                    out[(ti * half + i) * 2 + 1] = Float(Foundation.sin(angle))
                }
            }
            return out
        }
        let y = tensor(x.shape)
        func rotate(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, sign: Float, accumulate: Bool) {
            table.withUnsafeBufferPointer { tb in rotate(src, dst, tb.baseAddress!, sign: sign, accumulate: accumulate) }
        }
        func rotate(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ table: UnsafePointer<Float>, sign: Float, accumulate: Bool) {
            for bi in 0..<b {
                for ti in 0..<t {
                    let row = (bi * t + ti) * d
                    for h in 0..<heads {
                        for i in 0..<half {
                            let cs = table[(ti * half + i) * 2], sn = sign * table[(ti * half + i) * 2 + 1]
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
