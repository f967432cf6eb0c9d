/// The user's study preferences, stored in the database's settings table.
public struct StudySettings: Equatable, Sendable {
    /// New cards a day may introduce (all sessions of the day together).
    public var newCardsPerDay: Int
    /// Review cards a day may show (learning steps are not limited).
    public var reviewsPerDay: Int
    /// Whether quiz answers also rate the card for the scheduler.
    public var quizAffectsSchedule: Bool
    /// The recall probability FSRS aims for when it picks intervals.
    public var desiredRetention: Double
    /// The hour (local time) at which a new study day begins.
    public var dayStartHour: Int
    /// Lapses that make a card a leech.
    public var leechThreshold: Int
    /// When nothing else is left, learning cards due within this many minutes are shown early.
    public var learnAheadMinutes: Int

    public init(
        newCardsPerDay: Int = 20, reviewsPerDay: Int = 200, quizAffectsSchedule: Bool = false,
        desiredRetention: Double = 0.9, dayStartHour: Int = 4, leechThreshold: Int = 8,
        learnAheadMinutes: Int = 20
    ) {
        self.newCardsPerDay = newCardsPerDay
        self.reviewsPerDay = reviewsPerDay
        self.quizAffectsSchedule = quizAffectsSchedule
        self.desiredRetention = desiredRetention
        self.dayStartHour = dayStartHour
        self.leechThreshold = leechThreshold
        self.learnAheadMinutes = learnAheadMinutes
    }

    /// Anki-like defaults: 20 new and 200 reviews a day, 90% retention, day starts at 4 am.
    public static let `default` = StudySettings()
}

/// What the user already did in the current study day, so limits hold across sessions.
public struct DailyCounts: Equatable, Sendable {
    /// Cards rated for the first time today.
    public var newCards: Int
    /// Ratings of cards that were in the review phase.
    public var reviews: Int

    public init(newCards: Int = 0, reviews: Int = 0) {
        self.newCards = newCards
        self.reviews = reviews
    }
}
