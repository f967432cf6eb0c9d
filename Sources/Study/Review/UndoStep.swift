/// What undoing the last action of a session must change in the store.
public enum ProgressRestore: Equatable, Sendable {
    /// The action did not change stored progress (a cram answer).
    case unchanged
    /// Put this progress back exactly.
    case restore(CardProgress)
    /// The card had no stored progress before: remove the row the action created.
    case remove
}

/// The last action of a session, reversible: the store deletes `logID` and applies
/// `progress`; the session puts back its queue and summary.
public struct UndoStep: Equatable, Sendable {
    public let cardID: String
    /// The review-log row to delete; nil for bury and suspend.
    public let logID: Int64?
    public let progress: ProgressRestore
    let queue: ReviewQueue
    let summary: SessionSummary
    let storedBefore: CardProgress?
}
