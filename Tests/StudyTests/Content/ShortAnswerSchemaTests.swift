import Testing
@testable import Study

/// The optional `short` answer is read in both languages and checked like the other texts.
@Suite struct ShortAnswerSchemaTests {
    @Test func shortAnswerLoads() throws {
        let text = ContentSamples.lora(replacingLine: 8, with: """
            a: { zh: "低秩更新 BA 的内维度", en: "The inner dimension of the low-rank update BA" }
            short: { zh: "BA 的内维度", en: "BA's inner dimension" }
        """)
        let r = ContentAssembler.assemble([ContentFile(path: "content/lora.yaml", text: text, origin: .bundled)],
                                          seeds: ContentSamples.seeds)
        #expect(r.problems.map(\.description) == [])
        #expect(r.library.card(id: "lora-rank")?.short == LocalizedText(zh: "BA 的内维度", en: "BA's inner dimension"))
        #expect(r.library.card(id: "lora-rank")?.optionText.en == "BA's inner dimension")
    }

    @Test func shortAnswerNeedsBothLanguages() {
        #expect(ContentSamples.problems(replacingLine: 8, with: """
            a: { zh: "低秩更新 BA 的内维度", en: "The inner dimension of the low-rank update BA" }
            short: { zh: "BA 的内维度" }
        """) == ["content/lora.yaml:9: card \"lora-rank\": short: missing \"en\""])
    }

    @Test func aChoiceMayNotRepeatTheShortAnswer() {
        #expect(ContentSamples.problems(replacingLine: 8, with: """
            a: { zh: "低秩更新 BA 的内维度", en: "The inner dimension of the low-rank update BA" }
            short: { zh: "适配的层数", en: "The number of adapted layers" }
        """) == [
            "content/lora.yaml:12: card \"lora-rank\": choices[1]: same as the answer (zh)",
            "content/lora.yaml:12: card \"lora-rank\": choices[1]: same as the answer (en)",
        ])
    }
}
