import CKernels
import Foundation

/// Which update rule an `Optimizer` applies.
public enum OptimizerKind: Codable, Sendable, Hashable {
    /// SGD with heavy-ball momentum; `weightDecay` is added to the gradient (L2).
    case sgd(momentum: Float)
    /// Adam (Kingma & Ba 2015); `weightDecay` is added to the gradient (L2), so it is rescaled
    /// by the adaptive denominator — the contrast AdamW fixes.
    case adam(beta1: Float, beta2: Float, epsilon: Float)
    /// AdamW (Loshchilov & Hutter 2019): decay applied to the weights directly, lr·λ·w.
    case adamW(beta1: Float, beta2: Float, epsilon: Float)

    /// Adam with the usual β₁ 0.9, β₂ 0.999, ε 1e-8.
    public static let adamDefault = OptimizerKind.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
    /// AdamW with the usual β₁ 0.9, β₂ 0.999, ε 1e-8.
    public static let adamWDefault = OptimizerKind.adamW(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
}

/// Updates parameters from their gradients; keeps per-parameter moment buffers.
///
/// Weight decay applies only to parameters whose `decays` is set (matrices), never to
/// biases, gains or vectors. Parameters frozen after the optimizer was made
/// (`requiresGrad == false`) are skipped entirely: neither momentum nor decoupled decay
/// moves them, and their moments resume where they stopped if they are unfrozen.
public final class Optimizer {
    /// The rule.
    public let kind: OptimizerKind
    /// Decay coefficient λ.
    public var weightDecay: Float
    private let parameters: [NamedParameter]
    private var first: [UnsafeMutablePointer<Float>]
    private var second: [UnsafeMutablePointer<Float>]
    /// Updates applied so far (Adam's bias correction uses it).
    public private(set) var steps = 0

    /// An optimizer over `parameters` (usually `model.trainableParameters`).
    public init(_ kind: OptimizerKind, parameters: [NamedParameter], weightDecay: Float = 0) {
        self.kind = kind
        self.weightDecay = weightDecay
        self.parameters = parameters
        first = parameters.map { p in let m = UnsafeMutablePointer<Float>.allocate(capacity: p.tensor.count); m.initialize(repeating: 0, count: p.tensor.count); return m }
        second = parameters.map { p in let m = UnsafeMutablePointer<Float>.allocate(capacity: p.tensor.count); m.initialize(repeating: 0, count: p.tensor.count); return m }
    }

    deinit {
        for m in first { m.deallocate() }
        for v in second { v.deallocate() }
    }

    /// The tensors this optimizer updates.
    var parameterTensors: [Tensor] { parameters.map(\.tensor) }

    /// √(Σ g²) over all parameters, accumulated in Double.
    public func gradientNorm() -> Double {
        var s = 0.0
        for p in parameters where p.tensor.requiresGrad {
            guard let g = p.tensor.grad else { continue }
            s += Double(reduceDot(g, g, p.tensor.count))
        }
        return s.squareRoot()
    }

    /// Scales gradients so their global norm is at most `maxNorm`; returns the norm before.
    @discardableResult
    public func clipGradients(maxNorm: Double) -> Double {
        let norm = gradientNorm()
        if norm > maxNorm, norm.isFinite {
            let s = Float(maxNorm / (norm + 1e-6))
            for p in parameters where p.tensor.requiresGrad { if let g = p.tensor.grad { for i in 0..<p.tensor.count { g[i] *= s } } }
        }
        return norm
    }

    /// One update with learning rate `lr`, then zeroes the gradients.
    public func step(lr: Float) {
        steps += 1
        for (index, p) in parameters.enumerated() where p.tensor.requiresGrad {
            let n = p.tensor.count, w = p.tensor.data
            guard let g = p.tensor.grad else { continue }
            let m = first[index], v = second[index]
            let wd = p.decays ? weightDecay : 0
            switch kind {
            case .sgd(let momentum):
                for i in 0..<n {
                    let gi = g[i] + wd * w[i]
                    m[i] = momentum * m[i] + gi
                    w[i] -= lr * m[i]
                }
            case .adam(let b1, let b2, let eps), .adamW(let b1, let b2, let eps):
                let decoupled: Bool = if case .adamW = kind { true } else { false }
                let c1 = 1 - Float(Foundation.pow(Double(b1), Double(steps)))
                let c2 = 1 - Float(Foundation.pow(Double(b2), Double(steps)))
                let stepSize = lr / c1, rc2 = 1 / c2.squareRoot()
                let l2: Float = decoupled ? 0 : wd, shrink: Float = decoupled ? 1 - lr * wd : 1
                dojo_adam_update(w, g, m, v, n, b1, b2, eps, l2, shrink, stepSize, rc2)
            }
            g.update(repeating: 0, count: n)
        }
    }
}
