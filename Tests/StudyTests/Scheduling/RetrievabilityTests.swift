import Foundation
import Testing
@testable import Study

@Suite struct RetrievabilityTests {
    let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzz: false))
    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01T00:00:00Z

    private func card(stability: Double) -> CardState {
        CardState(phase: .review, step: nil, stability: stability, difficulty: 5, due: start, lastReview: start)
    }

    @Test func matchesTheReferenceCountingWholeDays() {
        let c = card(stability: 10)
        let at: [TimeInterval] = [23 * 3600, 86400, 10 * 86400, 100 * 86400, 365 * 86400 + 5 * 3600]
        let want = [1.0, 0.9856824087775146, 0.9, 0.6928266345726217, 0.5735586746235102]
        for (t, w) in zip(at, want) {
            #expect(isClose(scheduler.retrievability(of: c, at: start.addingTimeInterval(t)), w, relative: 1e-12))
        }
    }

    @Test func decreasesAsTimePasses() {
        for s in [0.001, 0.3, 2.3065, 40, 5000] {
            let c = card(stability: s)
            var previous = 1.0
            for day in 1...400 {
                let r = scheduler.retrievability(of: c, at: start.addingTimeInterval(Double(day) * 86400))
                #expect(r < previous, "S=\(s) day \(day): \(r) !< \(previous)")
                #expect(r > 0)
                previous = r
            }
        }
    }

    @Test func isOneBeforeTheFirstDayAndForEarlierTimes() {
        let c = card(stability: 3)
        #expect(scheduler.retrievability(of: c, at: start.addingTimeInterval(86399)) == 1)
        #expect(scheduler.retrievability(of: c, at: start.addingTimeInterval(-5 * 86400)) == 1)
    }

    @Test func higherStabilityMeansSlowerForgetting() {
        let later = start.addingTimeInterval(30 * 86400)
        let rs = [1.0, 5, 30, 300].map { scheduler.retrievability(of: card(stability: $0), at: later) }
        #expect(rs == rs.sorted())
        #expect(isClose(rs[2], 0.9, relative: 1e-12))
    }
}
