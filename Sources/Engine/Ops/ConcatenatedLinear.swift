extension Graph {
    /// Several projections of one input as one GEMM: y = x·[W₁ | W₂ | …] + [b₁ | b₂ | …].
    /// x [..., K], Wᵢ [K, Nᵢ], bᵢ [Nᵢ] or nil → y [..., ΣNᵢ] (attention's q, k, v side by side).
    ///
    /// One wide product reads and packs x once instead of once per projection, and backward's
    /// dx is one GEMM with inner dimension ΣNᵢ. The weights stay separate tensors (LoRA, IA³
    /// and checkpoints address them one by one): they are copied side by side on each call,
    /// K·ΣNᵢ floats, small next to the product. dW is one xᵀ·dy whose column blocks are added
    /// to each trainable Wᵢ's gradient.
    public func linearConcatenated(_ x: Tensor, weights: [Tensor], biases: [Tensor?]) -> Tensor {
        precondition(weights.count == biases.count && !weights.isEmpty, "linearConcatenated: \(weights.count) weights, \(biases.count) biases")
        let k = x.cols, m = x.rows
        let widths = weights.map { w -> Int in
            precondition(w.shape.count == 2 && w.shape[0] == k, "linearConcatenated: x \(x.shape) · W \(w.shape)")
            return w.shape[1]
        }
        let n = widths.reduce(0, +)
        var starts = [Int](repeating: 0, count: widths.count)
        for i in 1..<max(1, widths.count) { starts[i] = starts[i - 1] + widths[i - 1] }
        let packed = tensor([k, n])
        for (i, w) in weights.enumerated() {
            for r in 0..<k { (packed.data + r * n + starts[i]).update(from: w.data + r * widths[i], count: widths[i]) }
        }
        var shape = x.shape
        shape[shape.count - 1] = n
        let y = tensor(shape)
        let hasBias = biases.contains { $0 != nil }
        if hasBias {
            for (i, b) in biases.enumerated() {
                precondition(b.map { $0.count == widths[i] } ?? true, "bias \(b!.shape) for \(widths[i]) outputs")
                if let b { y.data.advanced(by: starts[i]).update(from: b.data, count: widths[i]) } else { y.data.advanced(by: starts[i]).update(repeating: 0, count: widths[i]) }
            }
            for r in 1..<max(1, m) { (y.data + r * n).update(from: y.data, count: n) }
        }
        sgemm(false, false, m: m, n: n, k: k, x.data, lda: k, packed.data, ldb: n, beta: hasBias ? 1 : 0, y.data, ldc: n)
        let weightGrads = recording && weights.contains { $0.requiresGrad }
        let dW = weightGrads ? tensor([k, n]) : nil
        record(y, inputs: [x] + weights + biases) { [unowned self] in
            let dy = y.grad!
            if x.requiresGrad {
                let (dx, fresh) = self.claimGrad(x)
                sgemm(false, true, m: m, n: k, k: n, dy, lda: n, packed.data, ldb: n, beta: fresh ? 0 : 1, dx, ldc: k)
            }
            if let dW {
                sgemm(true, false, m: k, n: n, k: m, x.data, lda: k, dy, ldb: n, beta: 0, dW.data, ldc: n)
                for (i, w) in weights.enumerated() where w.requiresGrad {
                    let gw = self.grad(w), width = widths[i]
                    for r in 0..<k {
                        let src = dW.data + r * n + starts[i], dst = gw + r * width
                        for j in 0..<width { dst[j] += src[j] }
                    }
                }
            }
            for (i, b) in biases.enumerated() {
                guard let b, b.requiresGrad else { continue }
                let db = self.grad(b), width = widths[i]
                for r in 0..<m {
                    let row = dy + r * n + starts[i]
                    for j in 0..<width { db[j] += row[j] }
                }
            }
        }
        return y
    }
}
