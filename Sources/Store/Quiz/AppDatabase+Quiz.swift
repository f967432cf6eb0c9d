import Foundation
import GRDB

/// One stored quiz answer.
public struct QuizAnswerRecord: Equatable, Sendable {
    /// The row id; nil before it is stored.
    public var id: Int64?
    public var cardID: String
    /// The quiz mode ("choice", "myth-or-fact", "cloze", "typed", …), as the quiz names it.
    public var mode: String
    public var correct: Bool
    public var answeredAt: Date
    /// The seed that generated the quiz, so the same question can be rebuilt.
    public var quizSeed: UInt64?

    public init(id: Int64? = nil, cardID: String, mode: String, correct: Bool, answeredAt: Date, quizSeed: UInt64? = nil) {
        self.id = id
        self.cardID = cardID
        self.mode = mode
        self.correct = correct
        self.answeredAt = answeredAt
        self.quizSeed = quizSeed
    }
}

extension AppDatabase {
    /// Stores a quiz answer and returns its id.
    @discardableResult
    public func recordQuizAnswer(_ answer: QuizAnswerRecord) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO quiz_answer (card_id, mode, correct, answered_at, quiz_seed) VALUES (?, ?, ?, ?, ?)",
                arguments: [answer.cardID, answer.mode, answer.correct, answer.answeredAt.storedSeconds,
                            answer.quizSeed.map { Int64(bitPattern: $0) }])
            return db.lastInsertedRowID
        }
    }

    /// Stored quiz answers, oldest first; only those of `cardID` if given.
    public func quizAnswers(cardID: String? = nil) throws -> [QuizAnswerRecord] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM quiz_answer WHERE (?1 IS NULL OR card_id = ?1) ORDER BY answered_at, id",
                arguments: [cardID])
            return rows.map { row in
                let seed: Int64? = row["quiz_seed"]
                return QuizAnswerRecord(
                    id: row["id"], cardID: row["card_id"], mode: row["mode"], correct: row["correct"],
                    answeredAt: Date(storedSeconds: row["answered_at"]),
                    quizSeed: seed.map { UInt64(bitPattern: $0) })
            }
        }
    }
}
