import Foundation

/// The FSRS-6 equations: how stability and difficulty respond to a rating, and how the
/// probability of recall decays between reviews.
///
/// Formulas follow the FSRS-6 description by Jarrett Ye et al. (open-spaced-repetition);
/// `w` are the 21 weights, `G` the rating 1…4, `S` stability in days, `D` difficulty 1…10.
struct MemoryModel: Sendable {
    static let minimumStability = 0.001
    static let difficultyBounds = 1.0...10.0

    let w: [Double]

    init(weights: [Double]) {
        precondition(weights.count == 21, "FSRS-6 needs 21 weights, got \(weights.count)")
        w = weights
    }

    /// The forgetting-curve exponent, negative; learnt per user in FSRS-6 (w20).
    var decay: Double { -w[20] }

    /// Chosen so that recall is exactly 90 % after `S` days, whatever the decay.
    var factor: Double { pow(0.9, 1 / decay) - 1 }

    /// R(t) = (1 + factor·t/S)^decay, with t in whole days.
    func retrievability(elapsedDays: Double, stability: Double) -> Double {
        pow(1 + factor * max(0, elapsedDays) / stability, decay)
    }

    /// S₀(G) = w[G−1].
    func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    /// D₀(G) = w4 − e^{w5·(G−1)} + 1; the unclamped form is the mean-reversion target.
    func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let d = w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? clampDifficulty(d) : d
    }

    /// Difficulty moves by −w6·(G−3), damped as it nears 10, then is pulled back towards D₀(easy) by w7.
    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let change = -w[6] * Double(rating.rawValue - 3)
        let damped = difficulty + change * (10 - difficulty) / 9
        let reverted = w[7] * initialDifficulty(.easy, clamped: false) + (1 - w[7]) * damped
        return clampDifficulty(reverted)
    }

    /// A review on the same day as the previous one: S·e^{w17·(G−3+w18)}·S^{−w19}.
    /// A pass never lowers stability; a failure may.
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var growth = exp(w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(stability, -w[19])
        if rating != .again { growth = max(growth, 1) }
        return clampStability(stability * growth)
    }

    /// Stability after a review a day or more after the previous one, at recall probability `r`.
    func nextStability(_ stability: Double, difficulty: Double, retrievability r: Double, rating: Rating) -> Double {
        let s = rating == .again
            ? stabilityAfterLapse(stability, difficulty: difficulty, retrievability: r)
            : stabilityAfterRecall(stability, difficulty: difficulty, retrievability: r, rating: rating)
        return clampStability(s)
    }

    /// S' = S·(1 + e^{w8}·(11−D)·S^{−w9}·(e^{w10·(1−R)}−1)·penalty·bonus): harder, more stable
    /// and more recently seen cards gain less.
    func stabilityAfterRecall(_ s: Double, difficulty d: Double, retrievability r: Double, rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return s * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus)
    }

    /// S' = w11·D^{−w12}·((S+1)^{w13}−1)·e^{w14·(1−R)}, never above S/e^{w17·w18} so a lapse
    /// cannot raise stability.
    func stabilityAfterLapse(_ s: Double, difficulty d: Double, retrievability r: Double) -> Double {
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp((1 - r) * w[14])
        let ceiling = s / exp(w[17] * w[18])
        return min(longTerm, ceiling)
    }

    /// Whole days until recall falls to `retention`: solves R(t) = retention for t, rounds half
    /// to even (as the reference does), and keeps the result within 1…`maximum`.
    func interval(stability: Double, retention: Double, maximum: Int) -> Int {
        let days = stability / factor * (pow(retention, 1 / decay) - 1)
        let rounded = Int(days.rounded(.toNearestOrEven))
        return min(max(rounded, 1), maximum)
    }

    private func clampStability(_ s: Double) -> Double { max(s, Self.minimumStability) }

    private func clampDifficulty(_ d: Double) -> Double {
        min(max(d, Self.difficultyBounds.lowerBound), Self.difficultyBounds.upperBound)
    }
}
