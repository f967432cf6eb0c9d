import Foundation
import GRDB
import Study

/// One stored quiz answer.
public struct QuizAnswerRecord: Equatable, Sendable {
    /// The row id; nil before it is stored.
    public var id: Int64?
    public var cardID: String
    /// The quiz mode ("choice", "myth-or-fact", "cloze", "typed", …), as the quiz names it.
    public var mode: String
    public var correct: Bool
    /// The learner graded the answer (or overrode the grader) rather than the app.
    public var selfGraded: Bool
    public var answeredAt: Date
    /// The seed that generated the quiz, so the same question can be rebuilt.
    public var quizSeed: UInt64?

    public init(
        id: Int64? = nil, cardID: String, mode: String, correct: Bool, selfGraded: Bool = false,
        answeredAt: Date, quizSeed: UInt64? = nil
    ) {
        self.id = id
        self.cardID = cardID
        self.mode = mode
        self.correct = correct
        self.selfGraded = selfGraded
        self.answeredAt = answeredAt
        self.quizSeed = quizSeed
    }
}

extension QuizAnswerRecord {
    /// The record of a quiz's answer, from the quiz seeded with `seed`.
    public init(_ answer: QuizAnswer, seed: UInt64?) {
        self.init(
            cardID: answer.cardId, mode: answer.mode.rawValue, correct: answer.correct,
            selfGraded: answer.selfGraded, answeredAt: answer.date, quizSeed: seed)
    }

    fileprivate func insert(_ db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO quiz_answer (card_id, mode, correct, self_graded, answered_at, quiz_seed) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [cardID, mode, correct, selfGraded, answeredAt.storedSeconds, quizSeed.map { Int64(bitPattern: $0) }])
        return db.lastInsertedRowID
    }

    /// Inserts the answer and, with `scheduling`, the review it amounts to (none for a
    /// suspended or buried card).
    fileprivate func save(applying scheduling: QuizScheduling?, _ db: Database) throws -> StoredQuizAnswer {
        let id = try insert(db)
        guard let scheduling else { return StoredQuizAnswer(id: id, review: nil) }
        let before = try Row.fetchOne(db, sql: "SELECT * FROM card_state WHERE card_id = ?", arguments: [cardID])
            .map(CardProgress.init(row:))
        guard let review = scheduling.review(cardID: cardID, correct: correct, at: answeredAt, before: before) else {
            return StoredQuizAnswer(id: id, review: nil)
        }
        _ = try AppDatabase.save(review, db)
        return StoredQuizAnswer(id: id, review: review)
    }
}

/// What storing a quiz answer wrote: the answer's row id and, when the answer rated its
/// card, the review (whose `madeLeech` the quiz announces).
public struct StoredQuizAnswer: Equatable, Sendable {
    public var id: Int64
    public var review: ReviewRecord?
}

extension AppDatabase {
    /// Stores a quiz answer. With `scheduling` (quiz-affects-schedule on) the answer also
    /// rates its card, unless the card is suspended or buried: the review-log row (kind
    /// `quiz`) and the card's new progress are written in the same transaction as the
    /// answer; without it the schedule is not touched.
    @discardableResult
    public func recordQuizAnswer(_ answer: QuizAnswerRecord, applying scheduling: QuizScheduling? = nil) throws -> StoredQuizAnswer {
        try writer.write { db in try answer.save(applying: scheduling, db) }
    }

    /// Stores a finished quiz's answers (from the quiz seeded with `seed`) in one transaction,
    /// each rating its card in turn when `scheduling` is given.
    @discardableResult
    public func recordQuizAnswers(_ answers: [QuizAnswer], seed: UInt64?, applying scheduling: QuizScheduling? = nil) throws -> [StoredQuizAnswer] {
        try writer.write { db in
            try answers.map { try QuizAnswerRecord($0, seed: seed).save(applying: scheduling, db) }
        }
    }

    /// How quiz answers should rate cards under the stored settings; nil when they must not.
    public func quizScheduling() throws -> QuizScheduling? {
        QuizScheduling.enabled(by: try settings())
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
                    selfGraded: row["self_graded"], answeredAt: Date(storedSeconds: row["answered_at"]),
                    quizSeed: seed.map { UInt64(bitPattern: $0) })
            }
        }
    }
}
