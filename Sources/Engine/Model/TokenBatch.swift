/// A batch of token sequences and their next-token targets.
public struct TokenBatch: Sendable, Equatable {
    /// Sequences in the batch.
    public let batch: Int
    /// Tokens per sequence.
    public let length: Int
    /// Input tokens [batch · length], sequence after sequence.
    public let inputs: [Int32]
    /// Target token per input position; −1 means "not scored" (prompt part of a task).
    public let targets: [Int32]

    /// A batch; `inputs` and `targets` must both hold batch · length tokens.
    public init(batch: Int, length: Int, inputs: [Int32], targets: [Int32]) {
        precondition(inputs.count == batch * length && targets.count == batch * length,
                     "TokenBatch: \(inputs.count) inputs, \(targets.count) targets for \(batch)×\(length)")
        self.batch = batch; self.length = length; self.inputs = inputs; self.targets = targets
    }
}
