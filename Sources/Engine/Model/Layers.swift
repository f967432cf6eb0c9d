/// A named model tensor and what it is for: the unit of freezing, decay, saving and counting.
public struct NamedParameter {
    /// Dotted path, e.g. "layers.0.attn.wq.weight"; stable across runs (checkpoint key).
    public let name: String
    /// The values and gradient.
    public let tensor: Tensor
    /// Part of the frozen base model (false for PEFT additions).
    public let isBase: Bool
    /// A bias or norm shift (what BitFit trains).
    public let isBias: Bool
    /// Weight decay applies (matrices); biases, gains and vectors are not decayed.
    public let decays: Bool
    /// Statistics updated by the forward pass, never by an optimizer (BatchNorm running stats).
    public let isBuffer: Bool
}

/// y = x·W + b with W [in, out].
public struct Linear {
    /// Weight [in, out].
    public let weight: Tensor
    /// Bias [out].
    public let bias: Tensor?

    init(_ input: Int, _ output: Int, std: Float, bias: Bool = true, rng: inout SeededRandom) {
        weight = Tensor(zeros: [input, output])
        weight.fillNormal(std: std, rng: &rng)
        self.bias = bias ? Tensor(zeros: [output]) : nil
    }

    func callAsFunction(_ g: Graph, _ x: Tensor, residual: Residual? = nil) -> Tensor {
        g.linear(x, weight, bias: bias, residual: residual?.tensor, residualScale: residual?.scale ?? 1)
    }

    func parameters(_ prefix: String, isBase: Bool) -> [NamedParameter] {
        var out = [NamedParameter(name: prefix + ".weight", tensor: weight, isBase: isBase, isBias: false, decays: true, isBuffer: false)]
        if let bias { out.append(NamedParameter(name: prefix + ".bias", tensor: bias, isBase: isBase, isBias: true, decays: false, isBuffer: false)) }
        return out
    }
}

/// A residual connection to add to a sublayer's output: scale · tensor (scale is DeepNorm's α).
struct Residual {
    let tensor: Tensor
    let scale: Float
}

/// A normalization layer of any `NormKind`.
public struct Norm {
    /// The kind.
    public let kind: NormKind
    let gain: Tensor, shift: Tensor, runningMean: Tensor, runningVar: Tensor

    init(_ kind: NormKind, width: Int) {
        self.kind = kind
        gain = Tensor(zeros: [width]); gain.fill(1)
        shift = Tensor(zeros: [width])
        runningMean = Tensor(zeros: [width], requiresGrad: false)
        runningVar = Tensor(zeros: [width], requiresGrad: false); runningVar.fill(1)
    }

    func callAsFunction(_ g: Graph, _ x: Tensor) -> Tensor {
        switch kind {
        case .none: x
        case .layerNorm: g.layerNorm(x, gain: gain, shift: shift)
        case .rmsNorm: g.rmsNorm(x, gain: gain)
        case .batchNorm:
            // Running statistics belong to the base: they move only while this norm's own
            // parameters train (full fine-tuning, BitFit), not under a frozen-base PEFT method,
            // or evaluation after fine-tuning would use statistics the base never had.
            g.batchNorm(x, gain: gain, shift: shift, runningMean: runningMean, runningVar: runningVar,
                        updateStatistics: gain.requiresGrad || shift.requiresGrad)
        }
    }

    func parameters(_ prefix: String) -> [NamedParameter] {
        switch kind {
        case .none: return []
        case .rmsNorm: return [NamedParameter(name: prefix + ".gain", tensor: gain, isBase: true, isBias: false, decays: false, isBuffer: false)]
        case .layerNorm, .batchNorm:
            var out = [
                NamedParameter(name: prefix + ".gain", tensor: gain, isBase: true, isBias: false, decays: false, isBuffer: false),
                NamedParameter(name: prefix + ".shift", tensor: shift, isBase: true, isBias: true, decays: false, isBuffer: false),
            ]
            if kind == .batchNorm {
                out.append(NamedParameter(name: prefix + ".runningMean", tensor: runningMean, isBase: true, isBias: false, decays: false, isBuffer: true))
                out.append(NamedParameter(name: prefix + ".runningVar", tensor: runningVar, isBase: true, isBias: false, decays: false, isBuffer: true))
            }
            return out
        }
    }
}

/// The six weight matrices of a block that PEFT methods can attach to.
public enum Projection: String, Codable, Sendable, CaseIterable, Hashable {
    /// Query, key, value and output projections of attention.
    case query, key, value, output
    /// FFN input (up) and output (down) projections.
    case ffnIn, ffnOut
}

/// One transformer block's base weights.
public struct Block {
    let wq, wk, wv, wo, ffIn, ffOut: Linear
    let norm1, norm2: Norm

    init(_ c: TransformerConfig, rng: inout SeededRandom) {
        let d = c.dModel, ffWidth = c.activation == .swiglu ? 2 * c.dFF : c.dFF
        let deep = c.placement == .deepNorm
        func xavier(_ i: Int, _ o: Int) -> Float { (2 / Float(i + o)).squareRoot() }
        let residualStd = c.initStd / Float(2 * c.layers).squareRoot()
        wq = Linear(d, d, std: deep ? xavier(d, d) : c.initStd, rng: &rng)
        wk = Linear(d, d, std: deep ? xavier(d, d) : c.initStd, rng: &rng)
        wv = Linear(d, d, std: deep ? xavier(d, d) * c.deepNormBeta : c.initStd, rng: &rng)
        wo = Linear(d, d, std: deep ? xavier(d, d) * c.deepNormBeta : residualStd, rng: &rng)
        ffIn = Linear(d, ffWidth, std: deep ? xavier(d, ffWidth) * c.deepNormBeta : c.initStd, rng: &rng)
        ffOut = Linear(c.dFF, d, std: deep ? xavier(c.dFF, d) * c.deepNormBeta : residualStd, rng: &rng)
        norm1 = Norm(c.norm, width: d)
        norm2 = Norm(c.norm, width: d)
    }

    func linear(_ p: Projection) -> Linear {
        switch p {
        case .query: wq
        case .key: wk
        case .value: wv
        case .output: wo
        case .ffnIn: ffIn
        case .ffnOut: ffOut
        }
    }

    func parameters(_ prefix: String) -> [NamedParameter] {
        Projection.allCases.flatMap { linear($0).parameters("\(prefix).\($0.rawValue)", isBase: true) }
            + norm1.parameters(prefix + ".norm1") + norm2.parameters(prefix + ".norm2")
    }
}
