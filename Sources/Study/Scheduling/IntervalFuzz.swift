/// Spreads review intervals a little so cards learnt on the same day do not stay in lockstep.
///
/// The spread grows with the interval: ±1 day plus 15 % of the part between 2.5 and 7 days,
/// 10 % of the part between 7 and 20, and 5 % beyond 20 (the ranges used by FSRS).
enum IntervalFuzz {
    private static let bands: [(start: Double, end: Double, share: Double)] = [
        (2.5, 7, 0.15), (7, 20, 0.10), (20, .infinity, 0.05),
    ]

    /// The days an interval of `days` may become; intervals under 2.5 days are never moved.
    static func range(for days: Int, maximum: Int) -> ClosedRange<Int> {
        guard Double(days) >= 2.5 else { return days...days }
        var spread = 1.0
        for band in bands {
            spread += band.share * max(min(Double(days), band.end) - band.start, 0)
        }
        let upper = min(Int((Double(days) + spread).rounded(.toNearestOrEven)), maximum)
        let lower = min(max(2, Int((Double(days) - spread).rounded(.toNearestOrEven))), upper)
        return lower...upper
    }

    /// An interval drawn uniformly from `range(for:maximum:)`.
    static func apply(to days: Int, maximum: Int, using rng: inout some RandomNumberGenerator) -> Int {
        let r = range(for: days, maximum: maximum)
        return r.count == 1 ? r.lowerBound : Int.random(in: r, using: &rng)
    }
}
