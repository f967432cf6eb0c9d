import Foundation

/// How a final quiz answer rates its card once the learner turned quiz-affects-schedule on:
/// right (the grader's verdict or "I was right") counts as Good, wrong as Again, through the
/// same scheduler and leech rule as a review session. Pure: the store saves the record in the
/// transaction that stores the answer.
public struct QuizScheduling: Sendable {
    /// FSRS with the learner's desired retention.
    public let scheduler: Scheduler
    /// When a lapse from a quiz answer makes the card a leech.
    public let leechRule: LeechRule

    /// Rating with the user's retention and leech threshold.
    public init(settings: StudySettings) {
        scheduler = Scheduler(settings: settings)
        leechRule = LeechRule(threshold: settings.leechThreshold)
    }

    /// The scheduling for `settings`, or nil when quizzes must leave the schedule alone (the default).
    public static func enabled(by settings: StudySettings) -> QuizScheduling? {
        settings.quizAffectsSchedule ? QuizScheduling(settings: settings) : nil
    }

    /// The rating a quiz verdict stands for. A quiz cannot tell Hard from Easy, so a right
    /// answer is the neutral Good.
    public static func rating(correct: Bool) -> Rating { correct ? .good : .again }

    /// The review a quiz answer on `cardID` at `date` amounts to, from the card's stored
    /// progress `before` (nil when never touched); logged as kind `quiz`. Nil for a card the
    /// learner suspended (a leech among them) or buried: a quiz must not bring it back into
    /// the schedule behind their back. The answer itself is still stored.
    public func review(cardID: String, correct: Bool, at date: Date, before: CardProgress?) -> ReviewRecord? {
        if let before, !before.isAvailable(at: date) { return nil }
        let rating = Self.rating(correct: correct)
        let after = (before ?? CardProgress(cardID: cardID)).rated(rating, at: date, scheduler: scheduler, leechRule: leechRule)
        return ReviewRecord(cardID: cardID, kind: .quiz, rating: rating, reviewedAt: date, before: before, after: after)
    }
}
