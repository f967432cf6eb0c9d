import Foundation

/// FSRS-6 spaced-repetition scheduling as a pure function: a card's state, a rating and the
/// time of the rating give the card's next state. No clock, no storage.
///
/// With fuzz off it reproduces the reference implementation (PyPI `fsrs` 6.3) exactly on
/// phase, step, due and, to rounding, on stability and difficulty.
public struct Scheduler: Sendable {
    /// The weights, retention, steps and limits in use.
    public let parameters: SchedulerParameters
    let model: MemoryModel

    private static let secondsPerDay: TimeInterval = 86_400

    /// A scheduler with `parameters` (which must hold 21 weights).
    public init(parameters: SchedulerParameters = .default) {
        self.parameters = parameters
        model = MemoryModel(weights: parameters.weights)
    }

    /// The state after rating a card (`nil` = never reviewed) at `time`, fuzzing review
    /// intervals with `rng` when fuzz is on.
    public func review(_ state: CardState?, rating: Rating, at time: Date, rng: inout some RandomNumberGenerator) -> CardState {
        let (stability, difficulty) = updatedMemory(state, rating: rating, at: time)
        var next = nextStep(after: state, rating: rating, stability: stability)
        if next.phase == .review, parameters.enableFuzz, case .days(let days) = next.wait {
            next.wait = .days(IntervalFuzz.apply(to: days, maximum: parameters.maximumInterval, using: &rng))
        }
        return CardState(
            phase: next.phase, step: next.step, stability: stability, difficulty: difficulty,
            due: time.addingTimeInterval(next.wait.seconds), lastReview: time)
    }

    /// The state after rating card `cardID` at `time`; fuzz draws come from a generator seeded
    /// by the card's id, its state and the time, so the same review always gives the same
    /// result and cards rated at the same instant (a batch, a test) still spread apart.
    public func review(_ state: CardState?, rating: Rating, at time: Date, cardID: String = "") -> CardState {
        var rng = Self.generator(for: state, at: time, cardID: cardID)
        return review(state, rating: rating, at: time, rng: &rng)
    }

    /// The probability of recalling the card at `time`, counting whole days since the last review.
    public func retrievability(of state: CardState, at time: Date) -> Double {
        model.retrievability(elapsedDays: Self.elapsedDays(from: state.lastReview, to: time), stability: state.stability)
    }

    /// The state each rating would lead to, for labelling the rating buttons; each entry equals
    /// `review(state, rating:at:cardID:)` for that rating.
    public func preview(_ state: CardState?, at time: Date, cardID: String = "") -> [Rating: CardState] {
        var states: [Rating: CardState] = [:]
        for rating in Rating.allCases {
            states[rating] = review(state, rating: rating, at: time, cardID: cardID)
        }
        return states
    }

    // MARK: - Memory

    /// Stability and difficulty after the rating. Reviews less than a whole day apart use the
    /// short-term formula, since the day-scale forgetting curve barely moves within a day.
    private func updatedMemory(_ state: CardState?, rating: Rating, at time: Date) -> (Double, Double) {
        guard let state else {
            return (model.initialStability(rating), model.initialDifficulty(rating))
        }
        let difficulty = model.nextDifficulty(state.difficulty, rating: rating)
        let days = Self.elapsedDays(from: state.lastReview, to: time)
        if days < 1 {
            return (model.shortTermStability(state.stability, rating: rating), difficulty)
        }
        let r = model.retrievability(elapsedDays: days, stability: state.stability)
        return (model.nextStability(state.stability, difficulty: state.difficulty, retrievability: r, rating: rating), difficulty)
    }

    /// Whole days between two times, rounded down (so a review 23 hours later counts as 0).
    static func elapsedDays(from start: Date, to end: Date) -> Double {
        (end.timeIntervalSince(start) / secondsPerDay).rounded(.down)
    }

    // MARK: - Steps and intervals

    enum Wait: Equatable {
        case seconds(TimeInterval)
        case days(Int)

        var seconds: TimeInterval {
            switch self {
            case .seconds(let s): s
            case .days(let d): TimeInterval(d) * Scheduler.secondsPerDay
            }
        }
    }

    struct Step: Equatable {
        var phase: CardPhase
        var step: Int?
        var wait: Wait
    }

    private func nextStep(after state: CardState?, rating: Rating, stability: Double) -> Step {
        let graduate = Step(phase: .review, step: nil, wait: .days(interval(for: stability)))
        switch state?.phase ?? .learning {
        case .learning:
            return walk(parameters.learningSteps, from: state?.step ?? 0, phase: .learning, rating: rating, graduate: graduate)
        case .relearning:
            return walk(parameters.relearningSteps, from: state?.step ?? 0, phase: .relearning, rating: rating, graduate: graduate)
        case .review:
            guard rating == .again, let first = parameters.relearningSteps.first else { return graduate }
            return Step(phase: .relearning, step: 0, wait: .seconds(first))
        }
    }

    /// Moves along short steps: Again restarts, Hard repeats the step (between the first two
    /// steps when on the first), Good advances or graduates after the last, Easy graduates.
    /// A step beyond the list (the steps were shortened since) graduates on any pass.
    private func walk(_ steps: [TimeInterval], from step: Int, phase: CardPhase, rating: Rating, graduate: Step) -> Step {
        let step = max(step, 0)
        if steps.isEmpty || (step >= steps.count && rating != .again) { return graduate }
        switch rating {
        case .again:
            return Step(phase: phase, step: 0, wait: .seconds(steps[0]))
        case .hard:
            let wait: TimeInterval = step > 0 ? steps[step] : steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2
            return Step(phase: phase, step: step, wait: .seconds(wait))
        case .good:
            guard step + 1 < steps.count else { return graduate }
            return Step(phase: phase, step: step + 1, wait: .seconds(steps[step + 1]))
        case .easy:
            return graduate
        }
    }

    /// The unfuzzed review interval in days for `stability`.
    func interval(for stability: Double) -> Int {
        model.interval(stability: stability, retention: parameters.desiredRetention, maximum: parameters.maximumInterval)
    }

    /// The range a fuzzed interval of `days` is drawn from.
    func fuzzRange(for days: Int) -> ClosedRange<Int> {
        IntervalFuzz.range(for: days, maximum: parameters.maximumInterval)
    }

    /// The fuzz generator for one review: the time, the card id (its UTF-8 bytes eight at a
    /// time; an empty id mixes nothing) and the state before the review.
    private static func generator(for state: CardState?, at time: Date, cardID: String) -> SplitMix64 {
        var g = SplitMix64(seed: 0x6473_6A6F_6673_7273)
        g.mix(time.timeIntervalSinceReferenceDate.bitPattern)
        var word: UInt64 = 0, filled = 0
        for byte in cardID.utf8 {
            word = word << 8 | UInt64(byte)
            filled += 1
            if filled == 8 { g.mix(word); word = 0; filled = 0 }
        }
        if filled > 0 { g.mix(word) }
        // The length too: a short last word is zero-padded on the left, so "a" and "\0a" would agree.
        if !cardID.isEmpty { g.mix(UInt64(cardID.utf8.count)) }
        if let state {
            g.mix(state.lastReview.timeIntervalSinceReferenceDate.bitPattern)
            g.mix(state.stability.bitPattern)
            g.mix(state.difficulty.bitPattern)
        }
        return g
    }
}
