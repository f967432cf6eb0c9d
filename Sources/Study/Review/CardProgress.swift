import Foundation

/// Everything the app remembers about one card between sessions, keyed by the card's
/// stable id: its FSRS state (nil while the card is new) and the bookkeeping around it.
public struct CardProgress: Codable, Equatable, Sendable {
    public var cardID: String
    /// The scheduler's state; nil for a card never rated.
    public var schedule: CardState?
    /// Scheduled ratings given so far (cram answers do not count).
    public var reps: Int
    /// Times the card was forgotten after reaching review (Again on a review card).
    public var lapses: Int
    public var isSuspended: Bool
    /// Hidden from sessions until this moment (the start of the next study day).
    public var buriedUntil: Date?
    /// Forgotten too often: tagged and suspended so the user rewrites or drops it.
    public var isLeech: Bool

    public init(
        cardID: String, schedule: CardState? = nil, reps: Int = 0, lapses: Int = 0,
        isSuspended: Bool = false, buriedUntil: Date? = nil, isLeech: Bool = false
    ) {
        self.cardID = cardID
        self.schedule = schedule
        self.reps = reps
        self.lapses = lapses
        self.isSuspended = isSuspended
        self.buriedUntil = buriedUntil
        self.isLeech = isLeech
    }

    /// Whether the card is hidden by a bury at `now`.
    public func isBuried(at now: Date) -> Bool {
        if let until = buriedUntil { return until > now }
        return false
    }

    /// Whether a session at `now` may show the card at all.
    public func isAvailable(at now: Date) -> Bool {
        !isSuspended && !isBuried(at: now)
    }

    /// The progress with the suspension lifted; with `clearingLeech`, the leech flag too (for
    /// a card the learner has rewritten). Schedule and lapses stay: FSRS and the leech rule
    /// go on from them, so a card that keeps being forgotten becomes a leech again.
    public func unsuspended(clearingLeech: Bool = false) -> CardProgress {
        var after = self
        after.isSuspended = false
        if clearingLeech { after.isLeech = false }
        return after
    }
}

/// What counts as a leech: `threshold` lapses (8 by default, like Anki), then again every
/// half threshold after that if the user unsuspends the card and keeps forgetting it.
public struct LeechRule: Sendable, Equatable {
    public var threshold: Int

    public init(threshold: Int = 8) { self.threshold = max(1, threshold) }

    /// Whether reaching `lapses` lapses makes the card a leech now.
    public func isLeech(afterLapses lapses: Int) -> Bool {
        guard lapses >= threshold else { return false }
        return (lapses - threshold) % max(1, threshold / 2) == 0
    }
}
