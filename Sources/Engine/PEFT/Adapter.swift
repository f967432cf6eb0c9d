/// A bottleneck adapter: up(relu(down(·))) added to a sublayer's output.
struct Adapter {
    let down: Linear, up: Linear
    let placement: AdapterPlacement

    init(width d: Int, bottleneck w: Int, placement: AdapterPlacement, rng: inout SeededRandom) {
        down = Linear(d, w, std: 1 / Float(d).squareRoot(), rng: &rng)
        up = Linear(w, d, std: 0, rng: &rng)  // zero: the adapter starts as the identity
        self.placement = placement
    }

    func apply(_ g: Graph, sublayerInput h: Tensor, sublayerOutput o: Tensor) -> Tensor {
        let source = placement == .sequential ? o : h
        return g.add(o, up(g, g.activation(down(g, source), .relu)))
    }
}

/// The two adapters of one block.
struct AdapterPair {
    let attention: Adapter, ffn: Adapter
}

/// IA³'s learned rescaling vectors for one block, initialized to ones.
struct IA3Vectors {
    let key: Tensor, value: Tensor, ffn: Tensor

    init(width d: Int, ffnWidth f: Int) {
        key = Tensor(zeros: [d]); key.fill(1)
        value = Tensor(zeros: [d]); value.fill(1)
        ffn = Tensor(zeros: [f]); ffn.fill(1)
    }
}
