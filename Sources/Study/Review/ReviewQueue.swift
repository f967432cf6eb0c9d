import Foundation

/// A (re)learning card waiting in a session: when it is due, and the earliest moment it may
/// be shown ahead of that.
struct QueuedStep: Sendable, Equatable {
    var due: Date
    /// Showing the card before this moment would count one whole day fewer since its last
    /// review than at `due`, and FSRS would then use a different formula (same-day instead
    /// of day-scale): a 1-day step must not be pulled into the evening before.
    var earliestAhead: Date

    init(_ state: CardState) {
        due = state.due
        let wholeDays = Scheduler.elapsedDays(from: state.lastReview, to: state.due)
        earliestAhead = state.lastReview.addingTimeInterval(wholeDays * 86_400)
    }

    /// Whether learn-ahead may show the card at `now`, with `learnAhead` seconds of slack.
    func mayShowAhead(at now: Date, learnAhead: TimeInterval) -> Bool {
        due <= now.addingTimeInterval(learnAhead) && now >= earliestAhead
    }
}

/// The cards a session still has to show, and the order rule between them. A value, so an
/// undo can put back the exact queue it had before a rating.
struct ReviewQueue: Sendable, Equatable {
    /// Review cards already due when the session started, most overdue first, cut to the
    /// day's review limit. Never shown early: the interval FSRS gave is whole days.
    var reviews: [String]
    /// New cards in content order, already cut to the day's new limit.
    var newCards: [String]
    /// Cards in (re)learning that come back later today.
    var learning: [String: QueuedStep]
    /// Cram mode: every card of the topic once, again-rated ones re-queued at the end.
    var cram: [String]
    var reviewTotal: Int
    var newTotal: Int
    var reviewsTaken = 0
    var newTaken = 0

    init(reviews: [String], newCards: [String], learning: [String: QueuedStep], cram: [String]) {
        self.reviews = reviews
        self.newCards = newCards
        self.learning = learning
        self.cram = cram
        reviewTotal = reviews.count
        newTotal = newCards.count
    }

    /// The next card at `now`: learning cards that are due, then reviews and new cards
    /// interleaved in proportion (due first on ties), then learning cards due within
    /// `learnAhead` so a session does not end while a step is a few minutes away (only
    /// where showing it early keeps the same whole-day count, see `QueuedStep`).
    func next(at now: Date, learnAhead: TimeInterval) -> String? {
        if let first = cram.first { return first }
        if let id = earliestLearning(where: { $0.due <= now }) { return id }
        if !reviews.isEmpty, !newCards.isEmpty {
            let reviewShare = Double(reviewsTaken) / Double(max(reviewTotal, 1))
            let newShare = Double(newTaken) / Double(max(newTotal, 1))
            return reviewShare <= newShare ? reviews[0] : newCards[0]
        }
        if let id = reviews.first ?? newCards.first { return id }
        return earliestLearning(where: { $0.mayShowAhead(at: now, learnAhead: learnAhead) })
    }

    private func earliestLearning(where allowed: (QueuedStep) -> Bool) -> String? {
        learning.filter { allowed($0.value) }
            .min { ($0.value.due, $0.key) < ($1.value.due, $1.key) }?.key
    }

    /// Takes `id` out of the queue; counts it toward the interleaving if it was a review or new card.
    mutating func remove(_ id: String) {
        if let i = reviews.firstIndex(of: id) { reviews.remove(at: i); reviewsTaken += 1 }
        if let i = newCards.firstIndex(of: id) { newCards.remove(at: i); newTaken += 1 }
        learning[id] = nil
        if let i = cram.firstIndex(of: id) { cram.remove(at: i) }
    }

    /// How many cards are left in each part of the queue.
    var counts: QueueCounts {
        QueueCounts(reviews: reviews.count, newCards: newCards.count, learning: learning.count, cram: cram.count)
    }
}

/// Cards left in a session, by kind, for the header line of a review screen.
public struct QueueCounts: Equatable, Sendable {
    public var reviews: Int
    public var newCards: Int
    public var learning: Int
    public var cram: Int

    /// All cards left.
    public var total: Int { reviews + newCards + learning + cram }
}
