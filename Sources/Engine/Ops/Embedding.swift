extension Graph {
    /// Row lookup: table [V, D], tokens [N] → [N, D] (reshaped to `shape` + [D]).
    ///
    /// Backward scatters rows of dy into d table; repeated tokens accumulate.
    public func embedding(_ table: Tensor, tokens: [Int32], shape: [Int]) -> Tensor {
        let d = table.cols, v = table.shape[0]
        precondition(shape.reduce(1, *) == tokens.count, "embedding: \(tokens.count) tokens for shape \(shape)")
        let y = tensor(shape + [d])
        for (i, tok) in tokens.enumerated() {
            precondition(tok >= 0 && Int(tok) < v, "token \(tok) outside vocabulary of \(v)")
            (y.data + i * d).update(from: table.data + Int(tok) * d, count: d)
        }
        record(y, table) { [unowned self] in
            let dy = y.grad!, dt = self.grad(table)
            for (i, tok) in tokens.enumerated() {
                let src = dy + i * d, dst = dt + Int(tok) * d
                for j in 0..<d { dst[j] += src[j] }
            }
        }
        return y
    }

    /// Adds the first T rows of `table` [L, D] to every sequence of x [B, T, D] (positions).
    public func addPositions(_ x: Tensor, _ table: Tensor, offset: Int = 0) -> Tensor {
        let d = x.cols, t = x.shape[x.shape.count - 2], b = x.count / (t * d)
        precondition(table.shape[0] >= offset + t, "sequence of \(offset + t) positions exceeds the table's \(table.shape[0]); use a length-free positional scheme (sinusoidal, RoPE, ALiBi, relative bias) to extrapolate")
        let y = tensor(x.shape)
        for bi in 0..<b {
            for ti in 0..<t {
                let o = (bi * t + ti) * d, p = table.data + (offset + ti) * d
                for j in 0..<d { y.data[o + j] = x.data[o + j] + p[j] }
            }
        }
        record(y, x, table) { [unowned self] in
            let dy = y.grad!
            if x.requiresGrad {
                let dx = self.grad(x)
                for i in 0..<x.count { dx[i] += dy[i] }
            }
            if table.requiresGrad {
                let dt = self.grad(table)
                for bi in 0..<b {
                    for ti in 0..<t {
                        let o = (bi * t + ti) * d, p = dt + (offset + ti) * d
                        for j in 0..<d { p[j] += dy[o + j] }
                    }
                }
            }
        }
        return y
    }
}
