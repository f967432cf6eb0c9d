import Foundation
import COpenBLAS

/// The fixed configurations `dojo bench` trains.
public enum BenchModel: String, CaseIterable, Codable, Sendable {
    /// vocab 64, d 64, 2 layers, 4 heads, d_ff 256, seq 32, batch 32.
    case S
    /// vocab 64, d 128, 4 layers, 4 heads, d_ff 512, seq 64, batch 32.
    case M

    /// The model (Pre-LN, learned positions, GELU, untied head).
    public var config: TransformerConfig {
        switch self {
        case .S: TransformerConfig(vocab: 64, dModel: 64, layers: 2, heads: 4, dFF: 256, maxLength: 32)
        case .M: TransformerConfig(vocab: 64, dModel: 128, layers: 4, heads: 4, dFF: 512, maxLength: 64)
        }
    }

    /// Sequence length.
    public var length: Int { config.maxLength }
    /// Sequences per step.
    public var batch: Int { 32 }

    /// What `Parallelism.tuned` picks for this model on `cores` cores.
    public func tunedParallelism(cores: Int) -> Parallelism {
        Parallelism.tuned(for: config, batchSize: batch, length: length, cores: cores)
    }

    /// Model FLOPs of one training step: 6·N·(matrix parameters) for the projections and
    /// head, plus 12·B·T²·D per layer for the full T×T attention products (forward 4, backward 8).
    /// (inputs, outputs) of every projection matrix, in step order: per layer the fused
    /// q/k/v, the attention output, FFN in and FFN out; then the head.
    public var projectionShapes: [(inputs: Int, outputs: Int)] {
        let c = config, d = c.dModel
        let perLayer = [(d, 3 * d), (d, d), (d, c.dFF), (c.dFF, d)]
        return Array(repeating: perLayer, count: c.layers).flatMap { $0 } + [(d, c.vocab)]
    }

    public var flopsPerStep: Double {
        let c = config, n = Double(batch * length), d = Double(c.dModel)
        let matrices = Double(projectionShapes.reduce(0) { $0 + $1.inputs * $1.outputs })
        let attention = Double(c.layers) * 12 * Double(batch) * Double(length * length) * d
        return 6 * n * matrices + attention
    }
}

/// One benchmark measurement.
public struct BenchResult: Codable, Sendable {
    /// "S" or "M".
    public var model: String
    /// BLAS threads used.
    public var blasThreads: Int
    /// Engine loop threads used.
    public var engineThreads: Int
    /// Batch shards trained in parallel (data parallel; 1 = off).
    public var shards: Int
    /// Whether this is the configuration `Parallelism.tuned` picks for the model (the one a
    /// caller gets without measuring; compare.py judges the targets on it).
    public var auto: Bool
    /// Median milliseconds per training step.
    public var msPerStep: Double
    /// Fastest step in milliseconds.
    public var bestMs: Double
    /// Trained tokens per second at the median.
    public var tokensPerSecond: Double
    /// Achieved model GFLOP/s at the median.
    public var gflops: Double
    /// sgemm peak measured in this run at the same BLAS thread count.
    public var peakGflops: Double
    /// gflops / peakGflops.
    public var shareOfPeak: Double
    /// Process max RSS after the run, MB.
    public var maxRSSMB: Double
    /// Loss of the last step (sanity: the model is learning).
    public var finalLoss: Float
    /// The step's projection GEMMs alone at the same threads, ms (`projectionFloorMs`): no
    /// step can beat it with OpenBLAS.
    public var projectionFloorMs: Double
}

/// Measures training speed against this machine's own sgemm peak.
public enum Benchmark {
    /// Best GFLOP/s of square sgemm (n = 512) over about `seconds`, at the current BLAS threads.
    public static func sgemmPeak(seconds: Double = 0.4, n: Int = 512) -> Double {
        let a = [Float](repeating: 0.5, count: n * n), b = [Float](repeating: 0.25, count: n * n)
        var c = [Float](repeating: 0, count: n * n)
        var best = 0.0
        let start = Date()
        repeat {
            let t0 = DispatchTime.now().uptimeNanoseconds
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        sgemm(false, false, m: n, n: n, k: n, pa.baseAddress!, lda: n, pb.baseAddress!, ldb: n, beta: 0, pc.baseAddress!, ldc: n)
                    }
                }
            }
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = max(best, 2 * Double(n * n * n) / dt / 1e9)
        } while Date().timeIntervalSince(start) < seconds
        return best
    }

    /// Process peak resident set size in MB (getrusage; Linux reports KB).
    public static func maxRSSMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The ways to use two cores that `dojo bench` compares.
    public static let threadings: [Parallelism] = [(1, 1, 1), (2, 1, 1), (1, 2, 1), (2, 2, 1), (1, 1, 2)].map {
        Parallelism(blasThreads: $0.0, loopThreads: $0.1, shards: $0.2)
    }

    /// Trains `model` on the reverse task with AdamW for `warmup` + `steps` steps at the given
    /// thread counts and times the last `steps`.
    /// With `profile`, the timed steps' op times are added to it (one shard only: sharded
    /// graphs run concurrently and their times would overlap).
    /// `auto` marks the result as the tuned configuration (`BenchModel.tunedParallelism`).
    public static func run(_ model: BenchModel, blasThreads: Int, engineThreads: Int, shards: Int = 1, steps: Int, warmup: Int = 3, peak: Double, auto: Bool = false, profile: OpProfile? = nil) throws -> BenchResult {
        let saved = BLASRuntime.threads
        defer { BLASRuntime.threads = saved }
        BLASRuntime.threads = blasThreads
        let net = try Transformer(model.config, seed: 0)
        let trainer = Trainer(model: net, task: ReverseTask(vocab: 64, length: model.length), config: TrainingConfig(
            optimizer: .adamWDefault, schedule: .init(peak: 1e-3), weightDecay: 0.01, clipNorm: nil,
            batchSize: model.batch, seed: 0, threads: engineThreads, shards: shards))
        var times: [Double] = []
        var last: StepResult?
        for i in 0..<(warmup + steps) {
            if i == warmup, shards == 1 { trainer.graph.profile = profile }
            let t0 = DispatchTime.now().uptimeNanoseconds
            last = trainer.step()
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            if i >= warmup { times.append(dt) }
        }
        times.sort()
        // RSS first: the floor's own buffers are not the training step's memory.
        let rss = maxRSSMB()
        let floor = projectionFloorMs(model, shards: shards)
        let median = times[times.count / 2]
        let gflops = model.flopsPerStep / (median / 1000) / 1e9
        return BenchResult(
            model: model.rawValue, blasThreads: blasThreads, engineThreads: engineThreads, shards: shards,
            auto: auto, msPerStep: median,
            bestMs: times[0], tokensPerSecond: Double(model.batch * model.length) / (median / 1000), gflops: gflops,
            peakGflops: peak, shareOfPeak: gflops / peak, maxRSSMB: rss, finalLoss: last?.loss ?? .nan,
            projectionFloorMs: floor)
    }
}
