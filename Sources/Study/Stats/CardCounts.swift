import Foundation

/// How many cards of the content are in each state.
public struct CardCounts: Equatable, Sendable, Encodable {
    public var new = 0
    public var learning = 0
    public var review = 0
    public var relearning = 0
    /// Suspended cards, whatever their phase (not counted in the phases above).
    public var suspended = 0
    /// Cards hidden by a bury until tomorrow (also counted in their phase).
    public var buried = 0
    /// Cards flagged as leeches, suspended or not (also counted above).
    public var leeches = 0
    /// Stored progress for ids no longer in the content; kept, never deleted.
    public var removedFromContent = 0

    enum CodingKeys: String, CodingKey {
        case new, learning, review, relearning, suspended, buried, leeches, removedFromContent = "removed_from_content"
    }

    public init() {}

    /// Counts `cards` (the content) by their stored progress at `now`.
    public static func compute(cards: [ReviewCandidate], progress: [String: CardProgress], at now: Date) -> CardCounts {
        var counts = CardCounts()
        var known = Set<String>()
        for card in cards where known.insert(card.id).inserted {
            let p = progress[card.id]
            if p?.isLeech == true { counts.leeches += 1 }
            if p?.isSuspended == true { counts.suspended += 1; continue }
            if p?.isBuried(at: now) == true { counts.buried += 1 }
            switch p?.schedule?.phase {
            case nil: counts.new += 1
            case .learning?: counts.learning += 1
            case .review?: counts.review += 1
            case .relearning?: counts.relearning += 1
            }
        }
        counts.removedFromContent = progress.keys.filter { !known.contains($0) }.count
        return counts
    }
}
