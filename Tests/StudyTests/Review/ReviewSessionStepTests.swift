import Foundation
import Testing
@testable import Study

@Suite struct ReviewSessionStepTests {
    typealias F = ReviewFixtures

    @Test func aLearningCardComesBackInTheSameSessionWhenDue() {
        var s = F.session(["a", "b"], settings: StudySettings(learnAheadMinutes: 0))
        #expect(s.rateNext(.good, at: F.now) == "a")
        let due = s.progress(of: "a").schedule!.due
        #expect(s.progress(of: "a").schedule?.phase == .learning)
        #expect(due > F.now && due < F.calendar.startOfNextDay(after: F.now))
        #expect(s.rateNext(.good, at: F.now.addingTimeInterval(30)) == "b")
        // Nothing is due yet and there is no learn-ahead: the session waits for "a".
        #expect(s.nextCard(at: F.now.addingTimeInterval(60)) == nil)
        #expect(s.remaining.learning == 2)
        #expect(s.nextLearningDue == due)
        #expect(s.nextCard(at: due)?.id == "a")
    }

    @Test func learnAheadShowsTheNextLearningCardWhenNothingElseIsLeft() {
        var s = F.session(["a"])  // default learn-ahead: 20 minutes
        s.rateNext(.good, at: F.now)  // 10-minute step
        #expect(s.nextCard(at: F.now)?.id == "a")
        s.rateNext(.good, at: F.now.addingTimeInterval(60))  // graduates to review, days away
        #expect(s.progress(of: "a").schedule?.phase == .review)
        #expect(s.nextCard(at: F.now.addingTimeInterval(60)) == nil)
    }

    @Test func dueLearningCardsGoBeforeReviewsAndNewCards() {
        var s = F.session(["a", "b", "c"], settings: StudySettings(learnAheadMinutes: 0))
        s.rateNext(.again, at: F.now)  // "a" back in a minute
        #expect(s.nextCard(at: F.now.addingTimeInterval(10))?.id == "b")
        #expect(s.nextCard(at: F.now.addingTimeInterval(61))?.id == "a")
    }

    @Test func ratingsCountNewCardsAndRepsAndTheSummary() {
        var s = F.session(["a", "b"])
        s.rateNext(.again, at: F.now)
        s.rateNext(.easy, at: F.now)
        #expect(s.summary.newCards == 2)
        #expect(s.summary.count(of: .again) == 1)
        #expect(s.summary.count(of: .easy) == 1)
        #expect(s.progress(of: "a").reps == 1)
        #expect(s.progress(of: "a").lapses == 0)  // Again on a new card is not a lapse
    }

    @Test func theRecordCarriesTheSchedulersStateAndTheStoredBefore() {
        let card = F.reviewCard("r", due: F.now.addingTimeInterval(-3600))
        let s = F.session(["r"], progress: [card])
        let record = s.answer("r", rating: .good, at: F.now, durationMilliseconds: 4200)
        #expect(record.kind == .review)
        #expect(record.before == card)
        #expect(record.after?.schedule == F.scheduler.review(card.schedule, rating: .good, at: F.now, cardID: "r"))
        #expect(record.after?.reps == card.reps + 1)
        #expect(record.durationMilliseconds == 4200)
        // The preview shows exactly what each rating would do.
        #expect(s.preview("r", at: F.now)[.good] == record.after?.schedule)
    }
}
