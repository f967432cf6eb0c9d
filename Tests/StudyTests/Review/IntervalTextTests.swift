import Foundation
import Testing
@testable import Study

@Suite struct IntervalTextTests {
    @Test(arguments: [
        (0.0, "1m"), (-3, "1m"), (20, "1m"), (59.6, "1m"), (60, "1m"), (330, "6m"),
        (600, "10m"), (3570, "1h"), (5 * 3600, "5h"), (23.6 * 3600, "1d"), (3 * 86400, "3d"),
        (29 * 86400, "29d"), (29.7 * 86400, "1mo"), (30 * 86400, "1mo"), (96 * 86400, "3.2mo"),
        (45 * 86400, "1.5mo"), (400 * 86400, "1.1y"), (365 * 86400, "1y"), (730 * 86400, "2y"),
        (36500 * 86400, "100y"),
    ] as [(Double, String)])
    func picksAReadableUnit(_ seconds: Double, _ text: String) {
        #expect(IntervalText.describe(seconds: seconds) == text)
    }

    @Test func labelsTheDefaultButtonsForANewCard() {
        let now = Date(timeIntervalSince1970: 1_735_689_600)
        let preview = Scheduler(parameters: SchedulerParameters(enableFuzz: false)).preview(nil, at: now)
        let labels = Rating.allCases.map { IntervalText.describe(from: now, to: preview[$0]!.due) }
        #expect(labels == ["1m", "6m", "10m", "8d"])
    }
}
