import COpenBLAS

/// C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C, all row-major with leading dimensions.
@inline(__always)
func sgemm(
    _ transA: Bool, _ transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
    _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
    beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int
) {
    if m == 0 || n == 0 { return }
    if k == 0 {
        if beta == 0 { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    cblas_sgemm(
        CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}
