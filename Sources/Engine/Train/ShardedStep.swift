/// Data parallelism on one machine: the batch is split into shards, each shard runs forward
/// and backward on its own graph and thread (BLAS single-threaded inside), and the shards'
/// parameter gradients are summed in a fixed order.
///
/// For small shapes this uses two cores better than threaded BLAS, because the elementwise
/// ops, norms, attention and the per-call GEMM overheads are split too. The result is
/// deterministic for a fixed shard count.
final class ShardedStep {
    let graphs: [Graph]
    let parameters: [Tensor]

    init(shards: Int, parameters: [Tensor]) {
        self.parameters = parameters
        graphs = (0..<shards).map { _ in
            let g = Graph()
            g.redirectGradients(of: parameters)
            return g
        }
    }

    /// Forward and backward of `batch` split across the shards. Leaves the summed gradient
    /// of the batch-mean loss in each parameter's `grad` and returns the loss result of the
    /// whole batch. When the loss is not finite, no gradient is written.
    func run(model: Transformer, batch: TokenBatch, seeds: [UInt64]) -> (loss: Float, correct: Int, counted: Int) {
        let shards = graphs.count
        let pieces = (0..<shards).map { s -> TokenBatch in
            let rows = chunkRange(s, of: shards, total: batch.batch)
            let span = (rows.lowerBound * batch.length)..<(rows.upperBound * batch.length)
            return TokenBatch(batch: rows.count, length: batch.length, inputs: Array(batch.inputs[span]), targets: Array(batch.targets[span]))
        }
        var results = [CrossEntropyResult?](repeating: nil, count: shards)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UncheckedBox(out)
            parallelFor(shards, threads: shards) { s in
                let g = graphs[s]
                g.reset(seed: seeds[s])
                g.training = true
                g.recording = true
                slots.value[s] = model.loss(g, pieces[s])
            }
        }
        let done = results.map { $0! }
        let counted = done.reduce(0) { $0 + $1.counted }, correct = done.reduce(0) { $0 + $1.correct }
        var total = 0.0
        for r in done { total += Double(r.loss.item) * Double(r.counted) }
        let loss = Float(total / Double(max(counted, 1)))
        guard loss.isFinite else {
            for g in graphs { g.reset() }
            return (loss, correct, counted)
        }
        parallelFor(shards, threads: shards) { s in
            graphs[s].backward(done[s].loss, seed: Float(done[s].counted) / Float(max(counted, 1)))
        }
        // Sum shard gradients into the parameters, in shard order; split by parameter across threads.
        let params = parameters
        parallelFor(shards, threads: shards) { c in
            for pi in chunkRange(c, of: shards, total: params.count) {
                let p = params[pi], n = p.count
                guard let dst = p.grad else { continue }
                for g in graphs {
                    let src = g.redirectedGradient(of: p)!
                    for i in 0..<n { dst[i] += src[i] }
                    src.update(repeating: 0, count: n)
                }
            }
        }
        return (loss, correct, counted)
    }
}
