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
        let ia = try db.recordQuizAnswer(a)
        let ib = try db.recordQuizAnswer(b)
        var sa = a; sa.id = ia
        var sb = b; sb.id = ib
        #expect(try db.quizAnswers() == [sa, sb])
        #expect(try db.quizAnswers(cardID: "c2") == [sb])
    }
}
