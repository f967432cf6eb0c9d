import Testing
@testable import Engine

/// The checker itself must reject a wrong backward, or every passing check means nothing.
@Suite(.serialized) struct GradientCheckTests {
    @Test func rejectsAWrongGradient() {
        let x = randomTensor([3, 4], seed: 1)
        let outcome = GradientCheck().run([("x", x)]) { g in
            // y = x², but backward claims dy/dx = x (off by a factor of two).
            let y = g.tensor(x.shape)
            for i in 0..<x.count { y.data[i] = x.data[i] * x.data[i] }
            g.record(y, x) { let dx = g.grad(x); for i in 0..<x.count { dx[i] += y.grad![i] * x.data[i] } }
            return g.probe(y)
        }
        #expect(outcome.maxError > 0.3)
    }
}
