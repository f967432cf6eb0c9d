import Engine

/// Finite-difference gradient check shared by the op, model and PEFT suites.
///
/// Method: the analytic gradient from one backward pass is compared with central differences
/// (f(x+ε) − f(x−ε)) / 2ε, ε = 1e-2, on up to `samples` sampled coordinates per tensor. The
/// forward runs in Float32; the scalar loss is accumulated in Float64. Error per coordinate is
/// |a − n| / max(|a|, |n|, floor) with floor = 1e-2, so coordinates whose gradient is below
/// the Float32 noise of the difference quotient are compared absolutely. Pass: max error < 1e-2.
/// ε = 1e-2 rather than 1e-3: in Float32 the quotient's rounding noise is about 1e-7·|loss|/ε,
/// which at 1e-3 already reaches 1e-2 relative on small coordinates; the O(ε²) truncation error
/// of our smooth ops stays near 1e-4. When a coordinate fails, it is retried with ε/8: a ReLU kink
/// inside ±ε invalidates the quotient, not the gradient.
struct GradientCheck {
    var epsilon: Float = 1e-2
    var floor: Double = 1e-2
    var samples = 10
    var seed: UInt64 = 99

    struct Outcome: CustomStringConvertible {
        var maxError = 0.0
        var worst = ""
        var checked = 0
        var description: String { "max relative error \(maxError) at \(worst) over \(checked) coordinates" }
    }

    /// The probe Σ w·y of `output(g)` with fixed random w as the loss, summed in Float64 for
    /// the difference quotients. For outputs of many elements: a probe stored as a Float32
    /// scalar (`Graph.probe`) has a rounding step of about 1e-7·|loss|, which over 60 000
    /// elements already dwarfs the change one coordinate makes.
    func runProbe(_ params: [(String, Tensor)], output: (Graph) -> Tensor) -> Outcome {
        run(params, loss: { g in g.probe(output(g)) }, value: { g in
            let y = output(g), w = projectionWeights(y.count)
            var s = 0.0
            for i in 0..<y.count { s += Double(w[i]) * Double(y.data[i]) }
            return s
        })
    }

    /// `loss(g)` must build the same scalar each call; dropout masks are fixed by reseeding.
    func run(_ params: [(String, Tensor)], loss: (Graph) -> Tensor) -> Outcome {
        run(params, loss: loss, value: { g in Double(loss(g).item) })
    }

    private func run(_ params: [(String, Tensor)], loss: (Graph) -> Tensor, value evaluate: (Graph) -> Double) -> Outcome {
        let g = Graph()
        g.reset(seed: 7)
        for (_, t) in params { t.zeroGrad() }
        let l = loss(g)
        g.backward(l)
        let analytic = params.map { $0.1.gradValues }
        g.recording = false
        func value() -> Double {
            g.reset(seed: 7)
            return evaluate(g)
        }
        var rng = SeededRandom(seed: seed)
        var outcome = Outcome()
        for (pi, (name, t)) in params.enumerated() {
            let coords = t.count <= samples ? Array(0..<t.count) : (0..<samples).map { _ in rng.int(below: t.count) }
            for i in coords {
                func quotient(_ eps: Float) -> Double {
                    let saved = t.data[i]
                    t.data[i] = saved + eps
                    let plus = value()
                    t.data[i] = saved - eps
                    let minus = value()
                    t.data[i] = saved
                    return (plus - minus) / (2 * Double(eps))
                }
                let a = Double(analytic[pi][i])
                func error(_ n: Double) -> Double { abs(a - n) / max(abs(a), abs(n), floor) }
                var numeric = quotient(epsilon)
                var err = error(numeric)
                if err >= 1e-2 {
                    // A ReLU kink inside ±ε spoils the quotient; a narrower step avoids it.
                    let narrow = quotient(epsilon / 8)
                    if error(narrow) < err { numeric = narrow; err = error(narrow) }
                }
                outcome.checked += 1
                if err > outcome.maxError {
                    outcome.maxError = err
                    outcome.worst = "\(name)[\(i)] analytic \(a) numeric \(numeric)"
                }
            }
        }
        return outcome
    }
}

/// A parameter tensor of normal values.
func randomTensor(_ shape: [Int], std: Float = 1, seed: UInt64) -> Tensor {
    var rng = SeededRandom(seed: seed)
    let t = Tensor(zeros: shape)
    t.fillNormal(std: std, rng: &rng)
    return t
}

/// Fixed random weights so Σ w·y has a gradient in every output coordinate.
func projectionWeights(_ n: Int, seed: UInt64 = 5) -> [Float] {
    var rng = SeededRandom(seed: seed)
    return (0..<n).map { _ in rng.normal() }
}

extension Graph {
    /// Σ w·y with fixed random w: a scalar whose gradient reaches every output.
    func probe(_ y: Tensor) -> Tensor { weightedSum(y, weights: projectionWeights(y.count)) }
}
