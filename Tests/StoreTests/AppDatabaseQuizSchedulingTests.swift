import Foundation
import Testing
@testable import Store
import Study

/// Quiz answers move the schedule only when quiz-affects-schedule is on.
@Suite struct AppDatabaseQuizSchedulingTests {
    typealias F = StoreFixtures

    func answer(_ id: String, correct: Bool, selfGraded: Bool = false, at: Date = F.now) -> QuizAnswerRecord {
        QuizAnswerRecord(cardID: id, mode: "typed", correct: correct, selfGraded: selfGraded, answeredAt: at, quizSeed: 3)
    }

    /// A database holding one review card `r`, with the quiz setting as given.
    func database(quizAffectsSchedule: Bool) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.saveCardChange(ProgressChange(before: nil, after: F.reviewCard("r")))
        var settings = StudySettings.default
        settings.quizAffectsSchedule = quizAffectsSchedule
        try db.saveSetting(.quizAffectsSchedule, from: settings)
        return db
    }

    @Test func offByDefaultTheScheduleIsUntouched() throws {
        let db = try database(quizAffectsSchedule: false)
        let scheduling = try db.quizScheduling()
        #expect(scheduling == nil)
        try db.recordQuizAnswer(answer("r", correct: false), applying: scheduling)
        try db.recordQuizAnswer(answer("n", correct: true), applying: scheduling)
        #expect(try db.cardProgress(id: "r") == F.reviewCard("r"))
        #expect(try db.cardProgress(id: "n") == nil)
        #expect(try db.reviewLogCount() == 0)
        #expect(try db.quizAnswers().count == 2)
    }

    @Test func onAWrongAnswerIsAnAgainSavedWithTheAnswer() throws {
        let db = try database(quizAffectsSchedule: true)
        let scheduling = try #require(try db.quizScheduling())
        let before = try db.cardProgress(id: "r")
        let stored = try db.recordQuizAnswer(answer("r", correct: false), applying: scheduling)
        let expected = try #require(scheduling.review(cardID: "r", correct: false, at: F.now, before: before))
        #expect(stored.review == expected)
        #expect(try db.cardProgress(id: "r") == expected.after)
        #expect(try db.cardProgress(id: "r")?.lapses == 1)
        let log = try db.reviewLog()
        #expect(log.count == 1)
        #expect(log.first?.kind == .quiz)
        #expect(log.first?.rating == .again)
        #expect(log.first?.phaseBefore == .review)
        #expect(log.first?.reviewedAt == F.now)
        #expect(try db.quizAnswers(cardID: "r").map(\.correct) == [false])
    }

    @Test func onIWasRightCountsAsGoodAndANewCardStartsLearning() throws {
        let db = try database(quizAffectsSchedule: true)
        let scheduling = try db.quizScheduling()
        try db.recordQuizAnswer(answer("r", correct: true, selfGraded: true), applying: scheduling)
        try db.recordQuizAnswer(answer("n", correct: true, at: F.now.addingTimeInterval(1)), applying: scheduling)
        #expect(try db.reviewLog().map(\.rating) == [.good, .good])
        #expect(try db.cardProgress(id: "r")?.schedule?.due ?? .distantPast > F.now.addingTimeInterval(86_400))
        #expect(try db.cardProgress(id: "n")?.schedule?.phase == .learning)
        // Quiz ratings do not use up the day's new-card or review allowance.
        #expect(try db.dailyCounts(since: F.now.addingTimeInterval(-3600)) == DailyCounts())
    }

    @Test func aRetriedCardIsRatedTwiceInOrderWithinOneBatch() throws {
        let db = try database(quizAffectsSchedule: true)
        let answers = [
            QuizAnswer(cardId: "n", mode: .cloze, correct: false, date: F.now),
            QuizAnswer(cardId: "n", mode: .cloze, correct: true, date: F.now.addingTimeInterval(60)),
        ]
        try db.recordQuizAnswers(answers, seed: 1, applying: try db.quizScheduling())
        let log = try db.reviewLog()
        #expect(log.map(\.rating) == [.again, .good])
        #expect(log[1].phaseBefore == .learning)
        #expect(try db.cardProgress(id: "n")?.reps == 2)
    }

    @Test func aLapseThatMakesALeechComesBackToTheCaller() throws {
        let db = try AppDatabase.inMemory()
        try db.saveCardChange(ProgressChange(before: nil, after: F.reviewCard("r", lapses: 7)))
        var settings = StudySettings.default
        settings.quizAffectsSchedule = true
        try db.saveSetting(.quizAffectsSchedule, from: settings)
        let stored = try db.recordQuizAnswer(answer("r", correct: false), applying: try db.quizScheduling())
        let review = try #require(stored.review)
        #expect(review.madeLeech)
        #expect(review.after?.lapses == 8)
        #expect(try db.cardProgress(id: "r")?.isSuspended == true)
    }

    @Test func suspendedAndBuriedCardsKeepTheirScheduleButTheAnswerIsStored() throws {
        let db = try database(quizAffectsSchedule: true)
        var suspended = F.reviewCard("s", lapses: 8)
        suspended.isSuspended = true
        suspended.isLeech = true
        var buried = F.reviewCard("b")
        buried.buriedUntil = F.now.addingTimeInterval(3600)
        try db.saveCardChange(ProgressChange(before: nil, after: suspended))
        try db.saveCardChange(ProgressChange(before: nil, after: buried))
        let scheduling = try db.quizScheduling()
        #expect(try db.recordQuizAnswer(answer("s", correct: false), applying: scheduling).review == nil)
        #expect(try db.recordQuizAnswer(answer("b", correct: true), applying: scheduling).review == nil)
        #expect(try db.cardProgress(id: "s") == suspended)
        #expect(try db.cardProgress(id: "b") == buried)
        #expect(try db.reviewLogCount() == 0)
        #expect(try db.quizAnswers().map(\.cardID) == ["s", "b"])
    }

    @Test func savingOneSettingLeavesTheOthersOnTheirDefaults() throws {
        let db = try AppDatabase.inMemory()
        var s = StudySettings.default
        s.newCardsPerDay = 3
        s.reviewsPerDay = 7
        try db.saveSetting(.newPerDay, from: s)
        var expected = StudySettings.default
        expected.newCardsPerDay = 3
        #expect(try db.settings() == expected)
        let rows = try db.writer.read { try String.fetchAll($0, sql: "SELECT key FROM settings") }
        #expect(rows == ["daily_new_limit"])
    }
}
