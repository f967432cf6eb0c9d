extension Transformer {
    /// Every tensor of the model: base weights, then PEFT additions, in a fixed order.
    public var parameters: [NamedParameter] {
        var out = [NamedParameter(name: "embedding", tensor: embedding, isBase: true, isBias: false, decays: true, isBuffer: false)]
        if let positionTable {
            out.append(NamedParameter(name: "positions", tensor: positionTable, isBase: true, isBias: false, decays: false, isBuffer: false))
        }
        if let relativeTable {
            out.append(NamedParameter(name: "relativeBias", tensor: relativeTable, isBase: true, isBias: false, decays: false, isBuffer: false))
        }
        for (l, b) in blocks.enumerated() { out += b.parameters("layers.\(l)") }
        out += finalNorm.parameters("finalNorm")
        if let head { out += head.parameters("head", isBase: true) }
        return out + attachments.parameters
    }

    /// The tensors an optimizer updates: those with `requiresGrad`, statistics excluded.
    public var trainableParameters: [NamedParameter] {
        parameters.filter { $0.tensor.requiresGrad && !$0.isBuffer }
    }

    /// Elements in the base model (PEFT additions and statistics excluded).
    public var baseParameterCount: Int {
        parameters.filter { $0.isBase && !$0.isBuffer }.reduce(0) { $0 + $1.tensor.count }
    }

    /// Elements an optimizer updates.
    public var trainableParameterCount: Int { trainableParameters.reduce(0) { $0 + $1.tensor.count } }

    /// Freezes (or unfreezes) every parameter matching `predicate`; others are untouched.
    public func setTrainable(_ trainable: Bool, where predicate: (NamedParameter) -> Bool) {
        for p in parameters where predicate(p) && !p.isBuffer { p.tensor.requiresGrad = trainable }
    }

    /// Zeroes every parameter gradient.
    public func zeroGrads() { for p in parameters { p.tensor.zeroGrad() } }
}
