import Foundation
import Testing
@testable import Study

@Suite struct IntervalLabelTests {
    @Test(arguments: [
        (0.0, "0s"), (-3, "0s"), (45, "45s"), (59.4, "59s"), (59.6, "1m"), (60, "1m"), (330, "6m"),
        (600, "10m"), (3570, "1h"), (5 * 3600, "5h"), (23.6 * 3600, "1d"), (4 * 86400, "4d"),
        (29 * 86400, "29d"), (30 * 86400, "1mo"), (96 * 86400, "3.2mo"), (45 * 86400, "1.5mo"),
        (400 * 86400, "1.1y"), (365 * 86400, "1y"), (36500 * 86400, "100y"),
    ] as [(Double, String)])
    func labels(_ seconds: Double, _ label: String) {
        #expect(IntervalLabel.text(for: seconds) == label)
    }

    @Test func labelsTheDefaultButtonsForANewCard() {
        let now = Date(timeIntervalSince1970: 1_735_689_600)
        let preview = Scheduler(parameters: SchedulerParameters(enableFuzz: false)).preview(nil, at: now)
        let labels = Rating.allCases.map { IntervalLabel.text(until: preview[$0]!, from: now) }
        #expect(labels == ["1m", "6m", "10m", "8d"])
    }
}
