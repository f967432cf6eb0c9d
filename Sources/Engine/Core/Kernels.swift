import CKernels

// The elementwise kernels that call `fastExp` live in this one file: debug builds compile
// files separately, and a call across files cannot be inlined, which left these loops
// scalar and four times slower. The hottest kernels (GELU, causal softmax, Adam, LayerNorm)
// are in the CKernels module instead, where they also get AVX2 + FMA.

/// e^x for Float, branch-free so loops over it vectorize: 2^(x·log₂e) split into an integer
/// power (built in the exponent bits) and 2^f for f ∈ [−½, ½] by its degree-6 Taylor series.
/// Relative error below 2e-7 on [−87, 88]; inputs outside are clamped (e^−87 ≈ 1.6e-38).
@inline(__always)
func fastExp(_ x: Float) -> Float {
    let y = min(max(x, -87), 88) * 1.442_695_04
    // Adding 1.5·2²³ rounds to an integer in the low mantissa bits without a call to rint.
    let t = y + 12_582_912
    let f = y - (t - 12_582_912)
    var p: Float = 1.540_353_04e-4
    p = p * f + 1.333_355_81e-3
    p = p * f + 9.618_129_11e-3
    p = p * f + 5.550_410_87e-2
    p = p * f + 0.240_226_507
    p = p * f + 0.693_147_181
    p = p * f + 1
    return p * Float(bitPattern: (t.bitPattern &- 0x4B40_0000 &+ 127) &<< 23)
}

/// Logistic sigmoid through `fastExp`.
@inline(__always)
func fastSigmoid(_ x: Float) -> Float { 1 / (1 + fastExp(-x)) }

/// `fastExp` on eight lanes at once, the same operations per lane, so lanes and the scalar
/// version agree bit for bit. The clamp is written with comparisons, like the scalar's
/// min/max, so a NaN stays NaN (SIMD's pointwise min/max would turn it into a bound and hide
/// a divergence).
@inline(__always)
func fastExp(_ x: SIMD8<Float>) -> SIMD8<Float> {
    var c = x
    c.replace(with: -87, where: c .< -87)
    c.replace(with: 88, where: c .> 88)
    let y = c * 1.442_695_04
    let t = y + 12_582_912
    let f = y - (t - 12_582_912)
    var p = SIMD8<Float>(repeating: 1.540_353_04e-4)
    p = p * f + 1.333_355_81e-3
    p = p * f + 9.618_129_11e-3
    p = p * f + 5.550_410_87e-2
    p = p * f + 0.240_226_507
    p = p * f + 0.693_147_181
    p = p * f + 1
    let bits = (unsafeBitCast(t, to: SIMD8<UInt32>.self) &- 0x4B40_0000 &+ 127) &<< 23
    return p * unsafeBitCast(bits, to: SIMD8<Float>.self)
}

/// Numerically stable softmax of one row; `y` may be `x` (attention works in place).
///
/// Explicit SIMD because the compiler's own vectorization of the exp loop checks whether x
/// and y overlap and runs the scalar loop when they do, which in place they always do.
@inline(__always)
func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
    let m = reduceMax(x, n)
    if m == -.infinity { for j in 0..<n { y[j] = 0 }; return }
    let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y), mv = SIMD8<Float>(repeating: m)
    var acc = SIMD8<Float>()
    var j = 0
    while j + 8 <= n {
        let e = fastExp(rx.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) - mv)
        ry.storeBytes(of: e, toByteOffset: j * 4, as: SIMD8<Float>.self)
        acc += e
        j += 8
    }
    var s = acc.sum()
    while j < n { let e = fastExp(x[j] - m); y[j] = e; s += e; j += 1 }
    let inv = 1 / s
    for j in 0..<n { y[j] *= inv }
}

func reluForward(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { y[i] = max(x[i], 0) }
}

func reluBackward(_ x: UnsafeMutablePointer<Float>, _ dy: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { dx[i] += x[i] > 0 ? dy[i] : 0 }
}

func siluForward(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { y[i] = x[i] / (1 + fastExp(-x[i])) }
}

func siluBackward(_ x: UnsafeMutablePointer<Float>, _ dy: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi {
        let s = 1 / (1 + fastExp(-x[i]))
        dx[i] += dy[i] * s * (1 + x[i] * (1 - s))
    }
}

func sigmoidForward(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { y[i] = 1 / (1 + fastExp(-x[i])) }
}

func sigmoidBackward(_ y: UnsafeMutablePointer<Float>, _ dy: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { dx[i] += dy[i] * y[i] * (1 - y[i]) }
}

func tanhForward(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { y[i] = 2 / (1 + fastExp(-2 * x[i])) - 1 }
}

func tanhBackward(_ y: UnsafeMutablePointer<Float>, _ dy: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { dx[i] += dy[i] * (1 - y[i] * y[i]) }
}

/// y = f(x) and x ← f'(x), for activations whose input is not needed otherwise.
/// One function per kind: a single function switching around several loops vectorized badly.
func activationForwardWithDerivative(_ kind: Activation, _ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    switch kind {
    case .gelu: dojo_gelu_with_derivative(x + lo, y + lo, hi - lo)
    case .relu: reluWithDerivative(x, y, lo, hi)
    case .silu, .swiglu: siluWithDerivative(x, y, lo, hi)
    case .sigmoid: sigmoidWithDerivative(x, y, lo, hi)
    case .tanh: tanhWithDerivative(x, y, lo, hi)
    }
}

func reluWithDerivative(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { let v = x[i]; y[i] = max(v, 0); x[i] = v > 0 ? 1 : 0 }
}

func siluWithDerivative(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { let v = x[i], s = 1 / (1 + fastExp(-v)); y[i] = v * s; x[i] = s * (1 + v * (1 - s)) }
}

func sigmoidWithDerivative(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { let s = 1 / (1 + fastExp(-x[i])); y[i] = s; x[i] = s * (1 - s) }
}

func tanhWithDerivative(_ x: UnsafeMutablePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int) {
    for i in lo..<hi { let t = 2 / (1 + fastExp(-2 * x[i])) - 1; y[i] = t; x[i] = 1 - t * t }
}

/// dx = dy ⊙ d (or dx += when accumulating).
func scaleByDerivative(_ d: UnsafeMutablePointer<Float>, _ dy: UnsafeMutablePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ lo: Int, _ hi: Int, overwrite: Bool) {
    if overwrite {
        for i in lo..<hi { dx[i] = dy[i] * d[i] }
    } else {
        for i in lo..<hi { dx[i] += dy[i] * d[i] }
    }
}

// MARK: - Reductions
//
// A plain `s += x[i]` loop is one dependent chain of additions: the compiler may not reorder
// float additions, so it neither vectorizes nor overlaps them. These keep 16 partial sums in
// two SIMD8 registers (a fixed order, so results stay deterministic) and combine them at the end.

/// Σ x[i] for i < n.
func reduceSum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
    var a = SIMD8<Float>(), b = SIMD8<Float>()
    var i = 0
    let raw = UnsafeRawPointer(x)
    while i + 16 <= n {
        a += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        b += raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
        i += 16
    }
    var s = (a + b).sum()
    while i < n { s += x[i]; i += 1 }
    return s
}

/// Σ x[i]·y[i] for i < n.
func reduceDot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
    var a = SIMD8<Float>(), b = SIMD8<Float>()
    var i = 0
    let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
    while i + 16 <= n {
        a += rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        b += rx.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self) * ry.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
        i += 16
    }
    var s = (a + b).sum()
    while i < n { s += x[i] * y[i]; i += 1 }
    return s
}

/// Σ (x[i] − c)² for i < n.
func reduceSquaredDeviation(_ x: UnsafePointer<Float>, _ c: Float, _ n: Int) -> Float {
    var a = SIMD8<Float>(), b = SIMD8<Float>()
    let cv = SIMD8<Float>(repeating: c)
    var i = 0
    let raw = UnsafeRawPointer(x)
    while i + 16 <= n {
        let u = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - cv
        let v = raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self) - cv
        a += u * u
        b += v * v
        i += 16
    }
    var s = (a + b).sum()
    while i < n { let d = x[i] - c; s += d * d; i += 1 }
    return s
}

/// max x[i] for i < n (n ≥ 1); NaNs are ignored as in a `>` scan.
func reduceMax(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
    var m = -Float.infinity
    var i = 0
    if n >= 8 {
        var a = SIMD8<Float>(repeating: -.infinity)
        let raw = UnsafeRawPointer(x)
        while i + 8 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            a.replace(with: v, where: v .> a)
            i += 8
        }
        m = a.max()
    }
    while i < n { if x[i] > m { m = x[i] }; i += 1 }
    return m
}

/// Σ x[i]·y[i]·z[i] for i < n.
func reduceDotTriple(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ z: UnsafePointer<Float>, _ n: Int) -> Float {
    var a = SIMD8<Float>(), b = SIMD8<Float>()
    var i = 0
    let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y), rz = UnsafeRawPointer(z)
    while i + 16 <= n {
        a += rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) * ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            * rz.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        b += rx.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self) * ry.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
            * rz.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
        i += 16
    }
    var s = (a + b).sum()
    while i < n { s += x[i] * y[i] * z[i]; i += 1 }
    return s
}
