import Foundation
import Testing
@testable import Study

/// Each FSRS-6 formula against values printed by the reference implementation (fsrs 6.3.2)
/// for the same inputs with the default weights.
@Suite struct MemoryModelTests {
    let model = MemoryModel(weights: SchedulerParameters.defaultWeights)
    let ratings = Rating.allCases

    private func expectClose(_ got: [Double], _ want: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(got.count == want.count, sourceLocation: sourceLocation)
        for (g, w) in zip(got, want) {
            #expect(isClose(g, w, relative: 1e-12), "\(g) vs \(w)", sourceLocation: sourceLocation)
        }
    }

    @Test func factorGivesNinetyPercentAfterOneStability() {
        for s in [0.5, 3.0, 40.0] {
            #expect(isClose(model.retrievability(elapsedDays: s, stability: s), 0.9, relative: 1e-12))
        }
        #expect(model.retrievability(elapsedDays: 0, stability: 2) == 1)
    }

    @Test func initialStabilityIsTheFirstFourWeights() {
        expectClose(ratings.map { model.initialStability($0) }, [0.212, 1.2931, 2.3065, 8.2956])
    }

    @Test func initialDifficultyIsClampedToOneAtEasy() {
        expectClose(ratings.map { model.initialDifficulty($0) }, [6.4133, 5.112170705601056, 2.118103970459016, 1.0])
        #expect(isClose(model.initialDifficulty(.easy, clamped: false), -4.771630703161737, relative: 1e-12))
    }

    @Test func nextDifficultyDampsNearTenAndRevertsToTheMean() {
        expectClose(ratings.map { model.nextDifficulty(5, rating: $0) },
                    [8.341762369296838, 6.665995369296838, 4.9902283692968386, 3.3144613692968385])
        expectClose(ratings.map { model.nextDifficulty(9.99, rating: $0) },
                    [9.981941437296838, 9.978589903296838, 9.975238369296838, 9.971886835296838])
    }

    @Test func shortTermStabilityNeverFallsOnAPass() {
        expectClose(ratings.map { model.shortTermStability(2, rating: $0) },
                    [0.6784219062855583, 2.0, 2.007748803366632, 3.453934776504667])
        expectClose(ratings.map { model.shortTermStability(50, rating: $0) },
                    [13.72320082911397, 50.0, 50.0, 69.86661272208896])
    }

    @Test func nextStabilityAfterRecallAndLapse() {
        expectClose(ratings.map { model.nextStability(10, difficulty: 5, retrievability: 0.9, rating: $0) },
                    [1.3919869729546932, 23.246875110466814, 32.02672948198672, 51.253861646812936])
        expectClose(ratings.map { model.nextStability(3, difficulty: 8, retrievability: 0.6, rating: $0) },
                    [1.1101065198148896, 13.988777012624029, 21.27199370240111, 37.221617005227046])
    }

    @Test func lapseStabilityIsCappedByTheShortTermCeiling() {
        let s = model.stabilityAfterLapse(0.5, difficulty: 2, retrievability: 0.2)
        #expect(isClose(s, 0.4758639996671754, relative: 1e-12))
        #expect(s < 0.5)
    }

    @Test func stabilityNeverDropsBelowTheMinimum() {
        var s = 0.01
        for _ in 0..<20 { s = model.shortTermStability(s, rating: .again) }
        #expect(s == MemoryModel.minimumStability)
    }

    @Test func intervalRoundsHalfToEvenAndClamps() {
        let got = [0.1, 1.49, 2.5, 3.5, 10, 1e6].map { model.interval(stability: $0, retention: 0.9, maximum: 36500) }
        #expect(got == [1, 1, 2, 4, 10, 36500])
        #expect([1.0, 10, 100].map { model.interval(stability: $0, retention: 0.8, maximum: 36500) } == [3, 33, 332])
        #expect([1.0, 10, 100].map { model.interval(stability: $0, retention: 0.95, maximum: 36500) } == [1, 4, 40])
        #expect(model.interval(stability: 500, retention: 0.9, maximum: 30) == 30)
    }
}
