import Testing
@testable import Study

@Suite struct AnswerGraderTests {
    let groups = [["Wq", "query"], ["Wv", "value"], ["秩", "rank"]]

    @Test func normalizationIgnoresWidthCasePunctuationAndSpacing() {
        #expect(TextNormalization.gradingForm("  ＬｏＲＡ，Ｗｑ！ and   Wv。") == "lora wq and wv")
        #expect(TextNormalization.comparisonKey("Ｔhe  Rank") == "therank")
        #expect(AnswerGrader.gradeCloze("ｂａ。", expected: LocalizedText(zh: "BA", en: "BA")))
        #expect(AnswerGrader.gradeCloze(" Wq 和 Wv ", expected: LocalizedText(zh: "Wq和Wv", en: "Wq and Wv")))
        #expect(AnswerGrader.gradeCloze("Wq and Wk", expected: LocalizedText(zh: "Wq和Wv", en: "Wq and Wv")) == false)
        #expect(AnswerGrader.gradeCloze("", expected: LocalizedText(zh: "BA", en: "BA")) == false)
    }

    @Test func keywordThresholdIsSixtyPercentRoundedUp() {
        // 3 groups → 2 needed.
        #expect(AnswerGrader.gradeKeywords("LoRA adapts Wq and Wv", groups: groups).verdict == .correct)
        let one = AnswerGrader.gradeKeywords("LoRA adapts Wq only", groups: groups)
        #expect(one.verdict == .incorrect)
        #expect(one.required == 2)
        #expect(one.matched == [["Wq", "query"]])
        #expect(one.missed == [["Wv", "value"], ["秩", "rank"]])
        // A single group needs one match; five groups need three.
        #expect(AnswerGrader.gradeKeywords("the rank", groups: [["rank"]]).verdict == .correct)
        #expect(AnswerGrader.gradeKeywords("a b", groups: (0..<5).map { [["a", "b", "c", "d", "e"][$0]] }).required == 3)
    }

    @Test func chineseAnswersAndSynonymsCount() {
        #expect(AnswerGrader.gradeKeywords("作用在 query 和 value 投影上，低秩", groups: groups).verdict == .correct)
        #expect(AnswerGrader.gradeKeywords("作用在ＷＱ，ＷＶ上", groups: groups).verdict == .correct)
        #expect(AnswerGrader.gradeKeywords("我不知道", groups: groups).verdict == .incorrect)
    }

    @Test func shortLatinKeywordsMustBeWholeWords() {
        #expect(AnswerGrader.contains("r is the rank", keyword: "r"))
        #expect(AnswerGrader.contains("every letter", keyword: "r") == false)
        #expect(AnswerGrader.contains("the KV-cache", keyword: "kv"))
        #expect(AnswerGrader.contains("kvcache", keyword: "kv") == false)
        // Longer keywords ignore spacing and hyphens.
        #expect(AnswerGrader.contains("a lowrank update", keyword: "low-rank"))
        #expect(AnswerGrader.contains("low rank update", keyword: "low-rank"))
    }

    @Test func wrongAnswersAreRejected() {
        #expect(AnswerGrader.gradeKeywords("LoRA adapts the embedding layer", groups: groups).verdict == .incorrect)
        #expect(AnswerGrader.gradeKeywords("", groups: groups).verdict == .incorrect)
    }

    @Test func withoutKeywordsTypedAnswersUseTheClozeElseSelfGrade() {
        let cloze = QuizSamples.card("k", cloze: LocalizedText(zh: "用 {{Pre-LN}}", en: "use {{Pre-LN}}"))
        #expect(AnswerGrader.gradeTyped("Modern LLMs use pre ln", card: cloze).verdict == .correct)
        #expect(AnswerGrader.gradeTyped("post-ln", card: cloze).verdict == .incorrect)
        #expect(AnswerGrader.gradeTyped("anything", card: QuizSamples.card("n")).verdict == .selfGrade)
    }
}
