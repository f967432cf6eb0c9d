import Foundation
import Testing
@testable import Study

@Suite struct QuizSessionTests {
    let date = Date(timeIntervalSince1970: 1_800_000_000)

    func mc(_ card: Card) -> QuizQuestion {
        var rng = SplitMix64(seed: 1)
        return QuizGenerator.question(card, mode: .multipleChoice, rng: &rng)!
    }

    func correctIndex(_ q: QuizQuestion) -> Int {
        if case let .multipleChoice(_, c) = q.content { return c }
        return -1
    }

    @Test func scoresPerTopicAndRetriesTheMissedCards() {
        let cards = [QuizSamples.card("a", topic: "lora"), QuizSamples.card("b", topic: "norms"),
                     QuizSamples.card("c", topic: "lora"), QuizSamples.card("d", topic: "norms")]
        let questions = cards.map(mc)
        var s = QuizSession(questions: questions)
        s.submit(.option(correctIndex(questions[0])), to: 0, at: date)
        s.submit(.option((correctIndex(questions[1]) + 1) % 4), to: 1, at: date)
        s.submit(.option((correctIndex(questions[2]) + 1) % 4), to: 2, at: date)
        s.submit(.option(correctIndex(questions[3])), to: 3, at: date)
        #expect(s.scoreByTopic == [TopicScore(topic: "lora", correct: 1, answered: 2),
                                   TopicScore(topic: "norms", correct: 1, answered: 2)])
        #expect(s.missed.map(\.card.id) == ["b", "c"])
        #expect(s.results.map(\.correct) == [true, false, false, true])
        #expect(s.results[1] == QuizAnswer(cardId: "b", mode: .multipleChoice, correct: false, date: date))
        let retry = QuizGenerator(cards: cards).retry(s.missed, seed: 2)
        #expect(Set(retry.map(\.card.id)) == ["b", "c"])
    }

    @Test func wrongOptionExplainsWhyAndCitesTheSource() {
        let q = mc(QuizSamples.card("a"))
        guard case let .multipleChoice(options, correct) = q.content else { return }
        let wrong = (correct + 1) % 4
        let f = QuizSession.grade(.option(wrong), q)
        #expect(f.correct == false)
        #expect(f.explanation == options[wrong].why)
        #expect(f.expected == q.card.a)
        #expect(f.sources.first?.citation == "Paper, arXiv 2106.09685, §1")
    }

    @Test func mythOrFactGradesTheJudgement() {
        let card = QuizSamples.card("m")
        let q = QuizQuestion(card: card, content: .mythOrFact(statement: card.myths[0].claim, isMyth: true, explanation: card.myths[0].truth))
        #expect(QuizSession.grade(.myth(true), q).correct == true)
        let f = QuizSession.grade(.myth(false), q)
        #expect(f.correct == false)
        #expect(f.explanation == card.myths[0].truth)
    }

    @Test func selfGradedAndOverriddenAnswersAreRecordedAsSuch() {
        let q = QuizQuestion(card: QuizSamples.card("n"), content: .typed)
        var s = QuizSession(questions: [q])
        let f = s.submit(.text("whatever"), to: 0, at: date)
        #expect(f.correct == nil)
        #expect(s.results.isEmpty)
        s.settle(0, correct: true, at: date)
        #expect(s.results == [QuizAnswer(cardId: "n", mode: .typed, correct: true, date: date, selfGraded: true)])
        #expect(s.missed.isEmpty)
    }
}
