@testable import Study

/// A valid topic file whose line numbers the tests rely on (see the comments), and helpers
/// to break it one rule at a time.
enum ContentSamples {
    static let seedsTSV = """
    id\ttopic\tquestion_zh\tquestion_en\tseed_has_answer\tseed_answer_verdict
    000-1\tlora\t秩是什么\tWhat is the rank?\tyes\twrong
    000-2\tlora\tLoRA 放在哪\tWhere does LoRA go?\tno\tnone

    """

    static var seeds: (inventory: SeedInventory, path: String) {
        (SeedInventory.parse(seedsTSV, file: "content/seeds.tsv").inventory, "content/seeds.tsv")
    }

    /// Line 4 is the card, 9 `choices`, 10–12 the choices, 13 `myths`, 17 `cloze`,
    /// 19 `sources`, 20 the source, 21 `experiment`.
    static let lora = """
    topic: lora
    name: { zh: "LoRA 与低秩适配", en: "LoRA and low-rank adaptation" }
    cards:
      - id: lora-rank
        level: 2
        seeds: ["000-1"]
        q: { zh: "LoRA 的秩 r 是什么？", en: "What is the rank r in LoRA?" }
        a: { zh: "低秩更新 BA 的内维度", en: "The inner dimension of the low-rank update BA" }
        choices:
          - { zh: "保留的奇异值个数", en: "The number of singular values kept", why: { zh: "LoRA 不做 SVD", en: "LoRA does no SVD" } }
          - { zh: "适配的层数", en: "The number of adapted layers", why: { zh: "与层数无关", en: "Unrelated to depth" } }
          - { zh: "注意力头数", en: "The number of attention heads", why: { zh: "与头数无关", en: "Unrelated to heads" } }
        myths:
          - claim: { zh: "LoRA 是 W 的 SVD 压缩", en: "LoRA compresses W with an SVD" }
            truth: { zh: "LoRA 学习一个低秩增量 BA，W 保持冻结", en: "LoRA learns a low-rank update BA; W stays frozen" }
            seed: "000-1"
        cloze: { zh: "ΔW = {{BA}}，秩为 {{r}}", en: "ΔW = {{BA}} with rank {{r}}" }
        keywords: ["秩|rank", "低秩|low-rank", "BA"]
        sources:
          - { title: "LoRA: Low-Rank Adaptation of Large Language Models", arxiv: "2106.09685", where: "§4.1" }
        experiment: lora-rank
        tags: [rank]
      - id: lora-where
        level: 1
        seeds: ["000-2"]
        q: { zh: "LoRA 作用于哪些矩阵？", en: "Which matrices does LoRA adapt?" }
        a: { zh: "通常是注意力的 Wq 和 Wv", en: "Usually the attention matrices Wq and Wv" }
        choices:
          - { zh: "只有嵌入层", en: "Only the embedding", why: { zh: "论文没有这样做", en: "The paper does not" } }
          - { zh: "只有 LayerNorm", en: "Only LayerNorm", why: { zh: "LayerNorm 不是权重矩阵", en: "LayerNorm has no weight matrix" } }
          - { zh: "只有输出层", en: "Only the output head", why: { zh: "不是论文的设置", en: "Not the paper's setup" } }
        sources:
          - { title: "LoRA paper", url: "https://arxiv.org/abs/2106.09685", where: "§7.1, Table 5" }

    """

    /// `lora` with line `n` (1-based) replaced by `replacement` (which may span lines).
    static func lora(replacingLine n: Int, with replacement: String) -> String {
        var lines = lora.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[n - 1] = replacement
        return lines.joined(separator: "\n")
    }

    /// Assembles bundled files (with the sample seeds) and returns the problem lines.
    static func problems(_ files: [(String, String)], origin: ContentOrigin = .bundled,
                         seeds: (inventory: SeedInventory, path: String)? = ContentSamples.seeds) -> [String] {
        ContentAssembler.assemble(files.map { ContentFile(path: $0.0, text: $0.1, origin: origin) }, seeds: seeds)
            .problems.map(\.description)
    }

    /// Problems of the lora sample with one line replaced.
    static func problems(replacingLine n: Int, with replacement: String) -> [String] {
        problems([("content/lora.yaml", lora(replacingLine: n, with: replacement))])
    }
}
