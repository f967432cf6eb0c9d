import Foundation
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

    /// The residual folded into the GEMM: y = s·r + x·W (+ b), with r also read elsewhere so
    /// its gradient accumulates into one already claimed.
    @Test(arguments: [Float(1), 0.7])
    func linearWithFusedResidual(scale: Float) {
        let x = randomTensor([2, 3, 5], seed: 1), w = randomTensor([5, 4], seed: 2), b = randomTensor([4], seed: 3)
        let r = randomTensor([2, 3, 4], seed: 5)
        check([("x", x), ("w", w), ("b", b), ("r", r)]) { g in
            let y = g.linear(x, w, bias: b, residual: r, residualScale: scale)
            return g.probe(g.add(y, g.mul(r, r)))
        }
        check([("x", x), ("w", w), ("r", r)]) { g in
            g.probe(g.linear(x, w, bias: nil, residual: r, residualScale: scale))
        }
        // The forward value is the unfused sum.
        let g = Graph()
        let fused = g.linear(x, w, bias: b, residual: r, residualScale: scale)
        let plain = g.linear(x, w, bias: b)
        for i in 0..<fused.count {
            #expect(abs(fused.data[i] - (scale * r.data[i] + plain.data[i])) < 1e-5)
        }
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
        check([("x", x), ("gain", gain), ("shift", shift)]) { g in
            g.training = false
            return g.probe(g.batchNorm(x, gain: gain, shift: shift, runningMean: mean, runningVar: variance))
        }
    }

    /// Sizes above the thresholds at which LayerNorm (32 768 elements) and activations
    /// (65 536) split their loops across threads, so the threaded paths are the ones checked.
    @Test func threadedLayerNormAndActivations() {
        func checkProbe(_ params: [(String, Tensor)], _ output: (Graph) -> Tensor) {
            let outcome = GradientCheck().runProbe(params, output: output)
            #expect(outcome.maxError < 1e-2, "\(outcome)")
        }
        let x = randomTensor([4, 64, 130], seed: 1), gain = randomTensor([130], seed: 2), shift = randomTensor([130], seed: 3)
        checkProbe([("x", x), ("gain", gain), ("shift", shift)]) { g in
            g.threads = 2
            return g.layerNorm(x, gain: gain, shift: shift)
        }
        let a = randomTensor([256, 260], seed: 4)
        for kind in [Activation.gelu, .silu] {
            checkProbe([("a", a)]) { g in g.threads = 2; return g.activation(a, kind) }
            checkProbe([("a", a)]) { g in g.threads = 2; return g.activation(g.scale(a, 1), kind, overwriteInput: true) }
        }
    }

    @Test func concatenatedLinear() {
        let x = randomTensor([2, 3, 5], seed: 1)
        let w1 = randomTensor([5, 4], seed: 2), w2 = randomTensor([5, 3], seed: 3), w3 = randomTensor([5, 2], seed: 4)
        let b1 = randomTensor([4], seed: 5), b3 = randomTensor([2], seed: 6)
        check([("x", x), ("w1", w1), ("w2", w2), ("w3", w3), ("b1", b1), ("b3", b3)]) { g in
            g.probe(g.linearConcatenated(x, weights: [w1, w2, w3], biases: [b1, nil, b3]))
        }
        // Equal to the three products side by side.
        let g = Graph()
        let y = g.linearConcatenated(x, weights: [w1, w2, w3], biases: [b1, nil, b3])
        let parts = [g.linear(x, w1, bias: b1), g.linear(x, w2, bias: nil), g.linear(x, w3, bias: b3)]
        #expect(y.shape == [2, 3, 9])
        for r in 0..<6 {
            let row = Array(y.values[(r * 9)..<(r * 9 + 9)])
            let expected = parts.flatMap { p in Array(p.values[(r * p.cols)..<((r + 1) * p.cols)]) }
            #expect(zip(row, expected).allSatisfy { abs($0 - $1) < 1e-5 })
        }
    }

    /// Causal attention in Double, one query at a time: the reference the blocked products
    /// must reproduce. q, k, v [B, T, D]; prefixes [P, D]; bias [H, T, P+T].
    func referenceAttention(_ q: Tensor, _ k: Tensor, _ v: Tensor, heads: Int, pk: Tensor?, pv: Tensor?, bias: Tensor?) -> [Double] {
        let d = q.cols, t = q.shape[1], b = q.shape[0], hd = d / heads, p = pk?.shape[0] ?? 0, s = p + t
        var out = [Double](repeating: 0, count: q.count)
        for bi in 0..<b {
            for h in 0..<heads {
                for i in 0..<t {
                    var scores: [Double] = []
                    func key(_ j: Int) -> UnsafeMutablePointer<Float> { j < p ? pk!.data + j * d : k.data + (bi * t + j - p) * d }
                    func value(_ j: Int) -> UnsafeMutablePointer<Float> { j < p ? pv!.data + j * d : v.data + (bi * t + j - p) * d }
                    for j in 0..<(p + i + 1) {
                        var dot = 0.0
                        for c in 0..<hd { dot += Double(q.data[(bi * t + i) * d + h * hd + c]) * Double(key(j)[h * hd + c]) }
                        scores.append(dot / Double(hd).squareRoot() + Double(bias.map { $0.data[(h * t + i) * s + j] } ?? 0))
                    }
                    let m = scores.max()!
                    let e = scores.map { Foundation.exp($0 - m) }, z = e.reduce(0, +)
                    for c in 0..<hd {
                        out[(bi * t + i) * d + h * hd + c] = e.indices.reduce(0.0) { $0 + e[$1] / z * Double(value($1)[h * hd + c]) }
                    }
                }
            }
        }
        return out
    }

    /// 40 positions span two row blocks of the causal products; 7 prefix columns make rows
    /// whose length is not a multiple of the SIMD width.
    @Test(arguments: [1, 2])
    func blockedAttentionMatchesTheReferenceFusedOrNot(threads: Int) {
        let (b, t, d, h, p) = (2, 40, 8, 2, 7)
        let q = randomTensor([b, t, d], seed: 1), k = randomTensor([b, t, d], seed: 2), v = randomTensor([b, t, d], seed: 3)
        let pk = randomTensor([p, d], seed: 4), pv = randomTensor([p, d], seed: 5), bias = randomTensor([h, t, p + t], std: 0.5, seed: 6)
        let reference = referenceAttention(q, k, v, heads: h, pk: pk, pv: pv, bias: bias)
        let g = Graph()
        g.threads = threads
        g.recording = false
        let separate = g.attention(q: q, k: k, v: v, heads: h, prefixKeys: pk, prefixValues: pv, bias: bias).values
        let qkv = g.concatColumns(g.concatColumns(g.reshape(q, [b * t, d]), g.reshape(k, [b * t, d])), g.reshape(v, [b * t, d]))
        let fused = g.attention(qkv: g.reshape(qkv, [b, t, 3 * d]), heads: h, prefixKeys: pk, prefixValues: pv, bias: bias).values
        #expect(zip(separate, reference).map { abs(Double($0) - $1) }.max()! < 1e-5)
        #expect(separate == fused, "fused input must give the same bits as separate q, k, v")
        // Gradients through both layouts, all inputs at once.
        check([("q", q), ("k", k), ("v", v), ("pk", pk), ("pv", pv), ("bias", bias)]) { g in
            g.threads = threads
            return g.probe(g.attention(q: q, k: k, v: v, heads: h, prefixKeys: pk, prefixValues: pv, bias: bias))
        }
        let packed = Tensor(shape: [b, t, 3 * d], values: g.reshape(qkv, [b, t, 3 * d]).values)
        check([("qkv", packed), ("pk", pk), ("bias", bias)]) { g in
            g.threads = threads
            return g.probe(g.attention(qkv: packed, heads: h, prefixKeys: pk, prefixValues: pv, bias: bias))
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
