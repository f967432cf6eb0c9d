import Foundation

/// How the next token is drawn from the logits.
public struct SamplingOptions: Sendable, Hashable, Codable {
    /// Logits are divided by this; 0 means greedy (argmax).
    public var temperature: Float
    /// Keep only the k most likely tokens (nil: all).
    public var topK: Int?
    /// Keep the smallest set of tokens whose probability reaches p (nucleus; nil: all).
    public var topP: Float?

    /// Options; the default samples from the full distribution at temperature 1.
    public init(temperature: Float = 1, topK: Int? = nil, topP: Float? = nil) {
        self.temperature = temperature; self.topK = topK; self.topP = topP
    }

    /// The distribution sampling draws from after temperature, top-k and top-p (pure).
    public func distribution(_ logits: [Float]) -> [Double] {
        let n = logits.count
        if temperature <= 0 {
            var best = 0
            for j in 1..<n where logits[j] > logits[best] { best = j }
            return (0..<n).map { $0 == best ? 1 : 0 }
        }
        let m = logits.max()!
        var p = logits.map { Foundation.exp(Double(($0 - m) / temperature)) }
        // Ties are broken by index so the kept set is deterministic.
        let order = (0..<n).sorted { p[$0] != p[$1] ? p[$0] > p[$1] : $0 < $1 }
        var keep = n
        if let k = topK { keep = min(keep, max(1, k)) }
        if let topP {
            let total = p.reduce(0, +)
            var acc = 0.0, count = 0
            for j in order.prefix(keep) {
                acc += p[j] / total; count += 1
                if acc >= Double(topP) { break }
            }
            keep = min(keep, count)
        }
        for j in order.dropFirst(keep) { p[j] = 0 }
        let total = p.reduce(0, +)
        return p.map { $0 / total }
    }

    /// One token drawn from `distribution(logits)`.
    public func sample(_ logits: [Float], rng: inout SeededRandom) -> Int32 {
        let p = distribution(logits)
        var u = rng.uniformDouble()
        for (j, pj) in p.enumerated() where pj > 0 {
            if u < pj { return Int32(j) }
            u -= pj
        }
        return Int32(p.lastIndex { $0 > 0 }!)
    }
}

extension Transformer {
    /// Continues each prompt by `count` sampled tokens (full forward per token; tiny models).
    /// Prompts [B·T] → sequences [B·(T+count)]. Throws before sampling anything when the
    /// last forward pass (T + count − 1 tokens) would not fit `maxSequenceLength`.
    public func generate(prompts: [Int32], batch: Int, count: Int, options: SamplingOptions, rng: inout SeededRandom) throws(EngineError) -> [Int32] {
        if count > 0 { try checkSequenceLength(prompts.count / batch + count - 1) }
        let g = Graph()
        g.recording = false
        g.training = false
        var length = prompts.count / batch
        var seqs = prompts
        for _ in 0..<count {
            g.reset()
            let logits = self.logits(g, tokens: seqs, batch: batch, length: length)
            var next: [Int32] = []
            for b in 0..<batch {
                let row = logits.data + ((b * length) + length - 1) * config.vocab
                next.append(options.sample(Array(UnsafeBufferPointer(start: row, count: config.vocab)), rng: &rng))
            }
            var grown: [Int32] = []
            for b in 0..<batch { grown += seqs[(b * length)..<((b + 1) * length)]; grown.append(next[b]) }
            seqs = grown
            length += 1
        }
        return seqs
    }

    /// log π(sequence) per sequence [B]: Σ over positions t ≥ `from` of log p(x_{t} | x_{<t}),
    /// for sequences [B·T]. `from` = the prompt length scores only the response.
    public func sequenceLogProbs(_ g: Graph, sequences: [Int32], batch: Int, length: Int, from: Int) -> Tensor {
        let perToken = tokenLogProbs(g, sequences: sequences, batch: batch, length: length)
        let mask = (0..<(batch * (length - 1))).map { i -> Float in (i % (length - 1)) + 1 >= from ? 1 : 0 }
        return g.rowSums(g.reshape(perToken, [batch, length - 1]), mask: mask)
    }

    /// log p(x_{t+1} | x_{≤t}) for t = 0..<T−1 of each sequence → [B·(T−1)].
    public func tokenLogProbs(_ g: Graph, sequences: [Int32], batch: Int, length: Int) -> Tensor {
        var inputs: [Int32] = [], next: [Int32] = []
        for b in 0..<batch {
            inputs += sequences[(b * length)..<((b + 1) * length - 1)]
            next += sequences[(b * length + 1)..<((b + 1) * length)]
        }
        return g.tokenLogProbs(logits(g, tokens: inputs, batch: batch, length: length - 1), tokens: next)
    }
}
