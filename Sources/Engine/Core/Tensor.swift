/// A contiguous, row-major block of `Float`s with an optional gradient of the same shape.
///
/// Two kinds exist. Parameters own their value and gradient for the life of a model.
/// Activations are handed out by a `Graph` from a pool that is reused every step, so a
/// tensor returned by a graph op is valid only until that graph's next `reset()`.
public final class Tensor {
    /// Dimensions, outermost first.
    public internal(set) var shape: [Int]
    /// Number of elements (product of `shape`).
    public internal(set) var count: Int
    /// Elements allocated; at least `count`.
    let capacity: Int
    /// The values.
    public let data: UnsafeMutablePointer<Float>
    /// Gradient of the loss with respect to the values, once backward has reached this tensor.
    public internal(set) var grad: UnsafeMutablePointer<Float>?
    /// Whether gradients flow into this tensor. Frozen parameters set this to false.
    public var requiresGrad: Bool
    /// Parameters keep their gradient buffer; activations borrow one from the graph.
    let ownsGrad: Bool

    init(shape: [Int], capacity: Int, requiresGrad: Bool, ownsGrad: Bool) {
        let n = shape.reduce(1, *)
        precondition(capacity >= n, "tensor capacity \(capacity) < \(n)")
        self.shape = shape
        self.count = n
        self.capacity = capacity
        self.data = .allocate(capacity: max(1, capacity))
        self.data.initialize(repeating: 0, count: max(1, capacity))
        self.requiresGrad = requiresGrad
        self.ownsGrad = ownsGrad
        if ownsGrad {
            let g = UnsafeMutablePointer<Float>.allocate(capacity: max(1, capacity))
            g.initialize(repeating: 0, count: max(1, capacity))
            grad = g
        }
    }

    /// A parameter (or constant) tensor of the given shape filled with zeros.
    public convenience init(zeros shape: [Int], requiresGrad: Bool = true) {
        let n = shape.reduce(1, *)
        self.init(shape: shape, capacity: n, requiresGrad: requiresGrad, ownsGrad: true)
    }

    /// A parameter tensor holding `values`.
    public convenience init(shape: [Int], values: [Float], requiresGrad: Bool = true) {
        self.init(zeros: shape, requiresGrad: requiresGrad)
        precondition(values.count == count, "\(values.count) values for shape \(shape)")
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: count) }
    }

    deinit {
        data.deallocate()
        if ownsGrad { grad?.deallocate() }
    }

    /// The values copied into an array (for tests and reporting, not hot loops).
    public var values: [Float] { Array(UnsafeBufferPointer(start: data, count: count)) }

    /// The gradient copied into an array, or zeros when none has flowed here.
    public var gradValues: [Float] {
        guard let grad else { return [Float](repeating: 0, count: count) }
        return Array(UnsafeBufferPointer(start: grad, count: count))
    }

    /// The single value of a one-element tensor.
    public var item: Float { data[0] }

    /// Rows when viewed as a matrix whose columns are the last dimension.
    var rows: Int { count / (shape.last ?? 1) }
    /// The last dimension.
    var cols: Int { shape.last ?? 1 }

    /// Sets every value to `v`.
    public func fill(_ v: Float) { data.update(repeating: v, count: count) }

    /// Zeroes the owned gradient (parameters).
    public func zeroGrad() {
        if ownsGrad, let grad { grad.update(repeating: 0, count: count) }
    }

    /// Copies values from another tensor of the same element count.
    public func copyValues(from other: Tensor) {
        precondition(other.count == count, "copy \(other.count) into \(count)")
        data.update(from: other.data, count: count)
    }
}
