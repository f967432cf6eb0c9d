import Foundation

/// Whether a session moves the schedule or only practises.
public enum ReviewMode: Equatable, Sendable {
    /// Due cards, learning steps and new cards, within the daily limits.
    case scheduled
    /// Every available card of the chosen cards now, without touching the schedule.
    case cram
}

/// A review session as pure logic: which card comes next, what a rating does to it, and how
/// to undo it. It never writes anything itself; each change comes back as a value
/// (`ReviewRecord`, `ProgressChange`, `UndoStep`) for the store to save, and only after the
/// save succeeds does the caller `commit` it. That order makes "rated means saved" hold.
public struct ReviewSession: Sendable {
    public let mode: ReviewMode
    public private(set) var summary = SessionSummary()
    private let candidates: [String: ReviewCandidate]
    /// Stored progress rows, by card id; a missing id is a card never touched.
    private var stored: [String: CardProgress]
    private var queue: ReviewQueue
    private var undoStack: [UndoStep] = []
    private let scheduler: Scheduler
    private let settings: StudySettings
    private let calendar: StudyCalendar
    private let dayEnd: Date

    /// Builds the queue at `now`. `candidates` are the cards in play, in content order
    /// (already filtered by topic); `progress` may hold rows for other ids, which are kept.
    /// `doneToday` is what earlier sessions of the study day did, so limits hold across them;
    /// `newLimit` overrides the settings' daily new-card limit.
    public init(
        candidates: [ReviewCandidate], progress: [String: CardProgress], settings: StudySettings,
        doneToday: DailyCounts, newLimit: Int? = nil, mode: ReviewMode = .scheduled,
        scheduler: Scheduler, calendar: StudyCalendar, now: Date
    ) {
        self.mode = mode
        self.stored = progress
        self.scheduler = scheduler
        self.settings = settings
        self.calendar = calendar
        self.dayEnd = calendar.startOfNextDay(after: now)
        var byID: [String: ReviewCandidate] = [:]
        var ordered: [ReviewCandidate] = []
        for c in candidates where byID[c.id] == nil {
            byID[c.id] = c
            ordered.append(c)
        }
        self.candidates = byID
        let available = ordered.filter { progress[$0.id]?.isAvailable(at: now) ?? true }
        switch mode {
        case .cram:
            queue = ReviewQueue(reviews: [], newCards: [], learning: [:], cram: available.map(\.id))
        case .scheduled:
            var due: [(String, Date)] = []
            var fresh: [String] = []
            var learning: [String: QueuedStep] = [:]
            for c in available {
                guard let state = progress[c.id]?.schedule else { fresh.append(c.id); continue }
                // A review card is offered only once due: FSRS counts whole 24-hour days since
                // the last review, so the morning before a 1-day card falls due counts as 0
                // days and would barely grow it.
                if state.phase == .review {
                    if state.due <= now { due.append((c.id, state.due)) }
                } else if state.due < dayEnd {
                    learning[c.id] = QueuedStep(state)
                }
            }
            due.sort { ($0.1, $0.0) < ($1.1, $1.0) }
            let reviewRoom = max(0, settings.reviewsPerDay - doneToday.reviews)
            let newRoom = max(0, (newLimit ?? settings.newCardsPerDay) - doneToday.newCards)
            queue = ReviewQueue(
                reviews: Array(due.prefix(reviewRoom).map(\.0)), newCards: Array(fresh.prefix(newRoom)),
                learning: learning, cram: [])
        }
    }

    // MARK: Reading

    /// The card to show at `now`, or nil when the session is over.
    public func nextCard(at now: Date) -> ReviewCandidate? {
        queue.next(at: now, learnAhead: TimeInterval(settings.learnAheadMinutes) * 60)
            .flatMap { candidates[$0] }
    }

    /// Cards left, by kind.
    public var remaining: QueueCounts { queue.counts }

    /// When the earliest learning card still in the session comes back.
    public var nextLearningDue: Date? { queue.learning.values.map(\.due).min() }

    /// The card's progress as the session knows it (a blank one for a card never touched).
    public func progress(of id: String) -> CardProgress {
        stored[id] ?? CardProgress(cardID: id)
    }

    /// The state each rating would give the card at `now`, for showing intervals on the buttons.
    public func preview(_ id: String, at now: Date) -> [Rating: CardState] {
        scheduler.preview(progress(of: id).schedule, at: now, cardID: id)
    }

    /// Whether there is an action to undo.
    public var canUndo: Bool { !undoStack.isEmpty }

    /// The action `undo` would reverse.
    public var lastAction: UndoStep? { undoStack.last }

    // MARK: Deciding (pure: nothing changes until `commit`)

    /// What rating `id` with `rating` at `now` means, ready to be saved.
    public func answer(_ id: String, rating: Rating, at now: Date, durationMilliseconds: Int? = nil) -> ReviewRecord {
        let before = stored[id]
        guard mode == .scheduled else {
            return ReviewRecord(
                cardID: id, kind: .cram, rating: rating, reviewedAt: now,
                durationMilliseconds: durationMilliseconds, before: before, after: nil)
        }
        let after = (before ?? CardProgress(cardID: id)).rated(
            rating, at: now, scheduler: scheduler, leechRule: LeechRule(threshold: settings.leechThreshold))
        return ReviewRecord(
            cardID: id, kind: .review, rating: rating, reviewedAt: now,
            durationMilliseconds: durationMilliseconds, before: before, after: after)
    }

    /// Hiding `id` until the next study day begins.
    public func bury(_ id: String, at now: Date) -> ProgressChange {
        var after = progress(of: id)
        after.buriedUntil = dayEnd
        return ProgressChange(before: stored[id], after: after)
    }

    /// Suspending `id` until the user unsuspends it.
    public func suspend(_ id: String) -> ProgressChange {
        var after = progress(of: id)
        after.isSuspended = true
        return ProgressChange(before: stored[id], after: after)
    }

    // MARK: Committing (after the store saved the change)

    /// Applies a saved rating; `logID` is the review-log row the store wrote.
    public mutating func commit(_ record: ReviewRecord, logID: Int64) {
        pushUndo(cardID: record.cardID, logID: logID, changesProgress: record.after != nil)
        let wasNew = record.before?.schedule == nil
        queue.remove(record.cardID)
        summary.ratings[record.rating, default: 0] += 1
        switch mode {
        case .cram:
            if record.rating == .again { queue.cram.append(record.cardID) }
        case .scheduled:
            guard let after = record.after else { return }
            stored[record.cardID] = after
            if wasNew { summary.newCards += 1 }
            if record.madeLeech { summary.leeches.append(record.cardID) }
            if let state = after.schedule, state.phase != .review, state.due < dayEnd, after.isAvailable(at: record.reviewedAt) {
                queue.learning[record.cardID] = QueuedStep(state)
            }
        }
    }

    /// Applies a saved bury or suspend.
    public mutating func commit(_ change: ProgressChange) {
        pushUndo(cardID: change.after.cardID, logID: nil, changesProgress: true)
        stored[change.after.cardID] = change.after
        queue.remove(change.after.cardID)
        if change.after.isSuspended, change.before?.isSuspended != true {
            summary.suspended.append(change.after.cardID)
        } else {
            summary.buried.append(change.after.cardID)
        }
    }

    /// Reverses the last action once the store has undone it (`lastAction`): the card's
    /// progress, the queue and the summary are exactly as before that action.
    public mutating func commitUndo() {
        guard let step = undoStack.popLast() else { return }
        queue = step.queue
        summary = step.summary
        stored[step.cardID] = step.storedBefore
    }

    private mutating func pushUndo(cardID: String, logID: Int64?, changesProgress: Bool) {
        let before = stored[cardID]
        let restore: ProgressRestore = !changesProgress ? .unchanged : before.map { .restore($0) } ?? .remove
        undoStack.append(UndoStep(
            cardID: cardID, logID: logID, progress: restore, queue: queue, summary: summary,
            storedBefore: before))
    }
}
