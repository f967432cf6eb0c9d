import Foundation
import Testing
@testable import Store
import Study

@Suite struct AppDatabaseSettingsTests {
    @Test func defaultsUntilSavedThenTheSavedValues() throws {
        let db = try AppDatabase.inMemory()
        #expect(try db.settings() == .default)
        let mine = StudySettings(
            newCardsPerDay: 5, reviewsPerDay: 50, quizAffectsSchedule: true, desiredRetention: 0.85,
            dayStartHour: 3, leechThreshold: 6, learnAheadMinutes: 0)
        try db.saveSettings(mine)
        #expect(try db.settings() == mine)
    }

    @Test func anUnreadableSettingNamesItsKey() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { try $0.execute(sql: "INSERT INTO settings VALUES ('daily_new_limit', 'lots')") }
        #expect(throws: StoreError.invalidSetting(key: "daily_new_limit", value: "lots")) { try db.settings() }
    }

    @Test func quizAnswersAreStored() throws {
        let db = try AppDatabase.inMemory()
        let a = QuizAnswerRecord(cardID: "c1", mode: "choice", correct: true, answeredAt: StoreFixtures.now, quizSeed: .max)
        let b = QuizAnswerRecord(cardID: "c2", mode: "cloze", correct: false, answeredAt: StoreFixtures.now.addingTimeInterval(5), quizSeed: nil)
        let ia = try db.recordQuizAnswer(a).id
        let ib = try db.recordQuizAnswer(b).id
        var sa = a; sa.id = ia
        var sb = b; sb.id = ib
        #expect(try db.quizAnswers() == [sa, sb])
        #expect(try db.quizAnswers(cardID: "c2") == [sb])
    }

    @Test func aFinishedQuizIsStoredWithItsSeed() throws {
        let db = try AppDatabase.inMemory()
        let answers = [
            QuizAnswer(cardId: "c1", mode: .multipleChoice, correct: false, date: StoreFixtures.now),
            QuizAnswer(cardId: "c2", mode: .typed, correct: true, date: StoreFixtures.now.addingTimeInterval(9), selfGraded: true),
        ]
        try db.recordQuizAnswers(answers, seed: 42)
        let stored = try db.quizAnswers()
        #expect(stored.map(\.cardID) == ["c1", "c2"])
        #expect(stored.map(\.mode) == ["mc", "typed"])
        #expect(stored.map(\.correct) == [false, true])
        #expect(stored.map(\.selfGraded) == [false, true])
        #expect(stored.allSatisfy { $0.quizSeed == 42 })
        #expect(stored[1].answeredAt == answers[1].date)
    }
}
