import Foundation
import Testing
@testable import Study

@Suite struct QuizGeneratorTests {
    let generator = QuizGenerator(cards: QuizSamples.deck)

    @Test func multipleChoiceHasFourDistinctOptionsWithOneCorrect() throws {
        for seed in UInt64(0)..<20 {
            for q in generator.makeQuiz(QuizRequest(modes: [.multipleChoice], count: 12, seed: seed)) {
                guard case let .multipleChoice(options, correct) = q.content else {
                    Issue.record("not multiple choice")
                    continue
                }
                #expect(options.count == 4)
                #expect(options.filter(\.isCorrect).count == 1)
                #expect(options[correct].isCorrect)
                #expect(options[correct].text == q.card.a)
                for lang in Language.allCases {
                    #expect(Set(options.map { TextNormalization.comparisonKey($0.text.text(in: lang)) }).count == 4)
                }
            }
        }
    }

    @Test func multipleChoiceNeverShowsLookAlikeOptions() throws {
        // Two choices differ only by width and case; one repeats the answer: three remain, so
        // the card is still askable, and no option pair looks alike.
        var card = QuizSamples.card("x", choices: ["w1", "w2", "w3"])
        card.choices.append(Choice(text: LocalizedText(zh: "Ｗ１ X", en: "Ｗ１ X"), why: QuizSamples.t("dup")))
        card.choices.append(Choice(text: card.a, why: QuizSamples.t("answer")))
        var rng = SplitMix64(seed: 3)
        let q = try #require(QuizGenerator.question(card, mode: .multipleChoice, rng: &rng))
        guard case let .multipleChoice(options, _) = q.content else { return }
        #expect(Set(options.map { TextNormalization.comparisonKey($0.text.en) }).count == 4)
        #expect(QuizGenerator.canAsk(QuizSamples.card("y", choices: ["a", "A", "Ａ"]), .multipleChoice) == false)
    }

    @Test func sameSeedSameQuizDifferentSeedDifferentOrder() {
        let request = QuizRequest(count: 10, seed: 42)
        let a = generator.makeQuiz(request), b = generator.makeQuiz(request)
        #expect(a == b)
        var other = request
        other.seed = 43
        let c = generator.makeQuiz(other)
        #expect(a.map(\.card.id) != c.map(\.card.id))
    }

    @Test func filtersByTopicAndLevel() {
        let quiz = generator.makeQuiz(QuizRequest(topics: ["norms"], levels: [2], count: 10, seed: 1))
        #expect(!quiz.isEmpty)
        #expect(quiz.allSatisfy { $0.card.topic == "norms" && $0.card.level == 2 })
        #expect(Set(quiz.map(\.card.id)) == Set(QuizSamples.deck.filter { $0.topic == "norms" && $0.level == 2 }.map(\.id)))
    }

    @Test func countLimitsTheQuizAndCardsAreNotRepeated() {
        let quiz = generator.makeQuiz(QuizRequest(count: 5, seed: 9))
        #expect(quiz.count == 5)
        #expect(Set(quiz.map(\.card.id)).count == 5)
    }

    @Test func clozeBlanksOneSpanAndAnswersWithItsContent() throws {
        let card = QuizSamples.deck[0]
        for seed in UInt64(0)..<10 {
            var rng = SplitMix64(seed: seed)
            let q = try #require(QuizGenerator.question(card, mode: .cloze, rng: &rng))
            guard case let .cloze(prompt, answer) = q.content else { return }
            if answer.en == "alpha 0" {
                #expect(prompt.en == "The answer is ____ and beta")
                #expect(answer.zh == "甲 0")
                #expect(prompt.zh == "答案是 ____ 和 乙")
            } else {
                #expect(answer.en == "beta")
                #expect(prompt.en == "The answer is alpha 0 and ____")
                #expect(prompt.zh == "答案是 甲 0 和 ____")
            }
        }
        #expect(QuizGenerator.canAsk(QuizSamples.card("n"), .cloze) == false)
    }

    @Test func mythOrFactIsBalancedAndNeverPairsAMythWithItsCorrection() {
        for seed in UInt64(0)..<10 {
            let quiz = generator.makeQuiz(QuizRequest(modes: [.mythOrFact], count: 10, seed: seed))
            #expect(quiz.count == 10)
            var myths = 0, facts = 0
            var claims: Set<String> = [], truths: Set<String> = []
            for q in quiz {
                guard case let .mythOrFact(statement, isMyth, _) = q.content else { continue }
                if isMyth { myths += 1; claims.insert(statement.en) } else { facts += 1; truths.insert(statement.en) }
            }
            #expect(myths == 5 && facts == 5)
            for c in claims { #expect(!truths.contains(c.replacingOccurrences(of: "myth", with: "truth"))) }
        }
    }

    @Test func mixedModeUsesSeveralModes() {
        let quiz = generator.makeQuiz(QuizRequest(count: 12, seed: 5))
        #expect(Set(quiz.map(\.mode)).count >= 3)
    }

    @Test func retryAsksExactlyTheMissedCards() {
        let quiz = generator.makeQuiz(QuizRequest(modes: [.multipleChoice], count: 6, seed: 11))
        let missed = [quiz[1], quiz[4]]
        let again = generator.retry(missed, seed: 12)
        #expect(Set(again.map(\.card.id)) == Set(missed.map(\.card.id)))
        #expect(again.count == 2)
        #expect(again.allSatisfy { $0.mode == .multipleChoice })
    }
}
