import Testing
@testable import Study

@Suite struct ContentSchemaTests {
    @Test func validSampleLoadsEveryField() throws {
        let r = ContentAssembler.assemble([ContentFile(path: "content/lora.yaml", text: ContentSamples.lora, origin: .bundled)],
                                          seeds: ContentSamples.seeds)
        #expect(r.problems.map(\.description) == [])
        let card = try #require(r.library.card(id: "lora-rank"))
        #expect(card.topic == "lora")
        #expect(card.level == 2)
        #expect(card.seeds == ["000-1"])
        #expect(card.q.en == "What is the rank r in LoRA?")
        #expect(card.choices.count == 3)
        #expect(card.choices[0].why.en == "LoRA does no SVD")
        #expect(card.myths == [Myth(claim: .init(zh: "LoRA 是 W 的 SVD 压缩", en: "LoRA compresses W with an SVD"),
                                    truth: .init(zh: "LoRA 学习一个低秩增量 BA，W 保持冻结", en: "LoRA learns a low-rank update BA; W stays frozen"),
                                    seed: "000-1")])
        #expect(card.keywords == [["秩", "rank"], ["低秩", "low-rank"], ["BA"]])
        #expect(card.sources == [Source(title: "LoRA: Low-Rank Adaptation of Large Language Models", arxiv: "2106.09685", where: "§4.1")])
        #expect(card.experiment == "lora-rank")
        #expect(card.tags == ["rank"])
        #expect(card.location == SourceLocation(file: "content/lora.yaml", line: 4))
        #expect(r.library.cards(inTopic: "lora").map(\.id) == ["lora-rank", "lora-where"])
        #expect(r.library.card(id: "lora-where")?.sources.first?.kind == .url)
        #expect(r.library.topic(id: "lora")?.name.en == "LoRA and low-rank adaptation")
    }

    @Test func unknownKeyIsNamed() {
        #expect(ContentSamples.problems(replacingLine: 5, with: "    level: 2\n    answer: 3")
            == ["content/lora.yaml:6: card \"lora-rank\": unknown key \"answer\""])
    }

    @Test func missingRequiredKeyPointsAtTheCard() {
        #expect(ContentSamples.problems(replacingLine: 8, with: "")
            == ["content/lora.yaml:4: card \"lora-rank\": missing required key \"a\""])
    }

    @Test func wrongTypeIsReported() {
        #expect(ContentSamples.problems(replacingLine: 5, with: "    level: two")
            == ["content/lora.yaml:5: card \"lora-rank\": level: expected an integer 1…3, found \"two\""])
        #expect(ContentSamples.problems(replacingLine: 7, with: "    q: \"What is r?\"")
            == ["content/lora.yaml:7: card \"lora-rank\": q: expected { zh: \"…\", en: \"…\" }, found a scalar"])
    }

    @Test func bothLanguagesMustBeNonEmpty() {
        #expect(ContentSamples.problems(replacingLine: 7, with: "    q: { zh: \"\", en: \"What?\" }")
            == ["content/lora.yaml:7: card \"lora-rank\": q.zh: must be non-empty text"])
        #expect(ContentSamples.problems(replacingLine: 7, with: "    q: { zh: \"什么\" }")
            == ["content/lora.yaml:7: card \"lora-rank\": q: missing \"en\""])
    }

    @Test func yamlSyntaxErrorReportsItsLine() {
        let broken = ContentSamples.lora(replacingLine: 7, with: "    q: { zh: \"LoRA\", en: \"unclosed }")
        let problems = ContentSamples.problems([("content/lora.yaml", broken), ("content/norms.yaml", Self.norms)])
        #expect(problems[0].hasPrefix("content/lora.yaml:"))
        #expect(problems.contains("content/norms.yaml:8: card \"norms-why\": choices: need at least 3, found 1"))
        #expect(problems[0].contains("YAML syntax error"))
        // The scanner notices the unclosed quote where the file ends; the context names line 7.
        #expect(problems[0].contains("line 7"))
        // A broken file never loses the others: norms still loads (its card is checked).
        let r = ContentAssembler.assemble([ContentFile(path: "content/lora.yaml", text: broken, origin: .bundled),
                                           ContentFile(path: "content/norms.yaml", text: Self.norms, origin: .bundled)], seeds: nil)
        #expect(r.library.card(id: "norms-why") != nil)
    }

    @Test func badIndentationReportsTheLine() {
        let broken = ContentSamples.lora(replacingLine: 6, with: "   seeds: [\"000-1\"]")
        let problems = ContentSamples.problems([("content/lora.yaml", broken)])
        #expect(problems.first?.hasPrefix("content/lora.yaml:6: YAML syntax error") == true)
    }

    @Test func topicMustMatchTheFileName() {
        #expect(ContentSamples.problems([("content/lora2.yaml", ContentSamples.lora)], seeds: nil)
            == ["content/lora2.yaml:1: topic: \"lora\" must match the file name \"lora2\""])
    }

    @Test func duplicateKeyInAMappingIsReported() {
        let problems = ContentSamples.problems(replacingLine: 5, with: "    level: 2\n    level: 3")
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("content/lora.yaml:5: YAML syntax error: duplicate key \"level\""))
    }

    static let norms = """
    topic: norms
    name: { zh: "归一化", en: "Normalization" }
    cards:
      - id: norms-why
        level: 1
        q: { zh: "为什么要归一化？", en: "Why normalize?" }
        a: { zh: "稳定训练", en: "It stabilizes training" }
        choices: [{ zh: "a", en: "a", why: { zh: "x", en: "x" } }]
        sources: [{ title: "Layer Normalization", arxiv: "1607.06450", where: "§1" }]
    """
}
