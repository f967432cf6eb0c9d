import Foundation

extension Benchmark {
    /// Milliseconds that one training step's projection GEMMs alone take at `model`'s shapes:
    /// forward y = x·W and backward dx = dy·Wᵀ, dW += xᵀ·dy for q/k/v, output, FFN in, FFN out
    /// and the head, with the batch split over `shards` concurrent single-BLAS threads (as
    /// `ShardedStep` trains), or on one graph at the current BLAS threads when `shards` is 1.
    ///
    /// No training step can be faster than this with OpenBLAS, so it is the floor against
    /// which a speed target is judged: everything else (attention, norms, activations,
    /// optimizer) has to fit in what the target leaves above it. Best of `repeats`, warm caches.
    public static func projectionFloorMs(_ model: BenchModel, shards: Int, repeats: Int = 12) -> Double {
        let rows = model.batch * model.length / max(1, shards)
        let shapes = model.projectionShapes
        let widest = shapes.map { max($0.inputs, $0.outputs) }.max()!
        let saved = BLASRuntime.threads
        defer { BLASRuntime.threads = saved }
        if shards > 1 { BLASRuntime.threads = 1 }
        // Each shard owns its activations and its dW; the weights are shared read-only, as
        // in ShardedStep.
        let count = max(1, shards)
        let weights = UnsafeMutablePointer<Float>.allocate(capacity: widest * widest)
        weights.initialize(repeating: 0.01, count: widest * widest)
        let buffers = (0..<count).map { _ in
            (x: allocated(rows * widest, 0.02), y: allocated(rows * widest, 0.03),
             dx: allocated(rows * widest, 0), dw: allocated(widest * widest, 0))
        }
        defer {
            weights.deallocate()
            for b in buffers { b.x.deallocate(); b.y.deallocate(); b.dx.deallocate(); b.dw.deallocate() }
        }
        var best = Double.infinity
        for _ in 0..<repeats {
            let t0 = DispatchTime.now().uptimeNanoseconds
            parallelFor(count, threads: count) { shard in
                // dx gets its own buffer so x keeps its values: feeding dx back would grow
                // them geometrically into infinities over the repeats.
                let (x, y, dx, dw) = buffers[shard]
                for (k, n) in shapes {
                    sgemm(false, false, m: rows, n: n, k: k, x, lda: k, weights, ldb: n, beta: 0, y, ldc: n)
                    sgemm(false, true, m: rows, n: k, k: n, y, lda: n, weights, ldb: n, beta: 0, dx, ldc: k)
                    sgemm(true, false, m: k, n: n, k: rows, x, lda: k, y, ldb: n, beta: 1, dw, ldc: n)
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        return best
    }

    private static func allocated(_ count: Int, _ value: Float) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        p.initialize(repeating: value, count: count)
        return p
    }
}
