/// A low-rank update W + s·A·B on one projection (Hu et al. 2021, arXiv 2106.09685).
///
/// A [in, r] starts random and B [r, out] at zero, so training starts from the base model.
final class LoRA {
    let a: Tensor, b: Tensor
    let scale: Float
    let dropout: Float
    /// When merged, W already holds s·A·B and the forward pass skips the branch.
    var merged = false

    init(input: Int, output: Int, config: LoRAConfig, rng: inout SeededRandom) {
        a = Tensor(zeros: [input, config.rank])
        a.fillUniform(bound: 1 / Float(input).squareRoot(), rng: &rng)
        b = Tensor(zeros: [config.rank, output])
        scale = config.scale
        dropout = config.dropout
    }

    /// y + s·(dropout(x)·A)·B.
    func addUpdate(_ g: Graph, input x: Tensor, to y: Tensor) -> Tensor {
        let delta = g.matmul(g.matmul(g.dropout(x, p: dropout), a), b)
        return g.addScaled(y, alpha: 1, delta, beta: scale)
    }

    /// W += sign·s·A·B.
    func fold(into w: Tensor, sign: Float) {
        let (i, r, o) = (a.shape[0], a.shape[1], b.shape[1])
        sgemm(false, false, m: i, n: o, k: r, alpha: sign * scale, a.data, lda: r, b.data, ldb: o, beta: 1, w.data, ldc: o)
    }
}

extension Transformer {
    /// Folds every LoRA update into its base weight; the forward pass then costs what the
    /// base model costs. Outputs are unchanged up to float rounding.
    public func mergeLoRA() {
        for (site, lora) in attachments.lora where !lora.merged {
            lora.fold(into: blocks[site.layer].linear(site.projection).weight, sign: 1)
            lora.merged = true
        }
    }

    /// Takes merged LoRA updates back out of the base weights, to continue training them.
    public func unmergeLoRA() {
        for (site, lora) in attachments.lora where lora.merged {
            lora.fold(into: blocks[site.layer].linear(site.projection).weight, sign: -1)
            lora.merged = false
        }
    }
}
