import Foundation
import Testing
@testable import Study

@Suite struct StudyStatsTests {
    typealias F = StatsFixtures

    @Test func activityCountsPerStudyDayAndTheStreak() {
        // Today twice (one at 02:00 the next morning belongs to today too), yesterday, two days
        // ago, then a gap, then a run of three ending 10 days ago.
        let log = [
            F.entry(1, "a", .good, daysAgo: 0), F.entry(2, "b", .good, daysAgo: -0.6, kind: .cram),
            F.entry(3, "a", .good, daysAgo: 1), F.entry(4, "a", .good, daysAgo: 2),
            F.entry(5, "a", .good, daysAgo: 10), F.entry(6, "a", .good, daysAgo: 11), F.entry(7, "a", .good, daysAgo: 12),
            F.entry(8, "a", .good, daysAgo: 13), F.entry(9, "a", .good, daysAgo: 400),
        ]
        let a = DailyActivity.compute(log: log, calendar: F.calendar, today: F.calendar.day(containing: F.now))
        #expect(a.days.count == 365)
        #expect(a.days.last == DayCount(date: "2026-11-23", count: 2))
        #expect(a.days[a.days.count - 2].count == 1)
        #expect(a.days.reduce(0) { $0 + $1.count } == 8)  // the one 400 days ago is outside the year
        #expect(a.today == 2)
        #expect(a.currentStreak == 3)
        #expect(a.longestStreak == 4)
    }

    @Test func aStreakSurvivesUntilTodayEnds() {
        let log = [F.entry(1, "a", .good, daysAgo: 1), F.entry(2, "a", .good, daysAgo: 2)]
        let a = DailyActivity.compute(log: log, calendar: F.calendar, today: F.calendar.day(containing: F.now))
        #expect(a.currentStreak == 2)
        #expect(a.today == 0)
        let broken = DailyActivity.compute(log: [F.entry(1, "a", .good, daysAgo: 2)], calendar: F.calendar, today: F.calendar.day(containing: F.now))
        #expect(broken.currentStreak == 0)
    }

    @Test func trueRetentionUsesTheFirstReviewOfTheDaySplitYoungAndMature() {
        let log = [
            F.entry(1, "y1", .again, daysAgo: 1), F.entry(2, "y1", .good, daysAgo: 0.99),  // same day: only the Again counts
            F.entry(3, "y2", .hard, daysAgo: 1),
            F.entry(4, "m1", .good, daysAgo: 1, interval: 21), F.entry(5, "m2", .again, daysAgo: 1, interval: 30),
            F.entry(6, "m3", .easy, daysAgo: 2, interval: 40),
            F.entry(7, "n", .again, daysAgo: 1, before: nil),  // new card: not retention
            F.entry(8, "l", .again, daysAgo: 1, before: .learning),  // learning step: not retention
            F.entry(9, "c", .again, daysAgo: 1, kind: .cram, interval: 30),  // cram: not retention
            F.entry(10, "old", .again, daysAgo: 40, interval: 30),
        ]
        let all = TrueRetention.compute(log: log, calendar: F.calendar)
        #expect(all.young == RetentionRate(passed: 1, failed: 1))
        #expect(all.mature == RetentionRate(passed: 2, failed: 2))
        let recent = TrueRetention.compute(log: log, calendar: F.calendar, since: F.calendar.day(F.calendar.day(containing: F.now), offsetBy: -29))
        #expect(recent.mature == RetentionRate(passed: 2, failed: 1))
        #expect(recent.mature.rate == 2.0 / 3.0)
        #expect(RetentionRate().rate == nil)
    }

    @Test func forecastCountsOverdueTodayAndSkipsSuspendedAndNew() {
        let cards = ["over", "today", "in3", "in40", "susp", "new", "buried"].map { ReviewCandidate(id: $0, topic: "t") }
        var progress: [String: CardProgress] = [
            "over": CardProgress(cardID: "over", schedule: F.state(.review, dueIn: -5)),
            "today": CardProgress(cardID: "today", schedule: F.state(.learning, dueIn: 0.1)),
            "in3": CardProgress(cardID: "in3", schedule: F.state(.review, dueIn: 3)),
            "in40": CardProgress(cardID: "in40", schedule: F.state(.review, dueIn: 40)),
            "susp": CardProgress(cardID: "susp", schedule: F.state(.review, dueIn: 1), isSuspended: true),
            "buried": CardProgress(cardID: "buried", schedule: F.state(.review, dueIn: -1)),
        ]
        progress["buried"]?.buriedUntil = F.calendar.startOfNextDay(after: F.now)
        let f = DueForecast.compute(cards: cards, progress: progress, calendar: F.calendar, now: F.now)
        #expect(f.days.count == 30)
        #expect(f.days[0] == DueDay(date: "2026-11-23", due: 2))
        #expect(f.days[1].due == 1)  // the buried one comes back tomorrow
        #expect(f.days[3].due == 1)
        #expect(f.total(firstDays: 30) == 4)
    }

    @Test func masteryCountsNewCardsAsZeroAndUsesTheScheduler() {
        let scheduler = Scheduler()
        let s1 = F.state(.review, dueIn: 5, stability: 10, lastDaysAgo: 3)
        let s2 = F.state(.review, dueIn: 1, stability: 2, lastDaysAgo: 4)
        let cards = [ReviewCandidate(id: "a", topic: "lora"), ReviewCandidate(id: "b", topic: "lora"),
                     ReviewCandidate(id: "c", topic: "lora"), ReviewCandidate(id: "d", topic: "norms")]
        let progress = ["a": CardProgress(cardID: "a", schedule: s1), "b": CardProgress(cardID: "b", schedule: s2)]
        let m = TopicMastery.compute(cards: cards, progress: progress, scheduler: scheduler, at: F.now)
        let r1 = scheduler.retrievability(of: s1, at: F.now), r2 = scheduler.retrievability(of: s2, at: F.now)
        #expect(r1 > r2 && r2 > 0 && r1 < 1)
        #expect(m.map(\.topic) == ["lora", "norms"])
        #expect(m[0].cards == 3 && m[0].studied == 2)
        #expect(abs(m[0].mastery - (r1 + r2) / 3) < 1e-12)
        #expect(abs(m[0].meanRetrievability! - (r1 + r2) / 2) < 1e-12)
        #expect(m[1].mastery == 0 && m[1].meanRetrievability == nil)
    }

    @Test func countsByStateKeepRemovedCardsApart() {
        let cards = ["n", "l", "r", "rl", "s", "b"].map { ReviewCandidate(id: $0, topic: "t") }
        let progress: [String: CardProgress] = [
            "l": CardProgress(cardID: "l", schedule: F.state(.learning, dueIn: 0)),
            "r": CardProgress(cardID: "r", schedule: F.state(.review, dueIn: 2)),
            "rl": CardProgress(cardID: "rl", schedule: F.state(.relearning, dueIn: 0)),
            "s": CardProgress(cardID: "s", schedule: F.state(.review, dueIn: 2), isSuspended: true),
            "b": CardProgress(cardID: "b", schedule: F.state(.review, dueIn: 0), buriedUntil: F.now.addingTimeInterval(3600)),
            "gone": CardProgress(cardID: "gone", schedule: F.state(.review, dueIn: 2)),
        ]
        let c = CardCounts.compute(cards: cards, progress: progress, at: F.now)
        let found: [Int] = [c.new, c.learning, c.review, c.relearning, c.suspended, c.buried, c.removedFromContent]
        #expect(found == [1, 1, 2, 1, 1, 1, 1])
    }

    @Test func leechesAreCountedSuspendedOrNot() throws {
        let cards = ["a", "b", "c"].map { ReviewCandidate(id: $0, topic: "t") }
        let progress: [String: CardProgress] = [
            "a": CardProgress(cardID: "a", schedule: F.state(.relearning, dueIn: 0), lapses: 8, isSuspended: true, isLeech: true),
            // Unsuspended by the learner: still tagged, back in its phase count.
            "b": CardProgress(cardID: "b", schedule: F.state(.review, dueIn: 2), lapses: 9, isLeech: true),
            "gone": CardProgress(cardID: "gone", schedule: F.state(.review, dueIn: 2), isSuspended: true, isLeech: true),
        ]
        let stats = StudyStats.compute(cards: cards, progress: progress, log: [], scheduler: Scheduler(), calendar: F.calendar, now: F.now)
        #expect(stats.counts.leeches == 2)
        #expect(stats.counts.suspended == 1 && stats.counts.review == 1)
        #expect(stats.text().contains("suspended 1 · leeches 2"))
        let object = try JSONSerialization.jsonObject(with: Data(try stats.json().utf8)) as! [String: Any]
        #expect((object["counts"] as! [String: Int])["leeches"] == 2)
    }

    @Test func jsonHasStableSnakeCaseKeys() throws {
        let stats = StudyStats.compute(
            cards: [ReviewCandidate(id: "a", topic: "t")], progress: [:], log: [F.entry(1, "a", .good, daysAgo: 0)],
            scheduler: Scheduler(), calendar: F.calendar, now: F.now)
        let object = try JSONSerialization.jsonObject(with: Data(try stats.json().utf8)) as! [String: Any]
        #expect(object.keys.sorted() == ["activity", "counts", "forecast", "retention_30_days", "retention_all_time", "today", "topics", "total_reviews"])
        let activity = object["activity"] as! [String: Any]
        #expect(activity.keys.sorted() == ["current_streak", "days", "longest_streak", "today"])
        let topic = (object["topics"] as! [[String: Any]])[0]
        #expect(topic.keys.sorted() == ["cards", "mastery", "mean_retrievability", "studied", "topic"])
        #expect(stats.text().contains("streak 1 day"))
    }
}
