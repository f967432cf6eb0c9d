import Foundation

/// How a training step uses the cores: OpenBLAS threads, threads of the engine's own loops,
/// and data-parallel batch shards.
///
/// `tuned(for:batchSize:cores:)` picks one from rules measured with `dojo bench` (see
/// bench/README.md, "Choosing the parallelism"). The rules never combine shards with several
/// BLAS or loop threads: each shard already owns a core, and more threads than cores
/// (oversubscription) made every configuration tried slower.
public struct Parallelism: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `BLASRuntime.threads` to set.
    public var blasThreads: Int
    /// `TrainingConfig.threads`: threads for attention, norms and activations.
    public var loopThreads: Int
    /// `TrainingConfig.shards`.
    public var shards: Int

    /// A parallelism; every count at least 1.
    public init(blasThreads: Int, loopThreads: Int, shards: Int) {
        self.blasThreads = max(1, blasThreads); self.loopThreads = max(1, loopThreads); self.shards = max(1, shards)
    }

    /// Everything on one core.
    public static let serial = Parallelism(blasThreads: 1, loopThreads: 1, shards: 1)

    /// "BLAS b, loops l, shards s".
    public var description: String { "BLAS \(blasThreads), loops \(loopThreads), shards \(shards)" }

    /// Below this many token·width elements per step, threading a single graph's GEMMs and
    /// loops costs more in synchronization than it gains (the loops' own thresholds).
    static let threadingThreshold = 32_768

    /// The measured choice for training `model` with `batchSize` sequences of `length` tokens
    /// on `cores` cores.
    ///
    /// - Shardable models (no BatchNorm, at least two sequences) split the batch into
    ///   min(cores, batch) shards, one BLAS and one loop thread each: on both bench shapes this
    ///   beat two BLAS threads on one graph, because the elementwise work, norms, attention and
    ///   the per-call overhead of small GEMMs split as well.
    /// - BatchNorm needs the whole batch in one graph, so the cores go to BLAS and the loops,
    ///   when the step is large enough to amortize the threads' synchronization.
    public static func tuned(for model: TransformerConfig, batchSize: Int, length: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Parallelism {
        let cores = max(1, cores)
        if cores == 1 { return .serial }
        if model.norm != .batchNorm && batchSize >= 2 {
            return Parallelism(blasThreads: 1, loopThreads: 1, shards: min(cores, batchSize))
        }
        let large = batchSize * length * model.dModel >= threadingThreshold
        return large ? Parallelism(blasThreads: cores, loopThreads: cores, shards: 1) : .serial
    }

    /// `config` with this parallelism's loop threads and shards (BLAS threads are global:
    /// set `BLASRuntime.threads = blasThreads`).
    public func applied(to config: TrainingConfig) -> TrainingConfig {
        var c = config
        c.threads = loopThreads
        c.shards = shards
        return c
    }
}
