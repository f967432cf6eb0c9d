import Foundation
import Testing
@testable import Study

/// Every recorded review from the reference implementation, replayed through our scheduler.
@Suite struct ReferenceAgreementTests {
    let fixture = ReferenceFixture.shared

    @Test func fixtureCoversTheRequestedMix() {
        #expect(fixture.fsrs_version.hasPrefix("6.3"))
        #expect(fixture.cases.count >= 400)
        #expect(fixture.parameters == SchedulerParameters.defaultWeights)
        let phases = Set(fixture.cases.flatMap { $0.reviews.map(\.after.state) })
        #expect(phases == ["learning", "review", "relearning"])
        #expect(fixture.cases.contains { $0.reviews.contains { $0.after.due - $0.after.last_review == 36500 * 86400 } })
    }

    @Test(arguments: ReferenceFixture.shared.cases)
    func replayAgrees(_ reference: ReferenceFixture.Case) {
        let scheduler = reference.makeScheduler(weights: fixture.parameters)
        var state = reference.start?.cardState
        for (index, review) in reference.reviews.enumerated() {
            let rating = Rating(rawValue: review.rating)!
            if let state, let expected = review.retrievability_before {
                let r = scheduler.retrievability(of: state, at: review.date)
                #expect(isClose(r, expected), "\(reference.name) #\(index): R before \(r) vs \(expected)")
            }
            let next = scheduler.review(state, rating: rating, at: review.date)
            let want = review.after
            let where_ = "\(reference.name) review #\(index) (rating \(review.rating))"
            #expect(next.phase.rawValue == want.state, "\(where_): phase")
            #expect(next.step == want.step, "\(where_): step")
            #expect(isClose(next.stability, want.stability), "\(where_): stability \(next.stability) vs \(want.stability)")
            #expect(isClose(next.difficulty, want.difficulty), "\(where_): difficulty \(next.difficulty) vs \(want.difficulty)")
            #expect(abs(next.due.timeIntervalSince1970 - want.due) < 1, "\(where_): due \(next.due.timeIntervalSince1970) vs \(want.due)")
            #expect(next.lastReview == review.date)
            #expect(isClose(scheduler.retrievability(of: next, at: review.date), review.retrievability_after))
            // Continue from the reference's own state so one miss does not cascade.
            state = want.cardState
        }
    }

    /// Chained on our own states this time: rounding must not drift over 30 reviews.
    @Test func chainedReplayAgreesAtEveryReview() {
        var checked = 0
        for reference in fixture.cases {
            let scheduler = reference.makeScheduler(weights: fixture.parameters)
            var state = reference.start?.cardState
            for review in reference.reviews {
                let next = scheduler.review(state, rating: Rating(rawValue: review.rating)!, at: review.date)
                guard next.phase.rawValue == review.after.state, next.step == review.after.step,
                      isClose(next.stability, review.after.stability), isClose(next.difficulty, review.after.difficulty),
                      abs(next.due.timeIntervalSince1970 - review.after.due) < 1
                else {
                    Issue.record("\(reference.name): diverged at review \(checked)")
                    return
                }
                state = next
                checked += 1
            }
        }
        #expect(checked == fixture.cases.reduce(0) { $0 + $1.reviews.count })
    }
}

extension ReferenceFixture.Case: CustomTestStringConvertible {
    var testDescription: String { name }
}
