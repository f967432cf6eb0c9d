import Foundation
import Study

/// A review session whose every action is saved before it takes effect: `rate` writes the
/// log row and new card state in one transaction, then advances the session. A crash at
/// any moment loses nothing already rated. Both the curses screen and line mode drive this.
public struct RecordedReviewSession: PersistentReviewSession, Sendable {
    public private(set) var session: ReviewSession
    public let database: AppDatabase
    public let calendar: StudyCalendar

    /// Starts a session at `now` over `candidates` (content order, already topic-filtered),
    /// with the stored settings, progress and what earlier sessions did today.
    public init(
        database: AppDatabase, candidates: [ReviewCandidate], mode: ReviewMode = .scheduled,
        newLimit: Int? = nil, timeZone: TimeZone = .current, now: Date
    ) throws {
        let settings = try database.settings()
        let calendar = StudyCalendar(timeZone: timeZone, dayStartHour: settings.dayStartHour)
        self.database = database
        self.calendar = calendar
        session = ReviewSession(
            candidates: candidates, progress: try database.cardProgress(), settings: settings,
            doneToday: try database.dailyCounts(since: calendar.startOfDay(containing: now)),
            newLimit: newLimit, mode: mode, scheduler: Self.scheduler(for: settings),
            calendar: calendar, now: now)
    }

    /// The scheduler with the user's desired retention.
    public static func scheduler(for settings: StudySettings) -> Scheduler {
        Scheduler(settings: settings)
    }

    /// The card to show at `now`, or nil when the session is over.
    public func nextCard(at now: Date) -> ReviewCandidate? { session.nextCard(at: now) }

    /// Rates `id`, saves it, then advances the session. Returns what was saved.
    @discardableResult
    public mutating func rate(_ id: String, _ rating: Rating, at now: Date, durationMilliseconds: Int? = nil) throws -> ReviewRecord {
        let record = session.answer(id, rating: rating, at: now, durationMilliseconds: durationMilliseconds)
        let logID = try database.saveReview(record)
        session.commit(record, logID: logID)
        return record
    }

    /// Buries `id` until the next study day, saved first.
    public mutating func bury(_ id: String, at now: Date) throws {
        let change = session.bury(id, at: now)
        try database.saveCardChange(change)
        session.commit(change)
    }

    /// Suspends `id`, saved first.
    public mutating func suspend(_ id: String) throws {
        let change = session.suspend(id)
        try database.saveCardChange(change)
        session.commit(change)
    }

    /// Undoes the last action in the store and the session; returns it, or nil if there was none.
    @discardableResult
    public mutating func undo() throws -> UndoStep? {
        guard let step = session.lastAction else { return nil }
        try database.undo(step)
        session.commitUndo()
        return step
    }
}
