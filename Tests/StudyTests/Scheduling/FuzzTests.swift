import Foundation
import Testing
@testable import Study

@Suite struct FuzzTests {
    let fuzzed = Scheduler()
    let plain = Scheduler(parameters: SchedulerParameters(enableFuzz: false))
    let now = Date(timeIntervalSince1970: 1_735_689_600)

    /// The ranges match the bounds the reference implementation draws from (fixture "fuzz" table).
    @Test func rangesMatchTheReference() {
        let table = ReferenceFixture.shared.fuzz
        #expect(table.count > 20)
        let wide = Scheduler(parameters: SchedulerParameters(maximumInterval: 1_000_000))
        for row in table {
            #expect(wide.fuzzRange(for: row.interval) == row.min...row.max, "interval \(row.interval)")
        }
    }

    @Test func drawsStayInRangeAndReachBothEnds() {
        var rng = SplitMix64(seed: 7)
        for days in [3, 4, 8, 21, 100, 365, 36500] {
            let range = fuzzed.fuzzRange(for: days)
            var seen = Set<Int>()
            for _ in 0..<2000 {
                let d = IntervalFuzz.apply(to: days, maximum: 36500, using: &rng)
                #expect(range.contains(d), "\(days) → \(d) outside \(range)")
                seen.insert(d)
            }
            #expect(seen.contains(range.lowerBound) && seen.contains(range.upperBound), "\(days): \(seen.sorted())")
        }
    }

    @Test func fuzzRespectsTheMaximumInterval() {
        #expect(fuzzed.fuzzRange(for: 36500).upperBound == 36500)
        let short = Scheduler(parameters: SchedulerParameters(maximumInterval: 30))
        #expect(short.fuzzRange(for: 30) == 27...30)
    }

    @Test func shortIntervalsAreNotFuzzed() {
        #expect(fuzzed.fuzzRange(for: 1) == 1...1)
        #expect(fuzzed.fuzzRange(for: 2) == 2...2)
    }

    /// An Easy on a new card graduates with S = 8.2956, an 8-day interval, fuzzed within 6…10.
    @Test func fuzzedReviewsVaryWithinTheRangeOfTheUnfuzzedInterval() {
        let base = plain.review(nil, rating: .easy, at: now)
        let baseDays = Int(base.due.timeIntervalSince(now) / 86400)
        #expect(baseDays == 8)
        var rng = SplitMix64(seed: 42)
        var days = Set<Int>()
        for _ in 0..<300 {
            let s = fuzzed.review(nil, rating: .easy, at: now, rng: &rng)
            #expect(s.stability == base.stability && s.difficulty == base.difficulty && s.phase == .review)
            let d = s.due.timeIntervalSince(now) / 86400
            #expect(d == d.rounded())
            days.insert(Int(d))
        }
        #expect(days == Set(6...10))
    }

    @Test func learningStepsAreNeverFuzzed() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<50 {
            #expect(fuzzed.review(nil, rating: .good, at: now, rng: &rng).due == now.addingTimeInterval(600))
        }
    }

    @Test func theSameSeedGivesTheSameSchedule() {
        var a = SplitMix64(seed: 99), b = SplitMix64(seed: 99)
        let card = plain.review(plain.review(nil, rating: .easy, at: now), rating: .good, at: now.addingTimeInterval(9 * 86400))
        let later = now.addingTimeInterval(60 * 86400)
        for _ in 0..<20 {
            #expect(fuzzed.review(card, rating: .good, at: later, rng: &a) == fuzzed.review(card, rating: .good, at: later, rng: &b))
        }
    }

    @Test func reviewWithoutAGeneratorIsRepeatableAndVariesAcrossTimes() {
        let dues = (0..<40).map { i -> TimeInterval in
            let t = now.addingTimeInterval(Double(i) * 3600)
            let first = fuzzed.review(nil, rating: .easy, at: t)
            #expect(first == fuzzed.review(nil, rating: .easy, at: t))
            return first.due.timeIntervalSince(t)
        }
        #expect(Set(dues).count > 2)
    }

    /// Cards learnt together (same state, same instant) must still spread apart.
    @Test func cardsRatedAtTheSameInstantGetTheirOwnFuzz() {
        let card = plain.review(plain.review(nil, rating: .easy, at: now), rating: .good, at: now.addingTimeInterval(9 * 86400))
        let later = now.addingTimeInterval(60 * 86400)
        let ids = (0..<40).map { "card-\($0)" }
        let dues = ids.map { fuzzed.review(card, rating: .good, at: later, cardID: $0).due }
        #expect(Set(dues).count > 5, "\(Set(dues).count) distinct dues for 40 cards")
        // Each card's own draw is still repeatable, and the preview agrees with it.
        for id in ids.prefix(5) {
            #expect(fuzzed.review(card, rating: .good, at: later, cardID: id) == fuzzed.review(card, rating: .good, at: later, cardID: id))
            #expect(fuzzed.preview(card, at: later, cardID: id)[.good] == fuzzed.review(card, rating: .good, at: later, cardID: id))
        }
        // Ids differing only in length or a leading zero byte do not share a seed by construction.
        let a = (0..<40).map { fuzzed.review(card, rating: .good, at: later.addingTimeInterval(Double($0)), cardID: "a").due }
        let b = (0..<40).map { fuzzed.review(card, rating: .good, at: later.addingTimeInterval(Double($0)), cardID: "\u{0}a").due }
        #expect(a != b)
    }
}
