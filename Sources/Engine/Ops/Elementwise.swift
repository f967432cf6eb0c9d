import CKernels
import Foundation

extension Graph {
    /// a + b, same shape (residual connection).
    public func add(_ a: Tensor, _ b: Tensor) -> Tensor { addScaled(a, alpha: 1, b, beta: 1) }

    /// α·a + β·b, same shape. DeepNorm's residual is `addScaled(x, alpha: α, g, beta: 1)`.
    public func addScaled(_ a: Tensor, alpha: Float, _ b: Tensor, beta: Float) -> Tensor {
        precondition(a.count == b.count, "add: \(a.shape) vs \(b.shape)")
        let y = tensor(a.shape), n = a.count
        let pa = a.data, pb = b.data, py = y.data
        for i in 0..<n { py[i] = alpha * pa[i] + beta * pb[i] }
        record(y, a, b) { [unowned self] in
            let dy = y.grad!
            for (t, s) in [(a, alpha), (b, beta)] where t.requiresGrad {
                let (d, fresh) = self.claimGrad(t)
                if fresh { for i in 0..<n { d[i] = s * dy[i] } } else { for i in 0..<n { d[i] += s * dy[i] } }
            }
        }
        return y
    }

    /// s · x.
    public func scale(_ x: Tensor, _ s: Float) -> Tensor {
        let y = tensor(x.shape), n = x.count
        for i in 0..<n { y.data[i] = s * x.data[i] }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<n { dx[i] += s * dy[i] }
        }
        return y
    }

    /// Elementwise a ⊙ b, same shape.
    public func mul(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.count == b.count, "mul: \(a.shape) vs \(b.shape)")
        let y = tensor(a.shape), n = a.count
        for i in 0..<n { y.data[i] = a.data[i] * b.data[i] }
        record(y, a, b) { [unowned self] in
            let dy = y.grad!
            if a.requiresGrad { let d = self.grad(a); for i in 0..<n { d[i] += dy[i] * b.data[i] } }
            if b.requiresGrad { let d = self.grad(b); for i in 0..<n { d[i] += dy[i] * a.data[i] } }
        }
        return y
    }

    /// x [..., C] ⊙ v [C] broadcast over rows (IA³ scaling vectors).
    public func mulColumns(_ x: Tensor, _ v: Tensor) -> Tensor {
        let c = x.cols, r = x.rows
        precondition(v.count == c, "mulColumns: \(x.shape) by \(v.shape)")
        let y = tensor(x.shape)
        for i in 0..<r { for j in 0..<c { y.data[i * c + j] = x.data[i * c + j] * v.data[j] } }
        record(y, x, v) { [unowned self] in
            let dy = y.grad!
            if x.requiresGrad {
                let dx = self.grad(x)
                for i in 0..<r { for j in 0..<c { dx[i * c + j] += dy[i * c + j] * v.data[j] } }
            }
            if v.requiresGrad {
                let dv = self.grad(v)
                for i in 0..<r { for j in 0..<c { dv[j] += dy[i * c + j] * x.data[i * c + j] } }
            }
        }
        return y
    }

    /// x [..., C] + v [C] broadcast over rows.
    public func addColumns(_ x: Tensor, _ v: Tensor) -> Tensor {
        let c = x.cols, r = x.rows
        precondition(v.count == c, "addColumns: \(x.shape) by \(v.shape)")
        let y = tensor(x.shape)
        for i in 0..<r { for j in 0..<c { y.data[i * c + j] = x.data[i * c + j] + v.data[j] } }
        record(y, x, v) { [unowned self] in
            let dy = y.grad!
            if x.requiresGrad { let dx = self.grad(x); for i in 0..<(r * c) { dx[i] += dy[i] } }
            if v.requiresGrad {
                let dv = self.grad(v)
                for i in 0..<r { for j in 0..<c { dv[j] += dy[i * c + j] } }
            }
        }
        return y
    }

    /// Inverted dropout with probability `p`, active only in training mode; the mask comes
    /// from the graph's seeded stream, so a seed fixes it.
    public func dropout(_ x: Tensor, p: Float) -> Tensor {
        guard training, p > 0 else { return x }
        let y = tensor(x.shape), mask = tensor(x.shape), n = x.count
        let keep = 1 / (1 - p)
        for i in 0..<n {
            let m: Float = rng.uniform() < p ? 0 : keep
            mask.data[i] = m
            y.data[i] = x.data[i] * m
        }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<n { dx[i] += dy[i] * mask.data[i] }
        }
        return y
    }
}

/// Pointwise nonlinearities with their derivatives.
public enum Activation: String, Codable, Sendable, CaseIterable {
    /// GELU, tanh approximation (as in GPT-2).
    case gelu
    /// max(0, x).
    case relu
    /// x·σ(x).
    case silu
    /// SwiGLU (Shazeer 2020): silu(x·W) ⊙ (x·V); the FFN input layer is twice as wide.
    case swiglu
    /// Logistic sigmoid (gates).
    case sigmoid
    /// Hyperbolic tangent (gates).
    case tanh
}


extension Graph {
    /// Applies a pointwise activation (not `.swiglu`, which halves the width: see `swiglu`).
    ///
    /// With `overwriteInput`, the forward pass replaces x's values by f'(x), which is all the
    /// backward pass needs: no second transcendental per element and no extra buffer. Only
    /// for inputs nothing else reads afterwards (the FFN's pre-activation).
    public func activation(_ x: Tensor, _ kind: Activation, overwriteInput: Bool = false) -> Tensor {
        if kind == .swiglu { return swiglu(x) }
        let y = tensor(x.shape), n = x.count
        let px = SendablePointer(x.data), py = SendablePointer(y.data)
        let chunks = n >= 65_536 ? threads : 1
        let derivativeInPlace = overwriteInput && recording && x.requiresGrad
        parallelFor(chunks, threads: threads) { c in
            let r = chunkRange(c, of: chunks, total: n)
            if derivativeInPlace {
                activationForwardWithDerivative(kind, px.p, py.p, r.lowerBound, r.upperBound)
            } else {
                Self.activationForward(kind, px.p, py.p, r)
            }
        }
        record(y, x) { [unowned self] in
            let (g, fresh) = self.claimGrad(x)
            let dy = SendablePointer(y.grad!), dx = SendablePointer(g)
            parallelFor(chunks, threads: self.threads) { c in
                let r = chunkRange(c, of: chunks, total: n)
                if derivativeInPlace {
                    scaleByDerivative(px.p, dy.p, dx.p, r.lowerBound, r.upperBound, overwrite: fresh)
                } else {
                    if fresh { (dx.p + r.lowerBound).update(repeating: 0, count: r.count) }
                    Self.activationBackward(kind, px.p, py.p, dy.p, dx.p, r)
                }
            }
        }
        return y
    }

    /// Dispatches to one kernel per kind; each kernel is a free function with its own loop,
    /// which the compiler vectorizes (a single function with a switch around the loops ran
    /// four times slower).
    static func activationForward(_ kind: Activation, _ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        switch kind {
        case .gelu: dojo_gelu_forward(x + range.lowerBound, y + range.lowerBound, range.count)
        case .relu: reluForward(x, y, range.lowerBound, range.upperBound)
        case .silu, .swiglu: siluForward(x, y, range.lowerBound, range.upperBound)
        case .sigmoid: sigmoidForward(x, y, range.lowerBound, range.upperBound)
        case .tanh: tanhForward(x, y, range.lowerBound, range.upperBound)
        }
    }

    /// dx += dy · f'(x), given x and y = f(x).
    static func activationBackward(
        _ kind: Activation, _ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>,
        _ dy: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ range: Range<Int>
    ) {
        let lo = range.lowerBound, hi = range.upperBound
        switch kind {
        case .gelu: dojo_gelu_backward(x + lo, dy + lo, dx + lo, hi - lo)
        case .relu: reluBackward(x, dy, dx, lo, hi)
        case .silu, .swiglu: siluBackward(x, dy, dx, lo, hi)
        case .sigmoid: sigmoidBackward(y, dy, dx, lo, hi)
        case .tanh: tanhBackward(y, dy, dx, lo, hi)
        }
    }

    /// SwiGLU on x [..., 2F] → [..., F]: silu(first half) ⊙ second half.
    public func swiglu(_ x: Tensor) -> Tensor {
        let c2 = x.cols, r = x.rows, f = c2 / 2
        precondition(c2 % 2 == 0, "swiglu needs an even width, got \(c2)")
        var shape = x.shape
        shape[shape.count - 1] = f
        let y = tensor(shape)
        for i in 0..<r {
            let a = x.data + i * c2, b = a + f, o = y.data + i * f
            for j in 0..<f { o[j] = a[j] * fastSigmoid(a[j]) * b[j] }
        }
        record(y, x) { [unowned self] in
            let dy = y.grad!, dx = self.grad(x)
            for i in 0..<r {
                let a = x.data + i * c2, b = a + f, g = dy + i * f, da = dx + i * c2, db = da + f
                for j in 0..<f {
                    let s = fastSigmoid(a[j]), silu = a[j] * s
                    da[j] += g[j] * b[j] * s * (1 + a[j] * (1 - s))
                    db[j] += g[j] * silu
                }
            }
        }
        return y
    }
}

