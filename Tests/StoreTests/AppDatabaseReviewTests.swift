import Foundation
import Testing
@testable import Store
import Study

@Suite struct AppDatabaseReviewTests {
    typealias F = StoreFixtures

    func record(_ before: CardProgress?, _ rating: Rating, at: Date = F.now, kind: ReviewKind = .review) -> ReviewRecord {
        var after = before ?? CardProgress(cardID: "n")
        after.schedule = Scheduler().review(before?.schedule, rating: rating, at: at)
        after.reps += 1
        return ReviewRecord(
            cardID: after.cardID, kind: kind, rating: rating, reviewedAt: at, durationMilliseconds: 1500,
            before: before, after: kind == .cram ? nil : after)
    }

    @Test func aSavedReviewReadsBackExactly() throws {
        let db = try AppDatabase.inMemory()
        let card = F.reviewCard("r")
        let r = record(card, .hard)
        let id = try db.saveReview(r)
        #expect(try db.cardProgress(id: "r") == r.after)
        #expect(try db.cardProgress() == ["r": r.after!])
        let log = try db.reviewLog()
        #expect(log == [ReviewLogEntry(record: r, id: id)])
    }

    @Test func reviewAndStateAreOneTransaction() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON card_state BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        #expect(throws: (any Error).self) { try db.saveReview(record(nil, .good)) }
        #expect(try db.reviewLogCount() == 0)
        #expect(try db.cardProgress().isEmpty)
    }

    @Test func cramIsLoggedApartAndLeavesTheStateAlone() throws {
        let db = try AppDatabase.inMemory()
        try db.saveCardChange(ProgressChange(before: nil, after: F.reviewCard("r")))
        try db.saveReview(record(F.reviewCard("r"), .again, kind: .cram))
        #expect(try db.cardProgress(id: "r") == F.reviewCard("r"))
        #expect(try db.reviewLog().map(\.kind) == [.cram])
        #expect(try db.dailyCounts(since: F.now.addingTimeInterval(-3600)) == DailyCounts())
    }

    @Test func dailyCountsCountFirstRatingsOfNewCardsAndReviewsSinceTheDayStart() throws {
        let db = try AppDatabase.inMemory()
        let dayStart = F.now.addingTimeInterval(-6 * 3600)
        var yesterday = record(nil, .good, at: dayStart.addingTimeInterval(-60))
        yesterday.cardID = "old"; yesterday.after?.cardID = "old"
        try db.saveReview(yesterday)
        var n1 = record(nil, .again)
        n1.cardID = "n1"; n1.after?.cardID = "n1"
        try db.saveReview(n1)
        var n1again = record(n1.after, .good, at: F.now.addingTimeInterval(60))
        n1again.cardID = "n1"
        try db.saveReview(n1again)  // a learning step, not new, not a review
        try db.saveReview(record(F.reviewCard("r1"), .good))
        try db.saveReview(record(F.reviewCard("r2"), .again))
        #expect(try db.dailyCounts(since: dayStart) == DailyCounts(newCards: 1, reviews: 2))
        #expect(try db.reviewLog(from: dayStart).count == 4)
    }

    @Test func recordedSessionSavesEveryRatingBeforeTheNextCard() throws {
        let db = try AppDatabase.inMemory()
        try db.saveCardChange(ProgressChange(before: nil, after: F.reviewCard("gone")))  // no longer in the content
        var s = try RecordedReviewSession(
            database: db, candidates: ["a", "b"].map { ReviewCandidate(id: $0, topic: "t") },
            timeZone: F.utc, now: F.now)
        let first = s.nextCard(at: F.now)!.id
        let saved = try s.rate(first, .easy, at: F.now)
        #expect(try db.cardProgress(id: first) == saved.after)
        #expect(try db.reviewLogCount() == 1)
        try s.rate(s.nextCard(at: F.now)!.id, .good, at: F.now)
        #expect(try db.reviewLogCount() == 2)
        #expect(try db.cardProgress(id: "gone") == F.reviewCard("gone"))
        // A second session the same day continues: "first" is scheduled for days later.
        let next = try RecordedReviewSession(
            database: db, candidates: ["a", "b"].map { ReviewCandidate(id: $0, topic: "t") },
            timeZone: F.utc, now: F.now.addingTimeInterval(30))
        #expect(next.session.remaining.newCards == 0)
        #expect(next.session.remaining.learning == 1)
    }

    @Test func undoRestoresTheExactStateAndRemovesTheLogRow() throws {
        let db = try AppDatabase.inMemory()
        let card = F.reviewCard("r", lapses: 7)
        try db.saveCardChange(ProgressChange(before: nil, after: card))
        var s = try RecordedReviewSession(
            database: db, candidates: [ReviewCandidate(id: "r", topic: "t"), ReviewCandidate(id: "n", topic: "t")],
            timeZone: F.utc, now: F.now)
        let leech = try s.rate("r", .again, at: F.now)
        #expect(leech.madeLeech)
        #expect(try db.cardProgress(id: "r")?.isSuspended == true)
        try s.rate("n", .good, at: F.now)
        try s.undo()
        #expect(try db.cardProgress(id: "n") == nil)
        try s.undo()
        #expect(try db.cardProgress(id: "r") == card)
        #expect(try db.reviewLogCount() == 0)
        #expect(try s.undo() == nil)
    }

    @Test func buryAndSuspendAreSavedAndUndone() throws {
        let db = try AppDatabase.inMemory()
        var s = try RecordedReviewSession(
            database: db, candidates: [ReviewCandidate(id: "a", topic: "t"), ReviewCandidate(id: "b", topic: "t")],
            timeZone: F.utc, now: F.now)
        try s.bury("a", at: F.now)
        try s.suspend("b")
        #expect(try db.cardProgress(id: "a")?.buriedUntil == StudyCalendar(timeZone: F.utc).startOfNextDay(after: F.now))
        #expect(try db.cardProgress(id: "b")?.isSuspended == true)
        #expect(s.nextCard(at: F.now) == nil)
        try s.undo()
        #expect(try db.cardProgress(id: "b") == nil)
        #expect(s.nextCard(at: F.now)?.id == "b")
    }
}

