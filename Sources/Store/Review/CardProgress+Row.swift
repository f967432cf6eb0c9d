import Foundation
import GRDB
import Study

/// Dates are stored as seconds since 2001-01-01 UTC so they read back bit for bit.
extension Date {
    var storedSeconds: Double { timeIntervalSinceReferenceDate }
    init(storedSeconds: Double) { self.init(timeIntervalSinceReferenceDate: storedSeconds) }
}

extension CardProgress {
    /// Reads a `card_state` row.
    init(row: Row) throws {
        let phaseText: String? = row["phase"]
        var schedule: CardState?
        if let phaseText {
            guard let phase = CardPhase(rawValue: phaseText) else {
                throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "card_state.phase '\(phaseText)' is unknown")
            }
            schedule = CardState(
                phase: phase, step: row["step"], stability: row["stability"], difficulty: row["difficulty"],
                due: Date(storedSeconds: row["due"]), lastReview: Date(storedSeconds: row["last_review"]))
        }
        let buried: Double? = row["buried_until"]
        self.init(
            cardID: row["card_id"], schedule: schedule, reps: row["reps"], lapses: row["lapses"],
            isSuspended: row["suspended"], buriedUntil: buried.map(Date.init(storedSeconds:)),
            isLeech: row["leech"])
    }

    /// Writes this progress as the card's `card_state` row, replacing any previous one.
    func upsert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO card_state
                  (card_id, phase, step, stability, difficulty, due, last_review,
                   reps, lapses, suspended, buried_until, leech)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                cardID, schedule?.phase.rawValue, schedule?.step, schedule?.stability, schedule?.difficulty,
                schedule?.due.storedSeconds, schedule?.lastReview.storedSeconds,
                reps, lapses, isSuspended, buriedUntil?.storedSeconds, isLeech,
            ])
    }
}

extension ReviewLogEntry {
    /// Reads a `review_log` row.
    init(row: Row) throws {
        let kindText: String = row["kind"]
        let ratingValue: Int = row["rating"]
        guard let kind = ReviewKind(rawValue: kindText), let rating = Rating(rawValue: ratingValue) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "review_log row has kind '\(kindText)', rating \(ratingValue)")
        }
        let before: String? = row["phase_before"], after: String? = row["phase_after"]
        let due: Double? = row["due_after"]
        self.init(
            id: row["id"], cardID: row["card_id"], kind: kind, rating: rating,
            reviewedAt: Date(storedSeconds: row["reviewed_at"]),
            phaseBefore: before.flatMap(CardPhase.init(rawValue:)),
            scheduledDaysBefore: row["scheduled_days_before"], elapsedDays: row["elapsed_days"],
            phaseAfter: after.flatMap(CardPhase.init(rawValue:)),
            stabilityAfter: row["stability_after"], difficultyAfter: row["difficulty_after"],
            dueAfter: due.map(Date.init(storedSeconds:)), durationMilliseconds: row["duration_ms"])
    }

    /// Inserts the row for `record` and returns its id.
    static func insert(_ record: ReviewRecord, _ db: Database) throws -> Int64 {
        let e = ReviewLogEntry(record: record, id: 0)
        try db.execute(
            sql: """
                INSERT INTO review_log
                  (card_id, kind, rating, reviewed_at, phase_before, scheduled_days_before, elapsed_days,
                   phase_after, stability_after, difficulty_after, due_after, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                e.cardID, e.kind.rawValue, e.rating.rawValue, e.reviewedAt.storedSeconds,
                e.phaseBefore?.rawValue, e.scheduledDaysBefore, e.elapsedDays,
                e.phaseAfter?.rawValue, e.stabilityAfter, e.difficultyAfter, e.dueAfter?.storedSeconds,
                e.durationMilliseconds,
            ])
        return db.lastInsertedRowID
    }
}
