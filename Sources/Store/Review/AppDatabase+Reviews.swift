import Foundation
import GRDB
import Study

extension AppDatabase {
    /// Writes a rating: its review-log row and, unless it is a cram answer, the card's new
    /// progress, in one transaction. Returns the log row's id (what `undo` deletes).
    @discardableResult
    public func saveReview(_ record: ReviewRecord) throws -> Int64 {
        try writer.write { db in try Self.save(record, db) }
    }

    /// The body of `saveReview`, for callers that already hold a transaction.
    static func save(_ record: ReviewRecord, _ db: Database) throws -> Int64 {
        let id = try ReviewLogEntry.insert(record, db)
        if record.kind != .cram, let after = record.after { try after.upsert(db) }
        return id
    }

    /// Writes a bury, suspend or unsuspend.
    public func saveCardChange(_ change: ProgressChange) throws {
        try writer.write { db in try change.after.upsert(db) }
    }

    /// Reverses a session's last action in one transaction: deletes its log row and puts the
    /// card's progress back exactly as it was.
    public func undo(_ step: UndoStep) throws {
        try writer.write { db in
            if let id = step.logID {
                try db.execute(sql: "DELETE FROM review_log WHERE id = ?", arguments: [id])
            }
            switch step.progress {
            case .unchanged: break
            case let .restore(progress): try progress.upsert(db)
            case .remove: try db.execute(sql: "DELETE FROM card_state WHERE card_id = ?", arguments: [step.cardID])
            }
        }
    }

    /// Every stored card progress, by card id, including cards no longer in the content
    /// (their history is kept; nothing here ever deletes rows for unknown ids).
    public func cardProgress() throws -> [String: CardProgress] {
        try writer.read { db in
            var result: [String: CardProgress] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM card_state")
            while let row = try rows.next() {
                let p = try CardProgress(row: row)
                result[p.cardID] = p
            }
            return result
        }
    }

    /// The stored progress of one card, or nil if it was never touched.
    public func cardProgress(id: String) throws -> CardProgress? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM card_state WHERE card_id = ?", arguments: [id])
                .map(CardProgress.init(row:))
        }
    }

    /// What was done since `dayStart` (the start of the study day), for the daily limits:
    /// new cards rated for the first time and ratings of review-phase cards.
    public func dailyCounts(since dayStart: Date) throws -> DailyCounts {
        try writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT CASE WHEN phase_before IS NULL THEN card_id END) AS new_cards,
                           COUNT(CASE WHEN phase_before = 'review' THEN 1 END) AS reviews
                    FROM review_log WHERE kind = 'review' AND reviewed_at >= ?
                    """,
                arguments: [dayStart.storedSeconds])
            return DailyCounts(newCards: row?["new_cards"] ?? 0, reviews: row?["reviews"] ?? 0)
        }
    }

    /// Review-log rows from `start` on (all of them if nil), oldest first.
    public func reviewLog(from start: Date? = nil) throws -> [ReviewLogEntry] {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM review_log WHERE reviewed_at >= ? ORDER BY reviewed_at, id",
                arguments: [start?.storedSeconds ?? -Double.greatestFiniteMagnitude])
            var entries: [ReviewLogEntry] = []
            while let row = try rows.next() { entries.append(try ReviewLogEntry(row: row)) }
            return entries
        }
    }

    /// The number of review-log rows.
    public func reviewLogCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_log") ?? 0 }
    }
}
