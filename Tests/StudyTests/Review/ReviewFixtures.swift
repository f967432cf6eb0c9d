import Foundation
@testable import Study

/// Shared moments and builders for review tests: UTC, day starts at 4 am.
enum ReviewFixtures {
    static let calendar = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!, dayStartHour: 4)
    /// 2026-11-23 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_428_000)
    static let scheduler = Scheduler()

    static func candidates(_ ids: [String], topic: String = "attention") -> [ReviewCandidate] {
        ids.map { ReviewCandidate(id: $0, topic: topic) }
    }

    /// A card in review, last seen `interval` days before it falls due at `due`.
    static func reviewCard(_ id: String, due: Date, interval: Double = 5, lapses: Int = 0) -> CardProgress {
        CardProgress(
            cardID: id,
            schedule: CardState(
                phase: .review, step: nil, stability: interval, difficulty: 5,
                due: due, lastReview: due.addingTimeInterval(-interval * 86_400)),
            reps: 4, lapses: lapses)
    }

    static func session(
        _ ids: [String], progress: [CardProgress] = [], settings: StudySettings = .default,
        done: DailyCounts = DailyCounts(), newLimit: Int? = nil, mode: ReviewMode = .scheduled, at: Date = now
    ) -> ReviewSession {
        ReviewSession(
            candidates: candidates(ids),
            progress: Dictionary(uniqueKeysWithValues: progress.map { ($0.cardID, $0) }),
            settings: settings, doneToday: done, newLimit: newLimit, mode: mode,
            scheduler: scheduler, calendar: calendar, now: at)
    }
}

extension ReviewSession {
    /// Rates whatever comes next with `rating` and commits it with a fake log id; returns the id rated.
    @discardableResult
    mutating func rateNext(_ rating: Rating, at now: Date, logID: Int64 = 1) -> String? {
        guard let card = nextCard(at: now) else { return nil }
        commit(answer(card.id, rating: rating, at: now), logID: logID)
        return card.id
    }
}
