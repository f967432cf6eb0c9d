import Foundation
import Testing
@testable import Study

@Suite struct ReviewSessionOrderTests {
    typealias F = ReviewFixtures
    let day: TimeInterval = 86_400

    @Test func dueCardsComeFirstMostOverdueFirstAndNewCardsAreInterleaved() {
        let progress = [
            F.reviewCard("r2", due: F.now.addingTimeInterval(-1 * day)),
            F.reviewCard("r0", due: F.now.addingTimeInterval(-3 * day)),
            F.reviewCard("r3", due: F.now),  // due this very moment
            F.reviewCard("r1", due: F.now.addingTimeInterval(-2 * day)),
            F.reviewCard("later", due: F.now.addingTimeInterval(3600)),  // later today: not yet
            F.reviewCard("tomorrow", due: F.now.addingTimeInterval(2 * day)),
        ]
        var s = F.session(["n0", "r0", "r1", "r2", "r3", "later", "tomorrow", "n1"], progress: progress)
        #expect(s.remaining.reviews == 4)
        #expect(s.remaining.newCards == 2)
        var order: [String] = []
        while let id = s.rateNext(.easy, at: F.now) { order.append(id) }
        // 4 reviews and 2 new: one new card after each two reviews, reviews first on ties.
        #expect(order == ["r0", "n0", "r1", "r2", "n1", "r3"])
    }

    /// FSRS counts whole 24-hour days: offered at 09:00, a card last seen at 20:00 the day
    /// before with a 1-day interval would count 0 days and get the same-day formula.
    @Test func aReviewCardIsOfferedOnlyOnceItIsDue() {
        let calendar = F.calendar
        let evening = Date(timeIntervalSince1970: 1_795_464_000)  // 2026-11-23 20:00 UTC
        let card = CardProgress(cardID: "r", schedule: CardState(
            phase: .review, step: nil, stability: 1.2, difficulty: 5,
            due: evening.addingTimeInterval(day), lastReview: evening), reps: 3)
        func session(at now: Date) -> ReviewSession {
            ReviewSession(candidates: F.candidates(["r"]), progress: ["r": card], settings: .default,
                          doneToday: DailyCounts(), scheduler: F.scheduler, calendar: calendar, now: now)
        }
        let morning = evening.addingTimeInterval(13 * 3600)  // 09:00 the next day, same study day as 20:00
        #expect(calendar.day(containing: morning) == calendar.day(containing: evening.addingTimeInterval(day)))
        #expect(session(at: morning).nextCard(at: morning) == nil)
        #expect(session(at: morning).remaining.reviews == 0)
        let due = evening.addingTimeInterval(day)
        #expect(session(at: due).nextCard(at: due)?.id == "r")
        // Rated when due, it counts one whole day and grows on the day-scale formula.
        var s = session(at: due)
        s.rateNext(.good, at: due)
        #expect(s.progress(of: "r").schedule!.stability > 2 * card.schedule!.stability)
    }

    @Test func learnAheadNeverPullsAStepAcrossAWholeDay() {
        // A relearning step of one day, due at 20:00; learn-ahead of 20 minutes at 19:50.
        let last = Date(timeIntervalSince1970: 1_795_377_600)  // 2026-11-22 20:00 UTC
        let due = last.addingTimeInterval(day)
        let long = CardProgress(cardID: "long", schedule: CardState(
            phase: .relearning, step: 0, stability: 1, difficulty: 5, due: due, lastReview: last), reps: 5, lapses: 1)
        // A 10-minute step due at 20:00 too, last seen at 19:50: same day either way.
        let short = CardProgress(cardID: "short", schedule: CardState(
            phase: .relearning, step: 0, stability: 1, difficulty: 5, due: due, lastReview: due.addingTimeInterval(-600)), reps: 5, lapses: 1)
        let early = due.addingTimeInterval(-600)
        let s = F.session(["long", "short"], progress: [long, short], at: early)
        #expect(s.remaining.learning == 2)
        #expect(s.nextCard(at: early)?.id == "short")
        let onlyLong = F.session(["long"], progress: [long], at: early)
        #expect(onlyLong.nextCard(at: early) == nil)
        #expect(onlyLong.nextCard(at: due)?.id == "long")
    }

    @Test func newLimitCountsNewCardsAlreadyIntroducedToday() {
        let ids = (0..<10).map { "n\($0)" }
        let settings = StudySettings(newCardsPerDay: 5)
        #expect(F.session(ids, settings: settings).remaining.newCards == 5)
        #expect(F.session(ids, settings: settings, done: DailyCounts(newCards: 3)).remaining.newCards == 2)
        #expect(F.session(ids, settings: settings, done: DailyCounts(newCards: 7)).remaining.newCards == 0)
        // The command-line override replaces the setting, and earlier work still counts.
        #expect(F.session(ids, settings: settings, done: DailyCounts(newCards: 3), newLimit: 8).remaining.newCards == 5)
    }

    @Test func reviewLimitCountsReviewsAlreadyDoneToday() {
        let progress = (0..<6).map { F.reviewCard("r\($0)", due: F.now.addingTimeInterval(-Double($0) * 60)) }
        let ids = progress.map(\.cardID)
        let settings = StudySettings(reviewsPerDay: 4)
        #expect(F.session(ids, progress: progress, settings: settings).remaining.reviews == 4)
        let s = F.session(ids, progress: progress, settings: settings, done: DailyCounts(reviews: 3))
        #expect(s.remaining.reviews == 1)
        // The one left is the most overdue.
        #expect(s.nextCard(at: F.now)?.id == "r5")
    }

    @Test func suspendedAndBuriedCardsAreLeftOut() {
        var suspended = F.reviewCard("s", due: F.now.addingTimeInterval(-day))
        suspended.isSuspended = true
        var buried = CardProgress(cardID: "b")
        buried.buriedUntil = F.calendar.startOfNextDay(after: F.now)
        let s = F.session(["s", "b", "n"], progress: [suspended, buried])
        #expect(s.remaining.total == 1)
        #expect(s.nextCard(at: F.now)?.id == "n")
        // Tomorrow the bury has ended.
        let tomorrow = F.session(["s", "b", "n"], progress: [suspended, buried], at: F.now.addingTimeInterval(day))
        #expect(tomorrow.remaining.newCards == 2)
    }

    @Test func cardsInLearningDueTodayJoinTheSessionAndLaterOnesDoNot() {
        let today = CardProgress(cardID: "l1", schedule: CardState(
            phase: .learning, step: 1, stability: 1, difficulty: 5,
            due: F.now.addingTimeInterval(-60), lastReview: F.now.addingTimeInterval(-660)))
        var later = today
        later.cardID = "l2"
        later.schedule?.due = F.calendar.startOfNextDay(after: F.now).addingTimeInterval(60)
        let s = F.session(["l1", "l2"], progress: [today, later])
        #expect(s.remaining.learning == 1)
        #expect(s.nextCard(at: F.now)?.id == "l1")
    }
}
