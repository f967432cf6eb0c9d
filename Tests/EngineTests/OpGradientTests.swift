import Testing
@testable import Engine

/// Finite-difference checks of every op's backward; see `GradientCheck` for the tolerance.
@Suite(.serialized) struct OpGradientTests {
    init() { BLASRuntime.threads = 1 }

    func check(_ params: [(String, Tensor)], _ loss: (Graph) -> Tensor) {
        let outcome = GradientCheck().run(params, loss: loss)
        #expect(outcome.maxError < 1e-2, "\(outcome)")
        #expect(outcome.checked > 0)
    }

    @Test func linearWithBiasAndTransposedWeight() {
        let x = randomTensor([2, 3, 5], seed: 1), w = randomTensor([5, 4], seed: 2), b = randomTensor([4], seed: 3)
        check([("x", x), ("w", w), ("b", b)]) { g in g.probe(g.linear(x, w, bias: b)) }
        let wt = randomTensor([4, 5], seed: 4)
        check([("x", x), ("wt", wt)]) { g in g.probe(g.matmul(x, wt, transposeB: true)) }
    }

    @Test func embeddingAndPositions() {
        let table = randomTensor([7, 4], seed: 1), pos = randomTensor([5, 4], seed: 2)
        let tokens: [Int32] = [1, 3, 3, 6, 0, 2]
        check([("table", table), ("pos", pos)]) { g in
            g.probe(g.addPositions(g.embedding(table, tokens: tokens, shape: [2, 3]), pos, offset: 1))
        }
    }

    @Test(arguments: [Activation.gelu, .relu, .silu, .sigmoid, .tanh, .swiglu])
    func activation(_ kind: Activation) {
        let x = randomTensor([3, 8], seed: 11)
        // Keep ReLU's kink away from the ±ε probe.
        if kind == .relu { for i in 0..<x.count where abs(x.data[i]) < 0.05 { x.data[i] = 0.5 } }
        check([("x", x)]) { g in g.probe(g.activation(x, kind)) }
        // The in-place derivative path overwrites its input, so feed it an intermediate.
        check([("x", x)]) { g in g.probe(g.activation(g.scale(x, 1), kind, overwriteInput: true)) }
    }

    @Test func elementwiseOps() {
        let a = randomTensor([3, 4], seed: 1), b = randomTensor([3, 4], seed: 2), v = randomTensor([4], seed: 3)
        check([("a", a), ("b", b)]) { g in g.probe(g.add(g.mul(a, b), g.addScaled(a, alpha: 1.7, b, beta: -0.3))) }
        check([("a", a), ("v", v)]) { g in g.probe(g.addColumns(g.mulColumns(a, v), v)) }
        check([("a", a)]) { g in g.probe(g.scale(g.reshape(a, [4, 3]), 2.5)) }
    }

    @Test func dropoutWithFixedMask() {
        let x = randomTensor([4, 6], seed: 1)
        check([("x", x)]) { g in g.probe(g.dropout(x, p: 0.3)) }
    }

    @Test func softmaxAndCrossEntropy() {
        let x = randomTensor([4, 6], seed: 1)
        check([("x", x)]) { g in g.probe(g.softmax(x)) }
        check([("x", x)]) { g in g.crossEntropy(x, targets: [2, -1, 5, 0]).loss }
        check([("x", x)]) { g in g.probe(g.tokenLogProbs(x, tokens: [2, 1, 5, 0])) }
    }

    @Test func layerNormAndRMSNorm() {
        let x = randomTensor([2, 3, 6], seed: 1), gain = randomTensor([6], seed: 2), shift = randomTensor([6], seed: 3)
        check([("x", x), ("gain", gain), ("shift", shift)]) { g in g.probe(g.layerNorm(x, gain: gain, shift: shift)) }
        check([("x", x), ("gain", gain)]) { g in g.probe(g.rmsNorm(x, gain: gain)) }
    }

    @Test func batchNormTrainAndEval() {
        let x = randomTensor([2, 3, 5], seed: 1), gain = randomTensor([5], seed: 2), shift = randomTensor([5], seed: 3)
        let mean = Tensor(zeros: [5], requiresGrad: false), variance = Tensor(zeros: [5], requiresGrad: false)
        variance.fill(1)
        check([("x", x), ("gain", gain), ("shift", shift)]) { g in
            g.probe(g.batchNorm(x, gain: gain, shift: shift, runningMean: mean, runningVar: variance))
        }
        check([("x", x), ("gain", gain)]) { g in
            g.training = false
            return g.probe(g.batchNorm(x, gain: gain, shift: shift, runningMean: mean, runningVar: variance))
        }
    }

    @Test func attentionPlain() {
        let q = randomTensor([2, 5, 8], seed: 1), k = randomTensor([2, 5, 8], seed: 2), v = randomTensor([2, 5, 8], seed: 3)
        check([("q", q), ("k", k), ("v", v)]) { g in g.probe(g.attention(q: q, k: k, v: v, heads: 2)) }
    }

    @Test(arguments: [1, 2])
    func attentionWithPrefixAndBias(threads: Int) {
        let q = randomTensor([2, 4, 8], seed: 1), k = randomTensor([2, 4, 8], seed: 2), v = randomTensor([2, 4, 8], seed: 3)
        let pk = randomTensor([3, 8], seed: 4), pv = randomTensor([3, 8], seed: 5), bias = randomTensor([2, 4, 7], seed: 6)
        check([("q", q), ("k", k), ("v", v), ("pk", pk), ("pv", pv), ("bias", bias)]) { g in
            g.threads = threads
            return g.probe(g.attention(q: q, k: k, v: v, heads: 2, prefixKeys: pk, prefixValues: pv, bias: bias))
        }
    }

    @Test func ropeAndRelativeBias() {
        let x = randomTensor([2, 5, 8], seed: 1)
        check([("x", x)]) { g in g.probe(g.rope(x, heads: 2, offset: 3)) }
        let table = randomTensor([6, 2], seed: 2)
        check([("table", table)]) { g in g.probe(g.relativeBias(table, heads: 2, length: 9, prefix: 2, maxDistance: 16)) }
    }

    @Test func sequenceOps() {
        let x = randomTensor([2, 4, 3], seed: 1), p = randomTensor([2, 3], seed: 2)
        check([("x", x), ("p", p)]) { g in g.probe(g.dropLeadingPositions(g.prependRows(p, to: x), count: 1)) }
        check([("x", x)]) { g in g.probe(g.gatherPositions(x, positions: [3, 1])) }
        check([("x", x)]) { g in g.probe(g.sliceColumns(g.reshape(x, [8, 3]), start: 1, width: 2)) }
        check([("x", x)]) { g in g.probe(g.rowSums(g.reshape(x, [8, 3]), mask: [1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1])) }
        let a = randomTensor([3, 2], seed: 3), b = randomTensor([3, 4], seed: 4)
        check([("a", a), ("b", b)]) { g in g.probe(g.concatColumns(a, b)) }
        check([("a", a), ("b", b)]) { g in g.probe(g.concatRows([g.sliceRows(b, start: 1, count: 2), g.reshape(a, [1, 6]) |> { g.sliceColumns($0, start: 0, width: 4) }])) }
    }
}

infix operator |>: AdditionPrecedence
func |> <T, U>(x: T, f: (T) -> U) -> U { f(x) }
