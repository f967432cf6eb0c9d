extension Graph {
    /// Matrix product over the last dimension: a [..., K] · b [K, N] → [..., N],
    /// or a · bᵀ with b [N, K] when `transposeB` (tied output head).
    public func matmul(_ a: Tensor, _ b: Tensor, transposeB: Bool = false) -> Tensor {
        linear(a, b, bias: nil, transposeW: transposeB)
    }

    /// y = x·W + b. x [..., K], W [K, N] (or [N, K] when `transposeW`), b [N] → y [..., N].
    ///
    /// Backward: dx += dy·Wᵀ, dW += xᵀ·dy, db += Σ_rows dy; frozen inputs are skipped, so a
    /// frozen base weight costs no gradient GEMM.
    ///
    /// With `outputRows`, y is the matrix [outputRows, N] instead of keeping x's leading
    /// dimensions (the head's logits [B·T, V] from hidden states [B, T, D], without a copy).
    ///
    /// With `residual` r (same element count as y), y = s·r + x·W + b: the residual
    /// connection folded into the GEMM's accumulation (beta = 1), which saves the sublayer's
    /// output tensor and the separate pass of an add. Backward adds s·dy to dr.
    public func linear(
        _ x: Tensor, _ w: Tensor, bias: Tensor?, transposeW: Bool = false, outputRows: Int? = nil,
        residual: Tensor? = nil, residualScale s: Float = 1
    ) -> Tensor {
        precondition(w.shape.count == 2, "linear weight must be 2-D, got \(w.shape)")
        let k = x.cols, m = x.rows
        let n = transposeW ? w.shape[0] : w.shape[1]
        precondition((transposeW ? w.shape[1] : w.shape[0]) == k, "linear: x \(x.shape) · W \(w.shape)")
        var shape = x.shape
        shape[shape.count - 1] = n
        if let outputRows {
            precondition(outputRows == m, "linear: \(outputRows) output rows for \(m) input rows")
            shape = [m, n]
        }
        let y = tensor(shape)
        if let bias { precondition(bias.count == n, "bias \(bias.shape) for \(n) outputs") }
        if let residual {
            precondition(residual.count == m * n, "residual \(residual.shape) for output \(shape)")
            let src = residual.data, dst = y.data
            if let bias {
                let b = bias.data
                for r in 0..<m { let o = r * n; for j in 0..<n { dst[o + j] = s * src[o + j] + b[j] } }
            } else if s == 1 {
                dst.update(from: src, count: m * n)
            } else {
                for i in 0..<(m * n) { dst[i] = s * src[i] }
            }
        } else if let bias {
            for r in 0..<m { (y.data + r * n).update(from: bias.data, count: n) }
        }
        sgemm(false, transposeW, m: m, n: n, k: k, x.data, lda: k, w.data, ldb: transposeW ? k : n,
              beta: bias == nil && residual == nil ? 0 : 1, y.data, ldc: n)
        record(y, inputs: [x, w, bias, residual]) { [unowned self] in
            let dy = y.grad!
            if let residual, residual.requiresGrad {
                let (dr, fresh) = self.claimGrad(residual), count = m * n
                if fresh {
                    if s == 1 { dr.update(from: dy, count: count) } else { for i in 0..<count { dr[i] = s * dy[i] } }
                } else {
                    for i in 0..<count { dr[i] += s * dy[i] }
                }
            }
            if x.requiresGrad {
                let (dx, fresh) = self.claimGrad(x)
                sgemm(false, !transposeW, m: m, n: k, k: n, dy, lda: n, w.data, ldb: transposeW ? k : n,
                      beta: fresh ? 0 : 1, dx, ldc: k)
            }
            if w.requiresGrad {
                if transposeW {  // dW[N,K] += dyᵀ · x
                    sgemm(true, false, m: n, n: k, k: m, dy, lda: n, x.data, ldb: k, beta: 1, self.grad(w), ldc: k)
                } else {  // dW[K,N] += xᵀ · dy
                    sgemm(true, false, m: k, n: n, k: m, x.data, lda: k, dy, ldb: n, beta: 1, self.grad(w), ldc: n)
                }
            }
            if let bias, bias.requiresGrad {
                let db = self.grad(bias)
                for r in 0..<m {
                    let row = dy + r * n
                    for j in 0..<n { db[j] += row[j] }
                }
            }
        }
        return y
    }
}
