import Foundation

/// One stored row of the review log, as stats and export read it.
public struct ReviewLogEntry: Equatable, Sendable {
    public var id: Int64
    public var cardID: String
    public var kind: ReviewKind
    public var rating: Rating
    public var reviewedAt: Date
    /// The card's phase before the rating; nil when it was new.
    public var phaseBefore: CardPhase?
    /// The interval the card had before the rating (due − last review), in days.
    public var scheduledDaysBefore: Double?
    /// Days since the previous rating; nil for a new card.
    public var elapsedDays: Double?
    public var phaseAfter: CardPhase?
    public var stabilityAfter: Double?
    public var difficultyAfter: Double?
    public var dueAfter: Date?
    public var durationMilliseconds: Int?

    public init(
        id: Int64, cardID: String, kind: ReviewKind, rating: Rating, reviewedAt: Date,
        phaseBefore: CardPhase? = nil, scheduledDaysBefore: Double? = nil, elapsedDays: Double? = nil,
        phaseAfter: CardPhase? = nil, stabilityAfter: Double? = nil, difficultyAfter: Double? = nil,
        dueAfter: Date? = nil, durationMilliseconds: Int? = nil
    ) {
        self.id = id
        self.cardID = cardID
        self.kind = kind
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.phaseBefore = phaseBefore
        self.scheduledDaysBefore = scheduledDaysBefore
        self.elapsedDays = elapsedDays
        self.phaseAfter = phaseAfter
        self.stabilityAfter = stabilityAfter
        self.difficultyAfter = difficultyAfter
        self.dueAfter = dueAfter
        self.durationMilliseconds = durationMilliseconds
    }

    /// The log row a record becomes once the store gives it `id`.
    public init(record: ReviewRecord, id: Int64) {
        let before = record.before?.schedule
        let after = record.after?.schedule
        self.init(
            id: id, cardID: record.cardID, kind: record.kind, rating: record.rating,
            reviewedAt: record.reviewedAt,
            phaseBefore: before?.phase,
            scheduledDaysBefore: before.map { $0.due.timeIntervalSince($0.lastReview) / 86_400 },
            elapsedDays: before.map { record.reviewedAt.timeIntervalSince($0.lastReview) / 86_400 },
            phaseAfter: after?.phase, stabilityAfter: after?.stability,
            difficultyAfter: after?.difficulty, dueAfter: after?.due,
            durationMilliseconds: record.durationMilliseconds)
    }

    /// Whether this rating counts as a pass (anything but Again).
    public var passed: Bool { rating != .again }
}
