import Foundation
import Testing
@testable import Study

@Suite struct PlainQuizRunnerTests {
    /// Runs `questions` with `input` lines; returns the transcript and the answers.
    /// The answers handed to `record` must be the final ones, each once, in order.
    func run(_ questions: [QuizQuestion], _ input: [String], cards: [Card]) -> (String, [QuizAnswer]) {
        var lines = input[...], out = "", recorded: [QuizAnswer] = []
        let runner = PlainQuizRunner(language: .en, readLine: { lines.popFirst() }, write: { out += $0 },
                                     now: { Date(timeIntervalSince1970: 0) }, record: { recorded.append($0) })
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

    @Test func endOfInputStopsAndScoresWhatWasAnswered() {
        let card = QuizSamples.card("m")
        let q = QuizQuestion(card: card, content: .mythOrFact(statement: card.myths[0].claim, isMyth: true, explanation: card.myths[0].truth))
        let (out, answers) = run([q, q], ["maybe", "m"], cards: [card])
        #expect(out.contains("Myth or fact? (m/f):\nMyth or fact? (m/f):"))
        #expect(out.contains("Why: truth 0 m"))
        #expect(out.contains("Total: 1/1"))
        #expect(answers.count == 1)
    }
}
