/// Prompt-tuning and P-tuning's virtual-token embeddings [P, D] prepended to the input.
final class SoftPrompt {
    enum Source {
        case direct(Tensor)
        case mlp(input: Tensor, hidden: Linear, output: Linear)
        case lstm(input: Tensor, forward: LSTM, backward: LSTM, hidden: Linear, output: Linear)
    }

    let count: Int
    let source: Source

    init(count: Int, source: Source) { self.count = count; self.source = source }

    /// The embeddings for this forward pass.
    func embeddings(_ g: Graph) -> Tensor {
        switch source {
        case .direct(let t): return t
        case .mlp(let input, let hidden, let output):
            return output(g, g.activation(hidden(g, input), .relu))
        case .lstm(let input, let fwd, let bwd, let hidden, let output):
            let states = g.concatColumns(fwd.run(g, input, reversed: false), bwd.run(g, input, reversed: true))
            return output(g, g.activation(hidden(g, states), .relu))
        }
    }

    var tensors: [(String, Tensor)] {
        switch source {
        case .direct(let t): return [("embeddings", t)]
        case .mlp(let input, let hidden, let output):
            return [("input", input)] + (hidden.parameters("mlp.hidden", isBase: false) + output.parameters("mlp.output", isBase: false)).map { ($0.name, $0.tensor) }
        case .lstm(let input, let fwd, let bwd, let hidden, let output):
            return [("input", input)] + fwd.tensors("lstm.forward") + bwd.tensors("lstm.backward")
                + (hidden.parameters("mlp.hidden", isBase: false) + output.parameters("mlp.output", isBase: false)).map { ($0.name, $0.tensor) }
        }
    }
}

/// A single-layer LSTM built from graph ops, for P-tuning's prompt encoder.
struct LSTM {
    let inputWeights: Linear  // [in, 4H] with bias; gate order i, f, g, o
    let recurrent: Tensor  // [H, 4H]
    let hidden: Int

    init(input: Int, hidden h: Int, rng: inout SeededRandom) {
        let std = 1 / Float(h).squareRoot()
        inputWeights = Linear(input, 4 * h, std: std, rng: &rng)
        recurrent = Tensor(zeros: [h, 4 * h])
        recurrent.fillNormal(std: std, rng: &rng)
        hidden = h
    }

    /// Hidden states [P, H] for a sequence x [P, in], read backwards when `reversed`
    /// (states are returned in the input's order either way).
    func run(_ g: Graph, _ x: Tensor, reversed: Bool) -> Tensor {
        let p = x.shape[0], h = hidden
        let projected = inputWeights(g, x)
        var state: Tensor?, cell: Tensor?
        var outputs = [Tensor?](repeating: nil, count: p)
        for step in 0..<p {
            let t = reversed ? p - 1 - step : step
            var z = g.sliceRows(projected, start: t, count: 1)
            if let state { z = g.add(z, g.matmul(state, recurrent)) }
            let i = g.activation(g.sliceColumns(z, start: 0, width: h), .sigmoid)
            let f = g.activation(g.sliceColumns(z, start: h, width: h), .sigmoid)
            let u = g.activation(g.sliceColumns(z, start: 2 * h, width: h), .tanh)
            let o = g.activation(g.sliceColumns(z, start: 3 * h, width: h), .sigmoid)
            let c = cell.map { g.add(g.mul(f, $0), g.mul(i, u)) } ?? g.mul(i, u)
            let s = g.mul(o, g.activation(c, .tanh))
            cell = c; state = s
            outputs[t] = s
        }
        return g.concatRows(outputs.map { $0! })
    }

    func tensors(_ prefix: String) -> [(String, Tensor)] {
        inputWeights.parameters(prefix + ".input", isBase: false).map { ($0.name, $0.tensor) } + [(prefix + ".recurrent", recurrent)]
    }
}

/// Prefix tuning's per-layer keys and values [P, D].
final class PrefixEncoder {
    enum Source {
        case direct([(key: Tensor, value: Tensor)])
        /// A table [P, D] through tanh MLP to [P, 2·L·D]; layer l's key is column block 2l, value 2l+1.
        case reparameterized(input: Tensor, hidden: Linear, output: Linear)
    }

    let count: Int, layers: Int, width: Int
    let source: Source

    init(count: Int, layers: Int, width: Int, source: Source) {
        self.count = count; self.layers = layers; self.width = width; self.source = source
    }

    func keyValues(_ g: Graph) -> [(Tensor, Tensor)] {
        switch source {
        case .direct(let kv): return kv.map { ($0.key, $0.value) }
        case .reparameterized(let input, let hidden, let output):
            let all = output(g, g.activation(hidden(g, input), .tanh))
            return (0..<layers).map { l in
                (g.sliceColumns(all, start: 2 * l * width, width: width), g.sliceColumns(all, start: (2 * l + 1) * width, width: width))
            }
        }
    }

    var tensors: [(String, Tensor)] {
        switch source {
        case .direct(let kv):
            return kv.enumerated().flatMap { [("\($0.offset).key", $0.element.key), ("\($0.offset).value", $0.element.value)] }
        case .reparameterized(let input, let hidden, let output):
            return [("input", input)] + (hidden.parameters("mlp.hidden", isBase: false) + output.parameters("mlp.output", isBase: false)).map { ($0.name, $0.tensor) }
        }
    }
}
