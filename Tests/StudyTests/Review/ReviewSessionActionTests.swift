import Foundation
import Testing
@testable import Study

@Suite struct ReviewSessionActionTests {
    typealias F = ReviewFixtures

    @Test func undoPutsBackTheExactProgressQueueAndSummary() {
        let card = F.reviewCard("r", due: F.now.addingTimeInterval(-3600), lapses: 2)
        var s = F.session(["r", "n"], progress: [card])
        let before = s.remaining
        #expect(s.rateNext(.again, at: F.now, logID: 41) == "r")
        #expect(s.progress(of: "r").lapses == 3)
        let step = s.lastAction!
        #expect(step.logID == 41)
        #expect(step.progress == .restore(card))
        s.commitUndo()
        #expect(s.progress(of: "r") == card)
        #expect(s.remaining == before)
        #expect(s.summary == SessionSummary())
        #expect(s.nextCard(at: F.now)?.id == "r")
        #expect(!s.canUndo)
    }

    @Test func undoingTheFirstRatingOfANewCardRemovesItsRow() {
        var s = F.session(["n"])
        s.rateNext(.good, at: F.now, logID: 7)
        #expect(s.lastAction?.progress == .remove)
        s.commitUndo()
        #expect(s.progress(of: "n") == CardProgress(cardID: "n"))
        #expect(s.remaining.newCards == 1)
    }

    @Test func buryHidesTheCardUntilTheNextStudyDay() {
        var s = F.session(["a", "b"])
        let change = s.bury("a", at: F.now)
        #expect(change.before == nil)
        #expect(change.after.buriedUntil == F.calendar.startOfNextDay(after: F.now))
        s.commit(change)
        #expect(s.nextCard(at: F.now)?.id == "b")
        #expect(s.summary.buried == ["a"])
        #expect(s.lastAction?.logID == nil)
        #expect(s.lastAction?.progress == .remove)
    }

    @Test func suspendTakesTheCardOutForGood() {
        let card = F.reviewCard("r", due: F.now)
        var s = F.session(["r"], progress: [card])
        s.commit(s.suspend("r"))
        #expect(s.progress(of: "r").isSuspended)
        #expect(s.nextCard(at: F.now) == nil)
        #expect(s.summary.suspended == ["r"])
        s.commitUndo()
        #expect(s.progress(of: "r") == card)
        #expect(s.nextCard(at: F.now)?.id == "r")
    }

    @Test func theEighthLapseMakesALeechAndSuspendsIt() {
        var seven = F.session(["r"], progress: [F.reviewCard("r", due: F.now, lapses: 6)])
        let notYet = seven.answer("r", rating: .again, at: F.now)
        #expect(notYet.after?.lapses == 7)
        #expect(!notYet.madeLeech)

        var s = F.session(["r"], progress: [F.reviewCard("r", due: F.now, lapses: 7)])
        let record = s.answer("r", rating: .again, at: F.now)
        #expect(record.after?.lapses == 8)
        #expect(record.after?.isLeech == true)
        #expect(record.after?.isSuspended == true)
        #expect(record.madeLeech)
        s.commit(record, logID: 1)
        #expect(s.summary.leeches == ["r"])
        // A suspended leech does not come back for its relearning step.
        #expect(s.nextCard(at: F.now.addingTimeInterval(3600)) == nil)
        _ = seven
    }

    @Test func leechRuleTriggersAtTheThresholdThenEveryHalfThreshold() {
        let rule = LeechRule()
        #expect([7, 8, 9, 11, 12, 16].map(rule.isLeech(afterLapses:)) == [false, true, false, false, true, true])
    }

    @Test func cramLeavesTheScheduleAloneAndRequeuesAgain() {
        let card = F.reviewCard("r", due: F.now.addingTimeInterval(30 * 86_400))
        var s = F.session(["r", "n"], progress: [card], mode: .cram)
        #expect(s.remaining.cram == 2)  // not due and new alike
        let record = s.answer("r", rating: .again, at: F.now)
        #expect(record.kind == .cram)
        #expect(record.after == nil)
        #expect(record.before == card)
        s.commit(record, logID: 3)
        #expect(s.progress(of: "r") == card)
        #expect(s.lastAction?.progress == .unchanged)
        #expect(s.nextCard(at: F.now)?.id == "n")
        s.rateNext(.good, at: F.now)
        #expect(s.nextCard(at: F.now)?.id == "r")
        s.rateNext(.good, at: F.now)
        #expect(s.nextCard(at: F.now) == nil)
        #expect(s.progress(of: "n") == CardProgress(cardID: "n"))
    }
}
