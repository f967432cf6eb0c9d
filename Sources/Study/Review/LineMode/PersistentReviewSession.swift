import Foundation

/// A review session whose every action is saved before it takes effect, as the store
/// provides it (`Store.RecordedReviewSession`). Line mode drives a session through this, so
/// Study decides what to show and say without knowing how, or where, ratings are kept.
public protocol PersistentReviewSession {
    /// The session as it stands after the last saved action.
    var session: ReviewSession { get }
    /// The study calendar the session's "today" and "tomorrow" follow.
    var calendar: StudyCalendar { get }
    /// Rates `id`, saves it, then advances the session; returns what was saved.
    mutating func rate(_ id: String, _ rating: Rating, at now: Date, durationMilliseconds: Int?) throws -> ReviewRecord
    /// Buries `id` until the next study day, saved first.
    mutating func bury(_ id: String, at now: Date) throws
    /// Suspends `id`, saved first.
    mutating func suspend(_ id: String) throws
    /// Undoes the last action, saved first; returns it, or nil if there was none.
    mutating func undo() throws -> UndoStep?
}
