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

    /// An empty batch: every card id starts as a new card.
    public init(scheduler: Scheduler) {
        self.scheduler = scheduler
    }

    /// Applies input line number `number` and returns the output line, or `nil` for a blank line.
    ///
    /// The output is `{"card","state","step","stability","difficulty","due","retrievability"}`,
    /// where retrievability is that of the new state at the review time, as the reference
    /// reports it (whole days elapsed, so it is 1 just after any review).
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
        let next = scheduler.review(previous, rating: review.rating, at: review.time)
        cards[review.card] = next
        return Self.format(card: review.card, state: next, retrievability: scheduler.retrievability(of: next, at: review.time))
    }

    /// One output line, keys in a fixed order.
    static func format(card: String, state: CardState, retrievability: Double) -> String {
        let step = state.step.map(String.init) ?? "null"
        return "{\"card\":\(JSONText.string(card)),\"state\":\"\(state.phase.rawValue)\",\"step\":\(step),"
            + "\"stability\":\(JSONText.number(state.stability)),\"difficulty\":\(JSONText.number(state.difficulty)),"
            + "\"due\":\"\(JSONText.timestamp(state.due))\",\"retrievability\":\(JSONText.number(retrievability))}"
    }
}
