import Foundation
import Testing
@testable import Engine

/// Checkpoints refuse what they cannot load with a message that says why, and accept a base
/// into a configuration that differs only in training settings.
@Suite(.serialized) struct CheckpointTests {
    init() { BLASRuntime.threads = 1 }

    static let config = TransformerConfig(vocab: 10, dModel: 16, layers: 2, heads: 2, dFF: 32, maxLength: 16)

    /// A fresh file path in a directory removed after `body`.
    func withPath(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-ckpt-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir.appendingPathComponent("m.ckpt").path)
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch { return "\(error)" }
    }

    @Test func aBaseLoadsIntoAConfigurationWithOtherDropoutAndInit() throws {
        try withPath { path in
            let base = try Transformer(Self.config, seed: 1)
            try base.save(to: path)
            var fineTune = Self.config
            fineTune.dropout = 0.1
            fineTune.initStd = 0.05
            let model = try Transformer(fineTune, seed: 2)
            try model.load(from: path)
            for (a, b) in zip(base.parameters, model.parameters) { #expect(a.tensor.values == b.tensor.values, "\(a.name)") }
            #expect(model.config.dropout == 0.1, "the model keeps its own training settings")
        }
    }

    @Test func aShapeMismatchNamesEveryDifferingField() throws {
        try withPath { path in
            try Transformer(Self.config, seed: 1).save(to: path)
            var other = Self.config
            other.dModel = 8
            other.layers = 3
            other.positions = .alibi
            other.dropout = 0.2  // not reported: training only
            let text = message { try Transformer(other, seed: 1).load(from: path) }
            #expect(text.contains("dModel 16 vs 8") && text.contains("layers 2 vs 3") && text.contains("positions learned vs alibi"), "\(text)")
            #expect(!text.contains("dropout"), "\(text)")
            #expect(text.contains(path))
        }
    }

    @Test func aPEFTMismatchIsRefused() throws {
        try withPath { path in
            let tuned = try Transformer(Self.config, seed: 1)
            try tuned.attach(.lora(LoRAConfig(rank: 2, alpha: 4)), seed: 2)
            try tuned.save(to: path)
            let plain = try Transformer(Self.config, seed: 1)
            let text = message { try plain.load(from: path) }
            #expect(text.contains("holds PEFT method lora but this model has none"), "\(text)")
            #expect(try Transformer.load(from: path).peft == tuned.peft, "the static loader rebuilds the attachment")
        }
    }

    @Test func anotherFormatVersionIsRefused() throws {
        try withPath { path in
            try Transformer(Self.config, seed: 1).save(to: path)
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[8] = 99  // the little-endian version after the 8-byte magic
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let text = message { _ = try Transformer.load(from: path) }
            #expect(text.contains("format version 99") && text.contains("reads version \(Checkpoint.version)"), "\(text)")
        }
    }

    @Test func aTruncatedFileIsRefusedAtTheByteItEnds() throws {
        try withPath { path in
            try Transformer(Self.config, seed: 1).save(to: path)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            try Data(bytes[0..<(bytes.count / 2)]).write(to: URL(fileURLWithPath: path))
            let text = message { _ = try Transformer.load(from: path) }
            #expect(text.contains("\(path) is truncated at byte"), "\(text)")
            let model = try Transformer(Self.config, seed: 3)
            #expect(message { try model.load(from: path) }.contains("truncated"))
        }
    }
}
