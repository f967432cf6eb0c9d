import Foundation

/// Where a review-log row came from: a review session rating that moved the schedule
/// (`review`), cram practice that left it alone (`cram`), or a quiz answer that moved it
/// because the learner turned on quiz-affects-schedule (`quiz`). Daily limits and true
/// retention count only `review`.
public enum ReviewKind: String, Codable, Sendable, CaseIterable {
    case review, cram, quiz
}

/// A card as a session sees it: only its id and topic, so sessions do not depend on content.
public struct ReviewCandidate: Hashable, Sendable {
    public var id: String
    public var topic: String

    public init(id: String, topic: String) {
        self.id = id
        self.topic = topic
    }
}

/// One rating, ready to be written: the review-log row and the card's new progress. The
/// store writes both in one transaction before the session shows the next card.
public struct ReviewRecord: Equatable, Sendable {
    public var cardID: String
    public var kind: ReviewKind
    public var rating: Rating
    public var reviewedAt: Date
    public var durationMilliseconds: Int?
    /// The stored progress before the rating; nil when the card had none (never touched).
    public var before: CardProgress?
    /// The progress after the rating; nil for cram, which leaves the schedule untouched.
    public var after: CardProgress?

    public init(
        cardID: String, kind: ReviewKind, rating: Rating, reviewedAt: Date,
        durationMilliseconds: Int? = nil, before: CardProgress?, after: CardProgress?
    ) {
        self.cardID = cardID
        self.kind = kind
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.durationMilliseconds = durationMilliseconds
        self.before = before
        self.after = after
    }

    /// Whether this rating turned the card into a leech and suspended it. A card unsuspended
    /// after an earlier leech keeps its flag; reaching the rule again suspends and counts anew.
    public var madeLeech: Bool {
        guard let after, after.isLeech, after.isSuspended else { return false }
        return before?.isSuspended != true && after.lapses > (before?.lapses ?? 0)
    }
}

/// A change to a card's progress that is not a rating (bury, suspend, unsuspend).
public struct ProgressChange: Equatable, Sendable {
    public var before: CardProgress?
    public var after: CardProgress

    public init(before: CardProgress?, after: CardProgress) {
        self.before = before
        self.after = after
    }
}
