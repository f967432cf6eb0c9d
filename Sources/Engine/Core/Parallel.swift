import Dispatch

/// A pointer that may cross into a worker closure. Workers write disjoint ranges, so the
/// usual data-race rules hold by construction rather than by the type system.
struct SendablePointer: @unchecked Sendable {
    let p: UnsafeMutablePointer<Float>
    init(_ p: UnsafeMutablePointer<Float>) { self.p = p }
}

/// Runs `body(chunk)` for chunk in 0..<chunks, on up to `threads` threads.
///
/// Work is split into a fixed number of chunks independent of scheduling, so results do
/// not depend on which thread ran what.
@inline(__always)
func parallelFor(_ chunks: Int, threads: Int, _ body: (Int) -> Void) {
    if threads <= 1 || chunks <= 1 {
        for c in 0..<chunks { body(c) }
        return
    }
    withoutActuallyEscaping(body) { escapable in
        let box = UncheckedBox(escapable)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in box.value(c) }
    }
}

/// Wraps a non-Sendable closure for `concurrentPerform`; see `parallelFor`.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The range of `0..<n` that chunk `c` of `chunks` covers.
@inline(__always)
func chunkRange(_ c: Int, of chunks: Int, total n: Int) -> Range<Int> {
    let lo = n * c / chunks, hi = n * (c + 1) / chunks
    return lo..<hi
}
