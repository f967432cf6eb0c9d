import Foundation
import Testing
@testable import Study

@Suite struct PlainQuizRunnerTests {
    /// Runs `questions` with `input` lines; returns the transcript and the answers.
    /// The answers handed to `record` must be the final ones, each once, in order.
    func run(_ questions: [QuizQuestion], _ input: [String], cards: [Card], language: Language = .en) -> (String, [QuizAnswer]) {
        var lines = input[...], out = "", recorded: [QuizAnswer] = []
        let runner = PlainQuizRunner(language: language, readLine: { lines.popFirst() }, write: { out += $0 },
                                     now: { Date(timeIntervalSince1970: 0) }, record: { recorded.append($0); return nil })
        let answers = runner.run(questions, generator: QuizGenerator(cards: cards), seed: 7)
        #expect(recorded == answers)
        return (out, answers)
    }

    @Test func answersScoresAndRetriesTheMissedOnes() throws {
        let cards = [QuizSamples.card("a", topic: "lora"), QuizSamples.card("b", topic: "norms")]
        var rng = SplitMix64(seed: 1)
        let qs = cards.map { QuizGenerator.question($0, mode: .multipleChoice, rng: &rng)! }
        let letters = qs.map { q -> (right: String, wrong: String) in
            guard case let .multipleChoice(_, c) = q.content else { return ("", "") }
            return (String(UnicodeScalar(UInt8(97 + c))), String(UnicodeScalar(UInt8(97 + (c + 1) % 4))))
        }
        // a right, b wrong; retry b and get it right (retry reshuffles, so answer by text).
        let retry = QuizGenerator(cards: cards).retry([qs[1]], seed: 8)
        guard case let .multipleChoice(_, c2) = retry[0].content else { return }
        let (out, answers) = run(qs, [letters[0].right, "zz", letters[1].wrong, "y", String(UnicodeScalar(UInt8(97 + c2)))], cards: cards)
        #expect(out.contains("[1/2] lora · multiple choice · level 2"))
        #expect(out.contains("Your choice (a–d):"))
        #expect(out.contains("✓ Right."))
        #expect(out.contains("✗ Wrong. Answer: "))
        #expect(out.contains("Score by topic:\n  lora: 1/1\n  norms: 0/1\nTotal: 1/2"))
        #expect(out.contains("Retry the 1 you missed? (y/n)"))
        #expect(out.contains("Score by topic:\n  norms: 1/1\nTotal: 1/1"))
        #expect(answers.map(\.cardId) == ["a", "b", "b"])
        #expect(answers.map(\.correct) == [true, false, true])
    }

    @Test func bangMarksThePreviousTypedAnswerRight() {
        let card = QuizSamples.card("t", keywords: [["rank"]])
        let qs = [QuizQuestion(card: card, content: .typed), QuizQuestion(card: card, content: .typed)]
        let (out, answers) = run(qs, ["no idea", "!", "the rank", "n"], cards: [card])
        #expect(out.contains("Keywords: 0 of 1 (needed 1); missing: rank"))
        #expect(out.contains("Marked question 1 right."))
        #expect(answers.map(\.correct) == [true, true])
        #expect(answers[0].selfGraded)
    }

    @Test func aWrongAnswerThatMakesALeechIsAnnounced() {
        let card = QuizSamples.card("m")
        let q = QuizQuestion(card: card, content: .mythOrFact(statement: card.myths[0].claim, isMyth: true, explanation: card.myths[0].truth))
        var strict = StudySettings.default
        strict.leechThreshold = 1
        let scheduling = QuizScheduling(settings: strict)
        let stored = ReviewFixtures.reviewCard("m", due: Date(timeIntervalSince1970: 0))
        var lines = ["f", "n"][...], out = ""
        let runner = PlainQuizRunner(
            language: .en, readLine: { lines.popFirst() }, write: { out += $0 }, now: { Date(timeIntervalSince1970: 0) },
            record: { scheduling.review(cardID: $0.cardId, correct: $0.correct, at: $0.date, before: stored) })
        _ = runner.run([q], generator: QuizGenerator(cards: [card]), seed: 7)
        #expect(out.contains("m is a leech (1 lapse): it is suspended."), "\(out)")
        // Printed after the verdict, before the score.
        let leech = out.range(of: "is a leech")!.lowerBound
        #expect(out.range(of: "✗ Wrong.")!.lowerBound < leech && leech < out.range(of: "Score by topic:")!.lowerBound)
    }

    @Test func endOfInputStopsAndScoresWhatWasAnswered() {
        let card = QuizSamples.card("m")
        let q = QuizQuestion(card: card, content: .mythOrFact(statement: card.myths[0].claim, isMyth: true, explanation: card.myths[0].truth))
        let (out, answers) = run([q, q], ["maybe", "m"], cards: [card])
        #expect(out.contains("Myth or fact? (m/f):\nMyth or fact? (m/f):"))
        #expect(out.contains("Why: truth 0 m"))
        #expect(out.contains("Total: 1/1"))
        #expect(answers.count == 1)
    }

    /// One quiz of every mode: a wrong choice, a myth, a wrong cloze marked right with `!`,
    /// a self-graded typed answer, then a retry declined.
    func everyMode(_ language: Language) -> String {
        let card = QuizSamples.card("z", cloze: QuizSamples.t("The {{rank}} is low", "{{秩}} 很低"))
        let plain = QuizSamples.card("p", topic: "norms")
        var rng = SplitMix64(seed: 2)
        let mc = QuizGenerator.question(card, mode: .multipleChoice, rng: &rng)!
        guard case let .multipleChoice(_, right) = mc.content else { return "" }
        let wrong = String(UnicodeScalar(UInt8(97 + (right + 1) % 4)))
        let qs = [
            mc,
            QuizQuestion(card: card, content: .mythOrFact(statement: card.myths[0].claim, isMyth: true, explanation: card.myths[0].truth)),
            QuizGenerator.question(card, mode: .cloze, rng: &rng)!,
            QuizQuestion(card: plain, content: .typed),
        ]
        return run(qs, [wrong, "m", "nope", "!", "whatever", "是", "n"], cards: [card, plain], language: language).0
    }

    @Test func chineseQuizSpeaksChinese() {
        let zh = everyMode(.zh)
        for label in [
            "测验：4 题（种子 7）", "[1/4] lora · 选择题 · 难度 2", "你的选择 (a–d)：", "✗ 错误。答案：",
            "误区还是事实？(m/f)：", "✓ 正确。", "填空：", "（如果其实答对了，在下一个提示处输入 !）",
            "第 3 题已改判为正确。", "[4/4] norms · 简答 · 难度 2", "答案：答 p", "你答对了吗？(y/n)",
            "解析：", "出处：Paper", "各主题得分：\n  lora: 2/3\n  norms: 1/1\n总计：3/4", "重做答错的 1 题？(y/n)",
        ] {
            #expect(zh.contains(label), "missing \(label) in:\n\(zh)")
        }
        for english in ["Quiz:", "Right.", "Wrong.", "Answer:", "Why:", "Source:", "Score by topic", "Total:", "level", "Your "] {
            #expect(!zh.contains(english), "\(english) in a zh quiz:\n\(zh)")
        }
    }

    @Test func englishQuizKeepsItsWords() {
        let en = everyMode(.en)
        for label in [
            "Quiz: 4 questions (seed 7).", "[1/4] lora · multiple choice · level 2", "Your choice (a–d):",
            "✗ Wrong. Answer: ", "Myth or fact? (m/f):", "✓ Right.", "Fill in the blank:",
            "(! at the next prompt if you were right)", "Marked question 3 right.", "[4/4] norms · typed answer · level 2",
            "Answer: A p", "Did you get it right? (y/n)", "Why: ", "Source: Paper",
            "Score by topic:\n  lora: 2/3\n  norms: 1/1\nTotal: 3/4", "Retry the 1 you missed? (y/n)",
        ] {
            #expect(en.contains(label), "missing \(label) in:\n\(en)")
        }
        #expect(!en.contains("题"))
    }
}
