extension Graph {
    /// Prepends the same rows `prefix` [P, D] to every sequence of x [B, T, D] → [B, P+T, D]
    /// (soft prompts).
    public func prependRows(_ prefix: Tensor, to x: Tensor) -> Tensor {
        let d = x.cols, t = x.shape[x.shape.count - 2], b = x.count / (t * d), p = prefix.shape[0]
        precondition(prefix.cols == d, "prefix \(prefix.shape) for width \(d)")
        let y = tensor([b, p + t, d])
        for bi in 0..<b {
            (y.data + bi * (p + t) * d).update(from: prefix.data, count: p * d)
            (y.data + (bi * (p + t) + p) * d).update(from: x.data + bi * t * d, count: t * d)
        }
        record(y, prefix, x) { [unowned self] in
            let dy = y.grad!
            if prefix.requiresGrad {
                let dp = self.grad(prefix)
                for bi in 0..<b { let s = dy + bi * (p + t) * d; for i in 0..<(p * d) { dp[i] += s[i] } }
            }
            if x.requiresGrad {
                let dx = self.grad(x)
                for bi in 0..<b {
                    let s = dy + (bi * (p + t) + p) * d, o = dx + bi * t * d
                    for i in 0..<(t * d) { o[i] += s[i] }
                }
            }
        }
        return y
    }

    /// Drops the first `count` positions of x [B, T, D] → [B, T − count, D].
    public func dropLeadingPositions(_ x: Tensor, count p: Int) -> Tensor {
        if p == 0 { return x }
        let d = x.cols, t = x.shape[x.shape.count - 2], b = x.count / (t * d)
        let y = tensor([b, t - p, d])
        for bi in 0..<b { (y.data + bi * (t - p) * d).update(from: x.data + (bi * t + p) * d, count: (t - p) * d) }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for bi in 0..<b {
                let s = dy + bi * (t - p) * d, o = dx + (bi * t + p) * d
                for i in 0..<((t - p) * d) { o[i] += s[i] }
            }
        }
        return y
    }

    /// Columns start..<start+width of x [R, C] → [R, width].
    public func sliceColumns(_ x: Tensor, start: Int, width: Int) -> Tensor {
        let c = x.cols, r = x.rows
        precondition(start >= 0 && start + width <= c, "slice \(start)..<\(start + width) of \(c) columns")
        var shape = x.shape
        shape[shape.count - 1] = width
        let y = tensor(shape)
        for i in 0..<r { (y.data + i * width).update(from: x.data + i * c + start, count: width) }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<r { let o = dx + i * c + start, s = dy + i * width; for j in 0..<width { o[j] += s[j] } }
        }
        return y
    }

    /// Rows of x [B, T, D] at one position per sequence → [B, D] (reward head on the last token).
    public func gatherPositions(_ x: Tensor, positions: [Int]) -> Tensor {
        let d = x.cols, t = x.shape[x.shape.count - 2], b = x.count / (t * d)
        precondition(positions.count == b, "\(positions.count) positions for batch \(b)")
        let y = tensor([b, d])
        for bi in 0..<b { (y.data + bi * d).update(from: x.data + (bi * t + positions[bi]) * d, count: d) }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for bi in 0..<b { let o = dx + (bi * t + positions[bi]) * d, s = dy + bi * d; for j in 0..<d { o[j] += s[j] } }
        }
        return y
    }

    /// Σ x as a scalar.
    public func sum(_ x: Tensor) -> Tensor { weightedSum(x, weights: nil) }

    /// Σ_i w_i x_i as a scalar (w = 1 when nil); weights are constants.
    public func weightedSum(_ x: Tensor, weights: [Float]?) -> Tensor {
        if let weights { precondition(weights.count == x.count, "\(weights.count) weights for \(x.count) values") }
        let y = tensor([1])
        var acc = 0.0
        for i in 0..<x.count { acc += Double(x.data[i]) * Double(weights?[i] ?? 1) }
        y.data[0] = Float(acc)
        record(y, x) { [unowned self] in
            let g = y.grad![0], dx = self.grad(x)
            for i in 0..<x.count { dx[i] += g * (weights?[i] ?? 1) }
        }
        return y
    }

    /// Row sums of x [R, C] → [R] (sequence log-probabilities from per-token ones), with an
    /// optional constant mask [R, C].
    public func rowSums(_ x: Tensor, mask: [Float]? = nil) -> Tensor {
        let c = x.cols, r = x.rows
        let y = tensor([r])
        for i in 0..<r {
            var s: Float = 0
            for j in 0..<c { s += x.data[i * c + j] * (mask?[i * c + j] ?? 1) }
            y.data[i] = s
        }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<r { for j in 0..<c { dx[i * c + j] += dy[i] * (mask?[i * c + j] ?? 1) } }
        }
        return y
    }

    /// A view of x with a new shape of the same element count (copies; cheap at our sizes).
    public func reshape(_ x: Tensor, _ shape: [Int]) -> Tensor {
        precondition(shape.reduce(1, *) == x.count, "reshape \(x.shape) to \(shape)")
        let y = tensor(shape)
        y.data.update(from: x.data, count: x.count)
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<x.count { dx[i] += dy[i] }
        }
        return y
    }

    /// A constant (no gradient) tensor holding `values`.
    public func constant(_ values: [Float], shape: [Int]) -> Tensor {
        let y = tensor(shape)
        precondition(values.count == y.count, "\(values.count) values for \(shape)")
        values.withUnsafeBufferPointer { y.data.update(from: $0.baseAddress!, count: y.count) }
        return y
    }
}
