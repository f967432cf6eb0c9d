import Foundation
import Testing
@testable import Store
import Study

/// Suspended cards and leeches can be brought back, in one transaction.
@Suite struct AppDatabaseSuspensionTests {
    typealias F = StoreFixtures

    func leech(_ id: String) -> CardProgress {
        var p = F.reviewCard(id, lapses: 8)
        p.isSuspended = true
        p.isLeech = true
        return p
    }

    @Test func unsuspendKeepsTheScheduleAndTheLeechFlagUnlessAsked() throws {
        let db = try AppDatabase.inMemory()
        var plain = F.reviewCard("s")
        plain.isSuspended = true
        for p in [leech("a"), leech("b"), plain, F.reviewCard("active")] {
            try db.saveCardChange(ProgressChange(before: nil, after: p))
        }
        let changed = try db.unsuspend(["a", "s", "active", "never-seen"])
        #expect(changed.map(\.cardID) == ["a", "s"])
        #expect(try db.cardProgress(id: "a") == leech("a").unsuspended())
        #expect(try db.cardProgress(id: "a")?.isLeech == true && db.cardProgress(id: "a")?.isSuspended == false)
        #expect(try db.cardProgress(id: "a")?.schedule == leech("a").schedule)
        #expect(try db.cardProgress(id: "s")?.isSuspended == false)
        #expect(try db.cardProgress(id: "active") == F.reviewCard("active"))
        #expect(try db.cardProgress(id: "never-seen") == nil)
        try db.unsuspend(["b"], clearingLeech: true)
        #expect(try db.cardProgress(id: "b")?.isLeech == false && db.cardProgress(id: "b")?.lapses == 8)
        // Clearing the flag of an already unsuspended leech is a change too.
        #expect(try db.unsuspend(["a"], clearingLeech: true).map(\.isLeech) == [false])
    }

    @Test func anUnsuspendedLeechThatKeepsLapsingIsSuspendedAndAnnouncedAgain() throws {
        let db = try AppDatabase.inMemory()
        try db.saveCardChange(ProgressChange(before: nil, after: leech("r")))
        try db.unsuspend(["r"])
        // The rule fires again four lapses later (half the threshold); in between it does not.
        var p = try #require(try db.cardProgress(id: "r"))
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzz: false))
        var at = F.now
        var announced: [Int] = []
        for _ in 0..<4 {
            // Put the card back in review, then lapse it.
            p.schedule = CardState(phase: .review, step: nil, stability: 10, difficulty: 5, due: at, lastReview: at.addingTimeInterval(-10 * 86_400))
            let after = p.rated(.again, at: at, scheduler: scheduler, leechRule: LeechRule())
            let record = ReviewRecord(cardID: "r", kind: .review, rating: .again, reviewedAt: at, before: p, after: after)
            try db.saveReview(record)
            if record.madeLeech { announced.append(after.lapses) }
            p = after
            at = at.addingTimeInterval(86_400)
        }
        #expect(announced == [12])
        #expect(try db.cardProgress(id: "r")?.isSuspended == true)
    }
}

@Suite struct ReviewBenchmarkTests {
    /// A small run: the figures must be the run's own and plausible, not timings of note.
    @Test func aSmallRunReportsSaneFigures() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let r = try ReviewBenchmark(cards: 60, logRows: 500, ratings: 25).run(in: tmp.url.appendingPathComponent("bench"))
        #expect(r.cards == 60 && r.logRows == 500)
        #expect(r.ratings == 25)
        #expect(r.previewed == 25)
        #expect(r.rateMedianMs > 0 && r.rateP95Ms >= r.rateMedianMs)
        #expect(r.sessionStartMs > 0)
        #expect(r.bytesPer10kReviews > 0 && r.databaseBytes > 0)
        // 500 log rows of ~100 bytes each cannot cost less than ~30 KB per 10,000 rows
        // nor more than a few MB.
        #expect((30_000...5_000_000).contains(r.bytesPer10kReviews), "\(r.bytesPer10kReviews)")
    }
}
