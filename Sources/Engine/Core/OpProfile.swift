import Dispatch

/// Wall time per op kind of the graphs it is attached to, forward and backward separately.
///
/// For `dojo bench --profile`: perf cannot see through OpenBLAS's frames, so the time of a
/// GEMM would otherwise not be charged to the op that called it. An op's forward time is the
/// time since the previous op recorded itself, so work between ops is charged to the next one.
public final class OpProfile: @unchecked Sendable {
    /// Time and calls of one op kind.
    public struct Entry: Sendable {
        /// The op's function name, e.g. "linear".
        public var name: String
        /// Seconds in forward passes.
        public var forward: Double
        /// Seconds in backward passes.
        public var backward: Double
        /// Forward calls.
        public var calls: Int
    }

    private var forwardNs: [String: UInt64] = [:]
    private var backwardNs: [String: UInt64] = [:]
    private var calls: [String: Int] = [:]
    private var mark: UInt64 = 0

    /// An empty profile.
    public init() {}

    /// Every op seen, most expensive first.
    public var entries: [Entry] {
        Set(forwardNs.keys).union(backwardNs.keys).map { name in
            Entry(name: name, forward: Double(forwardNs[name] ?? 0) / 1e9, backward: Double(backwardNs[name] ?? 0) / 1e9, calls: calls[name] ?? 0)
        }.sorted { $0.forward + $0.backward > $1.forward + $1.backward }
    }

    /// Forgets everything measured so far (after warmup steps).
    public func clear() { forwardNs = [:]; backwardNs = [:]; calls = [:] }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// A forward pass starts: time before the first op is not charged to it.
    func start() { mark = Self.now() }

    func forward(_ op: StaticString) {
        let t = Self.now(), name = Self.shortName(op)
        forwardNs[name, default: 0] += t &- mark
        calls[name, default: 0] += 1
        mark = t
    }

    func backward(_ op: StaticString, since t0: UInt64) {
        backwardNs[Self.shortName(op), default: 0] += Self.now() &- t0
    }

    /// Charges work outside the graph (data, optimizer) to `name` as a call of its own.
    func charge(_ name: String, since t0: UInt64) {
        forwardNs[name, default: 0] += Self.now() &- t0
        calls[name, default: 0] += 1
    }

    /// "linear(_:_:bias:transposeW:)" → "linear".
    static func shortName(_ op: StaticString) -> String {
        let s = op.description
        return s.firstIndex(of: "(").map { String(s[..<$0]) } ?? s
    }
}
