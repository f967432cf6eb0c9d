import Foundation
import Testing
@testable import Engine

/// Tiny models must actually learn; PEFT invariants hold after real training steps.
@Suite(.serialized) struct LearningTests {
    init() { BLASRuntime.threads = 1 }

    static let reverseConfig = TransformerConfig(vocab: 10, dModel: 32, layers: 2, heads: 4, dFF: 64, maxLength: 12)

    @Test func learnsToReverseSequences() throws {
        let task = ReverseTask(vocab: 10, length: 12)
        let model = try Transformer(Self.reverseConfig, seed: 1)
        let trainer = Trainer(model: model, task: task, config: TrainingConfig(
            schedule: .init(peak: 3e-3, warmupSteps: 20, totalSteps: 600, decay: .cosine, minLR: 1e-4), batchSize: 32, seed: 2))
        for _ in 0..<600 { trainer.step() }
        let eval = trainer.evaluate(on: task, batches: 8)
        #expect(eval.accuracy >= 0.99, "reverse accuracy \(eval.accuracy), loss \(eval.loss)")
    }

    @Test func learnsModularAddition() throws {
        let task = ModularAdditionTask(modulus: 11)
        let model = try Transformer(TransformerConfig(vocab: 12, dModel: 32, layers: 1, heads: 4, dFF: 64, maxLength: 3), seed: 1)
        let trainer = Trainer(model: model, task: task, config: TrainingConfig(
            schedule: .init(peak: 3e-3, warmupSteps: 20, totalSteps: 600, decay: .cosine, minLR: 1e-4), batchSize: 64, seed: 3))
        for _ in 0..<600 { trainer.step() }
        let eval = model.evaluate([task.allPairs()])
        #expect(eval.accuracy >= 0.99, "mod-11 accuracy on all 121 pairs \(eval.accuracy)")
    }
}
