import Foundation
import Testing
@testable import Study

@Suite struct QuizSchedulingTests {
    typealias F = ReviewFixtures

    @Test func rightIsGoodWrongIsAgain() {
        #expect(QuizScheduling.rating(correct: true) == .good)
        #expect(QuizScheduling.rating(correct: false) == .again)
    }

    @Test func onlyWhenTheSettingIsOn() {
        #expect(QuizScheduling.enabled(by: .default) == nil)
        var on = StudySettings.default
        on.quizAffectsSchedule = true
        #expect(QuizScheduling.enabled(by: on) != nil)
    }

    @Test func aQuizAnswerMovesTheCardExactlyAsTheSameRatingInAReviewWould() throws {
        let due = F.now.addingTimeInterval(-3600)
        let stored = F.reviewCard("r", due: due, interval: 10)
        let quiz = QuizScheduling(settings: .default)
        for (correct, rating) in [(true, Rating.good), (false, .again)] {
            let session = F.session(["r"], progress: [stored])
            let reviewed = session.answer("r", rating: rating, at: F.now)
            let quizzed = try #require(quiz.review(cardID: "r", correct: correct, at: F.now, before: stored))
            #expect(quizzed.kind == .quiz)
            #expect(quizzed.rating == rating)
            #expect(quizzed.before == stored)
            #expect(quizzed.after == reviewed.after)
            #expect(quizzed.after != stored)
        }
    }

    @Test func aNewCardStartsLearningAndRetentionAndLeechRuleComeFromTheSettings() throws {
        let quiz = QuizScheduling(settings: .default)
        let fresh = try #require(quiz.review(cardID: "n", correct: true, at: F.now, before: nil))
        #expect(fresh.before == nil)
        #expect(fresh.after?.reps == 1)
        #expect(fresh.after?.schedule?.phase == .learning)

        var strict = StudySettings.default
        strict.desiredRetention = 0.97
        strict.leechThreshold = 3
        let stored = F.reviewCard("r", due: F.now, interval: 10, lapses: 2)
        let lapse = try #require(QuizScheduling(settings: strict).review(cardID: "r", correct: false, at: F.now, before: stored))
        #expect(lapse.after?.lapses == 3)
        #expect(lapse.madeLeech)
        #expect(lapse.after?.isSuspended == true)
        // A higher retention target gives a shorter interval for the same Good.
        let loose = quiz.review(cardID: "r", correct: true, at: F.now, before: stored)?.after?.schedule?.due
        let tight = QuizScheduling(settings: strict).review(cardID: "r", correct: true, at: F.now, before: stored)?.after?.schedule?.due
        #expect(try #require(tight) < #require(loose))
    }

    @Test func suspendedAndBuriedCardsAreNotRated() {
        let quiz = QuizScheduling(settings: .default)
        var suspended = F.reviewCard("s", due: F.now, lapses: 8)
        suspended.isSuspended = true
        suspended.isLeech = true
        #expect(quiz.review(cardID: "s", correct: false, at: F.now, before: suspended) == nil)
        var buried = F.reviewCard("b", due: F.now)
        buried.buriedUntil = F.calendar.startOfNextDay(after: F.now)
        #expect(quiz.review(cardID: "b", correct: true, at: F.now, before: buried) == nil)
        // Once the bury is over the quiz rates it again.
        #expect(quiz.review(cardID: "b", correct: true, at: buried.buriedUntil!, before: buried) != nil)
    }
}
