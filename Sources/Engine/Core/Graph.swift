/// A tape of operations for one forward pass, and the memory behind its activations.
///
/// Every op allocates its output with `tensor(_:)`. Because a training step issues the same
/// ops in the same order, the n-th request of a step gets the n-th tensor of the previous
/// step back: after the first step no activation memory is allocated. Gradients of
/// activations are borrowed from a free list when backward first reaches a tensor and
/// returned once the op that produced it has run its backward, so only a few layers'
/// worth of activation gradients is alive at once.
public final class Graph {
    /// Whether ops record themselves for backward. Off for evaluation and sampling.
    public var recording: Bool = true
    /// Training mode: dropout active, BatchNorm uses batch statistics.
    public var training: Bool = true
    /// Threads the engine's own loops (attention, norms) may use. BLAS threads are separate.
    public var threads: Int = 1
    /// Random stream for dropout masks; reseeded by `reset(seed:)` for reproducibility.
    public var rng = SeededRandom(seed: 0)
    /// When set, every op's forward and backward time is added to it (`dojo bench --profile`).
    public var profile: OpProfile?

    private var pool: [Tensor] = []
    private var cursor = 0
    private var tape: [(output: Tensor, op: StaticString, backward: () -> Void)] = []
    private var freeGrads: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var allGrads: [UnsafeMutablePointer<Float>] = []
    /// Private gradient buffers for parameters, so several graphs can run backward on
    /// shards of a batch at once without writing the same memory (see `ShardedStep`).
    private var redirected: [ObjectIdentifier: UnsafeMutablePointer<Float>] = [:]

    /// Fixed tables (sinusoidal positions, ALiBi biases, RoPE angles) by what determines
    /// them, so a training loop computes each once instead of every step.
    private var tables: [FixedTable: [Float]] = [:]

    /// An empty graph.
    public init() {}

    /// The table for `key`, built by `make` the first time it is asked for.
    func table(_ key: FixedTable, _ make: () -> [Float]) -> [Float] {
        if let t = tables[key] { return t }
        let t = make()
        tables[key] = t
        return t
    }

    deinit {
        for g in allGrads { g.deallocate() }
        for g in redirected.values { g.deallocate() }
    }

    /// Gives each of `parameters` a private, zeroed gradient buffer in this graph.
    func redirectGradients(of parameters: [Tensor]) {
        for p in parameters where redirected[ObjectIdentifier(p)] == nil {
            let g = UnsafeMutablePointer<Float>.allocate(capacity: max(1, p.count))
            g.initialize(repeating: 0, count: max(1, p.count))
            redirected[ObjectIdentifier(p)] = g
        }
    }

    /// The private gradient of a redirected parameter.
    func redirectedGradient(of p: Tensor) -> UnsafeMutablePointer<Float>? { redirected[ObjectIdentifier(p)] }

    /// Forgets the previous pass: its tensors will be handed out again.
    public func reset() {
        for entry in tape where entry.output.grad != nil && !entry.output.ownsGrad { releaseGrad(entry.output) }
        tape.removeAll(keepingCapacity: true)
        cursor = 0
        profile?.start()
    }

    /// Starts a new pass with a fresh dropout stream.
    public func reset(seed: UInt64) {
        reset()
        rng = SeededRandom(seed: seed)
    }

    /// An activation tensor of `shape`; its values are unspecified until written.
    public func tensor(_ shape: [Int]) -> Tensor {
        let n = shape.reduce(1, *)
        if cursor < pool.count, pool[cursor].capacity >= n, pool[cursor].capacity <= 2 * n + 64 {
            let t = pool[cursor]
            t.shape = shape
            t.count = n
            t.requiresGrad = false
            t.grad = nil
            cursor += 1
            return t
        }
        let t = Tensor(shape: shape, capacity: n, requiresGrad: false, ownsGrad: false)
        if cursor < pool.count { pool[cursor] = t } else { pool.append(t) }
        cursor += 1
        return t
    }

    /// An activation tensor of `shape` filled with zeros.
    public func zeros(_ shape: [Int]) -> Tensor {
        let t = tensor(shape)
        t.fill(0)
        return t
    }

    /// Records `backward` for `output` when recording and any input needs a gradient.
    @inline(__always)
    func record(_ output: Tensor, inputs: [Tensor?], op: StaticString = #function, _ backward: @escaping () -> Void) {
        profile?.forward(op)
        guard recording else { return }
        var needs = false
        for case let t? in inputs where t.requiresGrad { needs = true; break }
        guard needs else { return }
        output.requiresGrad = true
        tape.append((output, op, backward))
    }

    /// Same as `record` for ops with one or two inputs, without building an array.
    @inline(__always)
    func record(_ output: Tensor, _ a: Tensor, _ b: Tensor? = nil, op: StaticString = #function, _ backward: @escaping () -> Void) {
        profile?.forward(op)
        guard recording, a.requiresGrad || (b?.requiresGrad ?? false) else { return }
        output.requiresGrad = true
        tape.append((output, op, backward))
    }

    /// The gradient buffer of `t`, zero-filled on first use in this backward pass.
    @inline(__always)
    func grad(_ t: Tensor) -> UnsafeMutablePointer<Float> {
        let (g, fresh) = claimGrad(t)
        if fresh { g.update(repeating: 0, count: t.count) }
        return g
    }

    /// The gradient buffer of `t` and whether it is fresh: a fresh buffer holds garbage and
    /// the caller must overwrite every element instead of adding (saves a zero-fill and a
    /// read of the buffer on the hot paths: linear, activations, residual adds, LayerNorm).
    @inline(__always)
    func claimGrad(_ t: Tensor) -> (UnsafeMutablePointer<Float>, fresh: Bool) {
        if t.ownsGrad, !redirected.isEmpty, let r = redirected[ObjectIdentifier(t)] { return (r, false) }
        if let g = t.grad { return (g, false) }
        let g: UnsafeMutablePointer<Float>
        if var list = freeGrads[t.count], let reused = list.popLast() {
            freeGrads[t.count] = list
            g = reused
        } else {
            g = .allocate(capacity: max(1, t.count))
            allGrads.append(g)
        }
        t.grad = g
        return (g, true)
    }

    private func releaseGrad(_ t: Tensor) {
        guard let g = t.grad, !t.ownsGrad else { return }
        freeGrads[t.count, default: []].append(g)
        t.grad = nil
    }

    /// Back-propagates from a scalar `loss` (seeded with d loss = `seed`) through the tape.
    public func backward(_ loss: Tensor, seed: Float = 1) {
        precondition(loss.count == 1, "backward needs a scalar loss, got shape \(loss.shape)")
        guard loss.requiresGrad else { return }
        grad(loss)[0] += seed
        for i in stride(from: tape.count - 1, through: 0, by: -1) {
            let (output, op, run) = tape[i]
            guard output.grad != nil else { continue }
            if let profile {
                let t0 = OpProfile.now()
                run()
                profile.backward(op, since: t0)
            } else {
                run()
            }
            releaseGrad(output)
        }
        tape.removeAll(keepingCapacity: true)
    }
}

/// What a fixed table depends on (see `Graph.table`).
enum FixedTable: Hashable {
    case sinusoidal(length: Int, width: Int)
    case alibi(heads: Int, length: Int, prefix: Int)
    case rope(length: Int, headWidth: Int, offset: Int, base: Float)
}
