import Foundation

/// The binary checkpoint format.
///
/// Layout (little-endian): magic "DOJOCKPT", UInt32 version, UInt32 n + n bytes of JSON
/// header (`CheckpointHeader`), UInt32 tensor count, then per tensor: UInt16 name length,
/// name (UTF-8), UInt32 element count, Float32 values.
enum Checkpoint {
    static let magic = Array("DOJOCKPT".utf8)
    static let version: UInt32 = 1
}

/// What a checkpoint says about the model it holds.
struct CheckpointHeader: Codable {
    var config: TransformerConfig
    var peft: PEFTMethod?
    /// LoRA updates already folded into the base weights when saved.
    var loraMerged: Bool?
}

extension Transformer {
    /// Writes every tensor (base, PEFT, BatchNorm statistics) with a versioned header.
    public func save(to path: String) throws(EngineError) {
        var out = Data(Checkpoint.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(Checkpoint.version)
        let header: Data
        do { header = try JSONEncoder().encode(CheckpointHeader(config: config, peft: peft, loraMerged: attachments.lora.values.contains { $0.merged })) } catch {
            throw .checkpoint("cannot encode the header: \(error)")
        }
        u32(UInt32(header.count))
        out.append(header)
        let params = parameters
        u32(UInt32(params.count))
        for p in params {
            let name = Array(p.name.utf8)
            withUnsafeBytes(of: UInt16(name.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: name)
            u32(UInt32(p.tensor.count))
            for i in 0..<p.tensor.count { u32(p.tensor.data[i].bitPattern) }
        }
        do { try out.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .checkpoint("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Rebuilds a model (and its PEFT attachment) from a checkpoint written by `save(to:)`.
    public static func load(from path: String) throws(EngineError) -> Transformer {
        var reader = try CheckpointReader(path: path)
        let header = try reader.header()
        let model = try Transformer(header.config, seed: 0)
        if let method = header.peft { try model.attach(method, seed: 0) }
        try model.readTensors(&reader, path: path)
        model.restoreMergeState(header)
        return model
    }

    /// Loads weights into this model; the file must come from the same architecture (dropout
    /// and init std may differ) and PEFT method.
    public func load(from path: String) throws(EngineError) {
        var reader = try CheckpointReader(path: path)
        let header = try reader.header()
        let differences = header.config.architectureDifferences(from: config)
        guard differences.isEmpty else {
            throw .checkpoint("\(path) was saved from a different model configuration (file vs this model: \(differences.joined(separator: ", "))); build the model from that configuration or use Transformer.load(from:)")
        }
        guard header.peft == peft else {
            throw .checkpoint("\(path) holds PEFT method \(header.peft?.name ?? "none") but this model has \(peft?.name ?? "none"); attach the same method before loading")
        }
        try readTensors(&reader, path: path)
        restoreMergeState(header)
    }

    private func restoreMergeState(_ header: CheckpointHeader) {
        for lora in attachments.lora.values { lora.merged = header.loraMerged ?? false }
    }

    private func readTensors(_ reader: inout CheckpointReader, path: String) throws(EngineError) {
        let params = parameters
        let count = Int(try reader.u32())
        guard count == params.count else {
            throw .checkpoint("\(path) holds \(count) tensors, the model has \(params.count); the file does not match this model")
        }
        for p in params {
            let name = try reader.string()
            guard name == p.name else { throw .checkpoint("\(path): expected tensor \(p.name), found \(name)") }
            let n = Int(try reader.u32())
            guard n == p.tensor.count else { throw .checkpoint("\(path): tensor \(name) has \(n) values, the model needs \(p.tensor.count)") }
            for i in 0..<n { p.tensor.data[i] = Float(bitPattern: try reader.u32()) }
        }
    }
}

/// Sequential reads from a checkpoint file with bounds checks that name the file.
struct CheckpointReader {
    let bytes: [UInt8]
    let path: String
    var offset = 0

    init(path: String) throws(EngineError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .checkpoint("cannot read \(path): no such file or not readable") }
        bytes = Array(data)
        self.path = path
        guard bytes.count >= 12, Array(bytes[0..<8]) == Checkpoint.magic else {
            throw .checkpoint("\(path) is not a dojo checkpoint (bad magic)")
        }
        offset = 8
        let v = try u32()
        guard v == Checkpoint.version else {
            throw .checkpoint("\(path) has format version \(v); this build reads version \(Checkpoint.version). Re-save it with a matching dojo")
        }
    }

    mutating func take(_ n: Int) throws(EngineError) -> ArraySlice<UInt8> {
        guard offset + n <= bytes.count else { throw .checkpoint("\(path) is truncated at byte \(offset)") }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    mutating func u32() throws(EngineError) -> UInt32 {
        let s = try take(4)
        return s.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() throws(EngineError) -> String {
        let s = try take(2)
        let n = Int(s[s.startIndex]) | Int(s[s.startIndex + 1]) << 8
        return String(decoding: try take(n), as: UTF8.self)
    }

    mutating func header() throws(EngineError) -> CheckpointHeader {
        let n = Int(try u32())
        let json = Data(try take(n))
        do { return try JSONDecoder().decode(CheckpointHeader.self, from: json) } catch {
            throw .checkpoint("\(path) has an unreadable header: \(error)")
        }
    }
}
