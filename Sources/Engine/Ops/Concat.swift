extension Graph {
    /// Rows start..<start+count of x [R, C] → [count, C].
    public func sliceRows(_ x: Tensor, start: Int, count n: Int) -> Tensor {
        let c = x.cols
        precondition(start >= 0 && start + n <= x.rows, "slice rows \(start)..<\(start + n) of \(x.rows)")
        let y = tensor([n, c])
        y.data.update(from: x.data + start * c, count: n * c)
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x) + start * c
            for i in 0..<(n * c) { dx[i] += dy[i] }
        }
        return y
    }

    /// Stacks matrices with equal column counts → [Σ rows, C].
    public func concatRows(_ parts: [Tensor]) -> Tensor {
        let c = parts[0].cols, total = parts.reduce(0) { $0 + $1.rows }
        let y = tensor([total, c])
        var offset = 0
        for p in parts { (y.data + offset).update(from: p.data, count: p.count); offset += p.count }
        record(y, inputs: parts) { [unowned self] in
            let dy = y.grad!
            var offset = 0
            for p in parts {
                if p.requiresGrad { let d = self.grad(p); for i in 0..<p.count { d[i] += dy[offset + i] } }
                offset += p.count
            }
        }
        return y
    }

    /// Side by side: a [R, Ca], b [R, Cb] → [R, Ca + Cb].
    public func concatColumns(_ a: Tensor, _ b: Tensor) -> Tensor {
        let r = a.rows, ca = a.cols, cb = b.cols, c = ca + cb
        precondition(b.rows == r, "concatColumns: \(a.shape) and \(b.shape)")
        let y = tensor([r, c])
        for i in 0..<r {
            (y.data + i * c).update(from: a.data + i * ca, count: ca)
            (y.data + i * c + ca).update(from: b.data + i * cb, count: cb)
        }
        record(y, a, b) { [unowned self] in
            let dy = y.grad!
            if a.requiresGrad { let d = self.grad(a); for i in 0..<r { for j in 0..<ca { d[i * ca + j] += dy[i * c + j] } } }
            if b.requiresGrad { let d = self.grad(b); for i in 0..<r { for j in 0..<cb { d[i * cb + j] += dy[i * c + ca + j] } } }
        }
        return y
    }
}
