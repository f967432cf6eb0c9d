/// How a `Trainer` optimizes.
public struct TrainingConfig: Codable, Sendable, Hashable {
    /// Update rule.
    public var optimizer: OptimizerKind
    /// Learning-rate schedule.
    public var schedule: LearningRateSchedule
    /// Weight decay λ (decoupled for AdamW, L2 otherwise); matrices only.
    public var weightDecay: Float
    /// Global gradient-norm clip; nil for none.
    public var clipNorm: Double?
    /// Sequences per step.
    public var batchSize: Int
    /// Seed of the data stream and dropout masks (the model has its own seed).
    public var seed: UInt64
    /// Threads for the engine's own loops; BLAS threads are set with `BLASRuntime.threads`.
    public var threads: Int
    /// Batch shards run in parallel, one thread each (data parallelism; 1 = off). Models with
    /// BatchNorm always use one shard, since their statistics are over the whole batch.
    public var shards: Int

    /// A configuration; defaults: AdamW, no decay, clip at 1, batch 32, one thread, one shard.
    public init(
        optimizer: OptimizerKind = .adamWDefault, schedule: LearningRateSchedule = .init(peak: 1e-3),
        weightDecay: Float = 0, clipNorm: Double? = 1, batchSize: Int = 32, seed: UInt64 = 0, threads: Int = 1, shards: Int = 1
    ) {
        self.optimizer = optimizer; self.schedule = schedule; self.weightDecay = weightDecay
        self.clipNorm = clipNorm; self.batchSize = batchSize; self.seed = seed; self.threads = threads
        self.shards = shards
    }
}

/// What one training step did.
public struct StepResult: Sendable, Equatable {
    /// 0-based index of the step.
    public let step: Int
    /// Mean cross-entropy of the step's batch (before the update).
    public let loss: Float
    /// Argmax accuracy on the batch's scored tokens.
    public let accuracy: Double
    /// Learning rate used.
    public let learningRate: Float
    /// Gradient norm before clipping.
    public let gradientNorm: Double
    /// Set when the loss or gradient was not finite; no update was applied.
    public let divergedAt: Int?

    /// Whether training has blown up.
    public var diverged: Bool { divergedAt != nil }
    /// "diverged at step N" or a one-line summary.
    public var summary: String {
        if let divergedAt { return "diverged at step \(divergedAt)" }
        return "step \(step): loss \(loss), accuracy \(accuracy)"
    }
}

/// Loss and accuracy on held-out batches.
public struct Evaluation: Sendable, Equatable {
    /// Mean cross-entropy over scored tokens.
    public let loss: Double
    /// Argmax accuracy over scored tokens.
    public let accuracy: Double
    /// Scored tokens.
    public let tokens: Int
}

/// Trains a model on a task one step at a time, so callers can plot after every step.
///
/// Deterministic: the same model seed, task and `TrainingConfig` give the same loss curve
/// bit for bit at a fixed BLAS thread count.
public final class Trainer {
    /// The model being trained (base + attachments).
    public let model: Transformer
    /// The training data.
    public let task: any SequenceTask
    /// Settings.
    public let config: TrainingConfig
    /// The optimizer (over the parameters trainable when the trainer was made).
    public let optimizer: Optimizer
    /// Steps taken.
    public private(set) var stepCount = 0
    /// First step whose loss was not finite, if any; later steps do nothing.
    public private(set) var divergedAt: Int?
    let graph = Graph()
    private var rng: SeededRandom
    /// Dropout seeds come from their own stream, so the data does not depend on the shard count.
    private var dropoutRNG: SeededRandom
    private let sharded: ShardedStep?

    /// A trainer; freeze or attach PEFT before making it.
    public init(model: Transformer, task: any SequenceTask, config: TrainingConfig) {
        self.model = model; self.task = task; self.config = config
        optimizer = Optimizer(config.optimizer, parameters: model.trainableParameters, weightDecay: config.weightDecay)
        rng = SeededRandom(seed: config.seed)
        dropoutRNG = SeededRandom(seed: config.seed ^ 0x5EED_D80B)
        graph.threads = config.threads
        let shards = model.config.norm == .batchNorm ? 1 : min(config.shards, config.batchSize)
        sharded = shards > 1 ? ShardedStep(shards: shards, parameters: optimizer.parameterTensors) : nil
    }

    /// One step: batch, forward, backward, clip, update.
    @discardableResult
    public func step() -> StepResult {
        let lr = config.schedule.rate(at: stepCount)
        if let divergedAt {
            return StepResult(step: stepCount, loss: .nan, accuracy: 0, learningRate: lr, gradientNorm: .nan, divergedAt: divergedAt)
        }
        let t0 = OpProfile.now()
        let batch = task.batch(size: config.batchSize, rng: &rng)
        graph.profile?.charge("batch", since: t0)
        if let sharded {
            let base = dropoutRNG.next()
            let seeds = sharded.graphs.indices.map { base &+ UInt64($0) }
            let r = sharded.run(model: model, batch: batch, seeds: seeds)
            let accuracy = r.counted == 0 ? 0 : Double(r.correct) / Double(r.counted)
            return finish(loss: r.loss, accuracy: accuracy, lr: lr)
        }
        graph.reset(seed: dropoutRNG.next())
        graph.training = true
        graph.recording = true
        let result = model.loss(graph, batch)
        if result.loss.item.isFinite { graph.backward(result.loss) } else { graph.reset() }
        let t1 = OpProfile.now()
        defer { graph.profile?.charge("optimizer", since: t1) }
        return finish(loss: result.loss.item, accuracy: result.accuracy, lr: lr)
    }

    /// Clips, checks for divergence and updates, given gradients already in place.
    private func finish(loss: Float, accuracy: Double, lr: Float) -> StepResult {
        var norm = Double.nan
        if loss.isFinite {
            norm = config.clipNorm.map { optimizer.clipGradients(maxNorm: $0) } ?? optimizer.gradientNorm()
        }
        defer { stepCount += 1 }
        guard loss.isFinite, norm.isFinite else {
            divergedAt = stepCount
            model.zeroGrads()
            return StepResult(step: stepCount, loss: loss, accuracy: accuracy, learningRate: lr, gradientNorm: norm, divergedAt: stepCount)
        }
        optimizer.step(lr: lr)
        return StepResult(step: stepCount, loss: loss, accuracy: accuracy, learningRate: lr, gradientNorm: norm, divergedAt: nil)
    }

    /// Evaluates on `batches` fresh batches of `task` (which may be longer than training's,
    /// for extrapolation), drawn from `seed`; dropout off, BatchNorm on running statistics.
    public func evaluate(on task: any SequenceTask, batches: Int = 4, seed: UInt64 = 12_345) -> Evaluation {
        var r = SeededRandom(seed: seed)
        return model.evaluate((0..<batches).map { _ in task.batch(size: config.batchSize, rng: &r) }, threads: config.threads)
    }
}

extension Transformer {
    /// Loss and accuracy on fixed batches, without recording a tape.
    public func evaluate(_ batches: [TokenBatch], threads: Int = 1) -> Evaluation {
        let g = Graph()
        g.recording = false
        g.training = false
        g.threads = threads
        var loss = 0.0, correct = 0, counted = 0
        for b in batches {
            g.reset()
            let r = self.loss(g, b)
            loss += Double(r.loss.item) * Double(r.counted)
            correct += r.correct; counted += r.counted
        }
        return Evaluation(loss: counted == 0 ? 0 : loss / Double(counted), accuracy: counted == 0 ? 0 : Double(correct) / Double(counted), tokens: counted)
    }
}
