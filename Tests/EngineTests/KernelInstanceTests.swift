import CKernels
import Foundation
import Testing
@testable import Engine

/// The C kernels exist twice on x86-64 (AVX2 + FMA, baseline SSE2); a machine only runs one
/// through the dispatching entry points. These compare the dispatched instance with the
/// baseline one on the same inputs, so the path a CPU without AVX2 takes is tested too.
/// They agree to float rounding (FMA rounds once where the baseline rounds twice).
@Suite struct KernelInstanceTests {
    func values(_ n: Int, seed: UInt64, scale: Float = 3) -> [Float] {
        var rng = SeededRandom(seed: seed)
        return (0..<n).map { _ in rng.normal() * scale }
    }

    func close(_ a: [Float], _ b: [Float], _ what: String, tolerance: Float = 1e-5) {
        #expect(a.count == b.count)
        let worst = zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
        #expect(worst < tolerance, "\(what): instances differ by \(worst)")
    }

    /// 37 elements: four full 8-lane blocks, nine 4-lane blocks and a scalar tail.
    @Test func geluInstancesAgree() {
        let x = values(37, seed: 1)
        var x1 = x, x2 = x, y1 = [Float](repeating: 0, count: 37), y2 = y1
        dojo_gelu_with_derivative(&x1, &y1, 37)
        dojo_gelu_with_derivative_base(&x2, &y2, 37)
        close(y1, y2, "gelu")
        close(x1, x2, "gelu'")
        var f1 = y1, f2 = y1
        dojo_gelu_forward(x, &f1, 37)
        dojo_gelu_forward_base(x, &f2, 37)
        close(f1, f2, "gelu forward")
        close(f1, y1, "forward equals the forward-with-derivative")
        let dy = values(37, seed: 2)
        var d1 = values(37, seed: 3), d2 = d1
        dojo_gelu_backward(x, dy, &d1, 37)
        dojo_gelu_backward_base(x, dy, &d2, 37)
        close(d1, d2, "gelu backward")
        // The tanh form itself, in Double.
        for (v, y) in zip(x, y1) {
            let u = 0.797_884_560_8 * (Double(v) + 0.044_715 * Double(v) * Double(v) * Double(v))
            #expect(abs(Double(y) - 0.5 * Double(v) * (1 + Foundation.tanh(u))) < 1e-5 * max(1, abs(Double(v))))
        }
    }

    /// Rows of 13 columns, valid lengths 0…13: masked lanes, blocks that stop before the row
    /// end, and the all-masked row.
    @Test func causalSoftmaxInstancesAgree() {
        for valid in 0...13 {
            let row = values(13, seed: UInt64(valid))
            var r1 = row, r2 = row
            dojo_causal_softmax_row(&r1, valid, 13)
            dojo_causal_softmax_row_base(&r2, valid, 13)
            close(r1, r2, "softmax valid \(valid)")
            #expect(r1[valid...].allSatisfy { $0 == 0 }, "masked columns are zero")
            if valid > 0 { #expect(abs(r1[..<valid].reduce(0, +) - 1) < 1e-5) }
            let g = values(13, seed: UInt64(100 + valid))
            var g1 = g, g2 = g
            dojo_causal_softmax_backward_row(r1, &g1, valid, 13)
            dojo_causal_softmax_backward_row_base(r1, &g2, valid, 13)
            close(g1, g2, "softmax backward valid \(valid)")
            #expect(g1[valid...].allSatisfy { $0 == 0 })
        }
        var nan: [Float] = [1, .nan, 2, 3, 4, 5, 6, 7, 8]
        dojo_causal_softmax_row(&nan, 9, 9)
        #expect(nan.contains { $0.isNaN }, "a NaN score must not be turned into a probability")
    }

    @Test func adamInstancesAgree() {
        let w = values(21, seed: 1, scale: 1), g = values(21, seed: 2, scale: 0.1)
        var w1 = w, w2 = w, m1 = values(21, seed: 3, scale: 0.01), m2 = m1
        var v1 = values(21, seed: 4, scale: 0.01).map { $0 * $0 }, v2 = v1
        dojo_adam_update(&w1, g, &m1, &v1, 21, 0.9, 0.999, 1e-8, 0.01, 0.999, 1e-3, 1.2)
        dojo_adam_update_base(&w2, g, &m2, &v2, 21, 0.9, 0.999, 1e-8, 0.01, 0.999, 1e-3, 1.2)
        close(w1, w2, "weights")
        close(m1, m2, "first moment")
        close(v1, v2, "second moment")
        #expect(w1 != w, "the update moved the weights")
    }

    @Test func layerNormInstancesAgree() {
        let (r, c) = (5, 37)
        let x = values(r * c, seed: 1), gain = values(c, seed: 2), shift = values(c, seed: 3), dy = values(r * c, seed: 4)
        var y1 = [Float](repeating: 0, count: r * c), y2 = y1, s1 = [Float](repeating: 0, count: 2 * r), s2 = s1
        dojo_layernorm_forward(x, gain, shift, &y1, &s1, 0, r, c, 1e-5)
        dojo_layernorm_forward_base(x, gain, shift, &y2, &s2, 0, r, c, 1e-5)
        close(y1, y2, "layernorm")
        close(s1, s2, "statistics")
        for overwrite: Int32 in [0, 1] {
            var d1 = values(r * c, seed: 5), d2 = d1
            dojo_layernorm_backward(x, gain, s1, dy, &d1, 0, r, c, overwrite)
            dojo_layernorm_backward_base(x, gain, s1, dy, &d2, 0, r, c, overwrite)
            close(d1, d2, "layernorm backward (overwrite \(overwrite))")
        }
    }
}
