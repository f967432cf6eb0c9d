import Foundation

/// The scheduling state of a card that has been reviewed at least once.
///
/// A card never reviewed has no state (`nil` wherever a `CardState?` is taken).
public struct CardState: Sendable, Codable, Equatable {
    /// Learning, review or relearning.
    public var phase: CardPhase
    /// Index into the learning or relearning steps; `nil` in the review phase.
    public var step: Int?
    /// Days until recall probability falls to 90 %; at least 0.001.
    public var stability: Double
    /// How hard the card is for this learner, from 1 (easy) to 10 (hard).
    public var difficulty: Double
    /// When the card should next be shown.
    public var due: Date
    /// When the card was last rated.
    public var lastReview: Date

    /// A state with every field given.
    public init(phase: CardPhase, step: Int?, stability: Double, difficulty: Double, due: Date, lastReview: Date) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }
}
