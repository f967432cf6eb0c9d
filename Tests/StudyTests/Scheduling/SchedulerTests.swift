import Foundation
import Testing
@testable import Study

/// Step logic and API behaviour; exact numbers are covered by the reference replay.
@Suite struct SchedulerTests {
    let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzz: false))
    let now = Date(timeIntervalSince1970: 1_735_689_600)

    @Test func newCardStepsFollowTheDefaults() {
        let waits = Rating.allCases.map { scheduler.review(nil, rating: $0, at: now).due.timeIntervalSince(now) }
        #expect(waits == [60, 330, 600, 8 * 86400])
        let steps = Rating.allCases.map { scheduler.review(nil, rating: $0, at: now).step }
        #expect(steps == [0, 0, 1, nil])
    }

    @Test func goodThroughBothStepsGraduates() {
        var s = scheduler.review(nil, rating: .good, at: now)
        s = scheduler.review(s, rating: .good, at: s.due)
        #expect(s.phase == .review && s.step == nil)
        #expect(s.due.timeIntervalSince(s.lastReview).truncatingRemainder(dividingBy: 86400) == 0)
    }

    @Test func lapseGoesToRelearningAndBack() {
        let learnt = scheduler.review(nil, rating: .easy, at: now)
        let lapsed = scheduler.review(learnt, rating: .again, at: learnt.due)
        #expect(lapsed.phase == .relearning && lapsed.step == 0)
        #expect(lapsed.due == learnt.due.addingTimeInterval(600))
        #expect(lapsed.stability < learnt.stability && lapsed.difficulty > learnt.difficulty)
        let hard = scheduler.review(lapsed, rating: .hard, at: lapsed.due)
        #expect(hard.phase == .relearning && hard.due == lapsed.due.addingTimeInterval(900))  // 1.5 × the only step
        let back = scheduler.review(hard, rating: .good, at: hard.due)
        #expect(back.phase == .review)
    }

    @Test func withoutStepsCardsGoStraightToReview() {
        let bare = Scheduler(parameters: SchedulerParameters(learningSteps: [], relearningSteps: [], enableFuzz: false))
        let first = bare.review(nil, rating: .again, at: now)
        #expect(first.phase == .review && first.due == now.addingTimeInterval(86400))
        let lapse = bare.review(first, rating: .again, at: first.due)
        #expect(lapse.phase == .review)
    }

    @Test func previewMatchesReviewForEveryRating() {
        let fuzzy = Scheduler()
        let card = fuzzy.review(fuzzy.review(nil, rating: .good, at: now), rating: .good, at: now.addingTimeInterval(600))
        let later = now.addingTimeInterval(20 * 86400)
        let preview = fuzzy.preview(card, at: later)
        #expect(preview.count == 4)
        for rating in Rating.allCases {
            #expect(preview[rating] == fuzzy.review(card, rating: rating, at: later))
        }
        #expect(preview[.again]!.due < preview[.hard]!.due)
        #expect(preview[.hard]!.due <= preview[.good]!.due && preview[.good]!.due <= preview[.easy]!.due)
    }

    @Test func cardStateRoundTripsThroughCodable() throws {
        let s = scheduler.review(nil, rating: .hard, at: now)
        let back = try JSONDecoder().decode(CardState.self, from: JSONEncoder().encode(s))
        #expect(back == s)
    }
}
