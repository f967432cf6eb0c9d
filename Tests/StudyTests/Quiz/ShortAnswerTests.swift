import Foundation
import Testing
@testable import Study

/// A card's `short` answer is what multiple choice offers; the full answer still explains it.
@Suite struct ShortAnswerTests {
    static let card = Card(
        id: "lora-placement-short", topic: "lora", level: 2,
        q: LocalizedText(zh: "LoRA 放在哪些矩阵上？", en: "Which matrices should LoRA adapt?"),
        a: LocalizedText(zh: "在固定预算下，分散到 Wq 和 Wv（r=4）或全部四个注意力矩阵（r=2）效果最好，而不是集中到单个矩阵的高秩上。",
                         en: "Under a fixed budget, spread it over Wq and Wv (r=4) or all four attention matrices (r=2) rather than one matrix at high rank."),
        choices: [
            Choice(text: LocalizedText(zh: "只放在 Wq 上", en: "Only Wq"), why: LocalizedText(zh: "单独 Wq 最差之一", en: "Wq alone is among the worst")),
            Choice(text: LocalizedText(zh: "只放在 Wk 上", en: "Only Wk"), why: LocalizedText(zh: "单独 Wk 最差", en: "Wk alone is the worst")),
            Choice(text: LocalizedText(zh: "只放在 FFN 上", en: "Only the FFN"), why: LocalizedText(zh: "论文只研究注意力", en: "The paper studies attention only")),
        ])

    @Test func multipleChoiceOffersTheShortAnswer() throws {
        var card = Self.card
        card.short = LocalizedText(zh: "Wq+Wv 或全部四个", en: "Wq+Wv, or all four")
        var rng = SplitMix64(seed: 1)
        let q = try #require(QuizGenerator.question(card, mode: .multipleChoice, rng: &rng))
        guard case let .multipleChoice(options, correct) = q.content else { Issue.record("not MC"); return }
        #expect(options[correct].text == card.short)
        #expect(!options.contains { $0.text == card.a })
        let wrong = (correct + 1) % options.count
        let feedback = QuizSession.grade(.option(wrong), q)
        #expect(feedback.correct == false)
        // The why of the chosen option, then the full answer.
        #expect(feedback.explanation?.en.hasSuffix(card.a.en) == true)
    }

    @Test func withoutShortTheFullAnswerIsTheOption() throws {
        var rng = SplitMix64(seed: 1)
        let q = try #require(QuizGenerator.question(Self.card, mode: .multipleChoice, rng: &rng))
        guard case let .multipleChoice(options, correct) = q.content else { Issue.record("not MC"); return }
        #expect(options[correct].text == Self.card.a)
    }
}
