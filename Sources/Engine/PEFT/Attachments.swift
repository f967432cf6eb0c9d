/// A block projection of one layer.
public struct LoRASite: Hashable, Sendable {
    /// Block index.
    public let layer: Int
    /// Which matrix.
    public let projection: Projection
}

/// All PEFT additions of a model; empty for the plain model.
struct Attachments {
    var lora: [LoRASite: LoRA] = [:]
    var adapters: [Int: AdapterPair] = [:]
    var ia3: [Int: IA3Vectors] = [:]
    var prompt: SoftPrompt?
    var prefix: PrefixEncoder?

    var isEmpty: Bool {
        lora.isEmpty && adapters.isEmpty && ia3.isEmpty && prompt == nil && prefix == nil
    }

    /// PEFT tensors in a fixed order (checkpoint keys are their names). None is weight-decayed
    /// (`decays` false): they are few and start at their intended values (B = 0, IA³ = 1,
    /// adapters as the identity), and decay would pull them toward zero rather than toward
    /// the base model.
    var parameters: [NamedParameter] {
        var out: [NamedParameter] = []
        func add(_ name: String, _ t: Tensor, decays: Bool = false) {
            out.append(NamedParameter(name: name, tensor: t, isBase: false, isBias: false, decays: decays, isBuffer: false))
        }
        let sites = lora.keys.sorted {
            ($0.layer, Projection.allCases.firstIndex(of: $0.projection)!) < ($1.layer, Projection.allCases.firstIndex(of: $1.projection)!)
        }
        for s in sites {
            add("lora.\(s.layer).\(s.projection.rawValue).A", lora[s]!.a)
            add("lora.\(s.layer).\(s.projection.rawValue).B", lora[s]!.b)
        }
        for l in adapters.keys.sorted() {
            for (part, adapter) in [("attention", adapters[l]!.attention), ("ffn", adapters[l]!.ffn)] {
                for p in adapter.down.parameters("adapter.\(l).\(part).down", isBase: false) + adapter.up.parameters("adapter.\(l).\(part).up", isBase: false) {
                    add(p.name, p.tensor)
                }
            }
        }
        for l in ia3.keys.sorted() {
            add("ia3.\(l).key", ia3[l]!.key); add("ia3.\(l).value", ia3[l]!.value); add("ia3.\(l).ffn", ia3[l]!.ffn)
        }
        if let prompt { for (n, t) in prompt.tensors { add("prompt.\(n)", t) } }
        if let prefix { for (n, t) in prefix.tensors { add("prefix.\(n)", t) } }
        return out
    }
}
