import Foundation

/// A failed `dojo schedule` input line: which line, and what is wrong with it.
public struct ScheduleLineError: Error, Equatable, CustomStringConvertible {
    /// The 1-based line number in the input.
    public let line: Int
    /// What is wrong with the line.
    public let problem: ReviewLineProblem

    /// "line N: problem", as printed on stderr.
    public var description: String { "line \(line): \(problem)" }
}

/// Replays JSON-lines reviews for many cards, one line in, one line out, tracking each card's
/// state by id. This is the pure core of `dojo schedule`; it never touches a database.
public struct ScheduleBatch: Sendable {
    /// The scheduler applied to every review.
    public let scheduler: Scheduler
    /// Each card's state after its latest review, by id.
    public private(set) var cards: [String: CardState] = [:]
    /// With `--retrievability-before`: each line also gives `retrievability_before`, the
    /// recall probability the card had just before the review (null for a new card).
    public var reportsRetrievabilityBefore: Bool
    /// With `--at TIME`: each line also gives `retrievability_at`, the new state's recall
    /// probability at that moment (null when it is before the review).
    public var retrievabilityTime: Date?

    /// An empty batch: every card id starts as a new card.
    public init(scheduler: Scheduler, reportsRetrievabilityBefore: Bool = false, retrievabilityTime: Date? = nil) {
        self.scheduler = scheduler
        self.reportsRetrievabilityBefore = reportsRetrievabilityBefore
        self.retrievabilityTime = retrievabilityTime
    }

    /// Applies input line number `number` and returns the output line, or `nil` for a blank line.
    ///
    /// The output is `{"card","state","step","stability","difficulty","due","retrievability"}`,
    /// where retrievability is that of the new state at the review time, as the reference
    /// reports it (whole days elapsed, so it is 1 just after any review); then
    /// `retrievability_before` and `retrievability_at` when asked for.
    public mutating func process(_ line: String, number: Int) throws(ScheduleLineError) -> String? {
        let review: ReviewLine
        do {
            guard let parsed = try ReviewLine.parse(line) else { return nil }
            review = parsed
        } catch {
            throw ScheduleLineError(line: number, problem: error)
        }
        let previous = cards[review.card]
        if let previous, review.time < previous.lastReview {
            throw ScheduleLineError(line: number, problem: .timeWentBackwards(
                card: review.card, previous: JSONText.timestamp(previous.lastReview), time: JSONText.timestamp(review.time)))
        }
        let next = scheduler.review(previous, rating: review.rating, at: review.time, cardID: review.card)
        cards[review.card] = next
        var extra: [(String, Double?)] = []
        if reportsRetrievabilityBefore {
            extra.append(("retrievability_before", previous.map { scheduler.retrievability(of: $0, at: review.time) }))
        }
        if let at = retrievabilityTime {
            extra.append(("retrievability_at", at < next.lastReview ? nil : scheduler.retrievability(of: next, at: at)))
        }
        return Self.format(card: review.card, state: next, retrievability: scheduler.retrievability(of: next, at: review.time), extra: extra)
    }

    /// One output line, keys in a fixed order; `extra` keys follow in the order given.
    static func format(card: String, state: CardState, retrievability: Double, extra: [(String, Double?)] = []) -> String {
        let step = state.step.map(String.init) ?? "null"
        let tail = extra.map { key, value in ",\(JSONText.string(key)):\(value.map(JSONText.number) ?? "null")" }.joined()
        return "{\"card\":\(JSONText.string(card)),\"state\":\"\(state.phase.rawValue)\",\"step\":\(step),"
            + "\"stability\":\(JSONText.number(state.stability)),\"difficulty\":\(JSONText.number(state.difficulty)),"
            + "\"due\":\"\(JSONText.timestamp(state.due))\",\"retrievability\":\(JSONText.number(retrievability))\(tail)}"
    }
}
