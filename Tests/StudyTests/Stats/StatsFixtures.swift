import Foundation
@testable import Study

enum StatsFixtures {
    static let calendar = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!, dayStartHour: 4)
    /// 2026-11-23 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_428_000)
    static let day: TimeInterval = 86_400

    static func entry(
        _ id: Int64, _ card: String, _ rating: Rating, daysAgo: Double, kind: ReviewKind = .review,
        before: CardPhase? = .review, interval: Double? = 5
    ) -> ReviewLogEntry {
        ReviewLogEntry(
            id: id, cardID: card, kind: kind, rating: rating, reviewedAt: now.addingTimeInterval(-daysAgo * day),
            phaseBefore: before, scheduledDaysBefore: before == nil ? nil : interval)
    }

    static func state(_ phase: CardPhase, dueIn days: Double, stability: Double = 10, lastDaysAgo: Double = 3) -> CardState {
        CardState(
            phase: phase, step: phase == .review ? nil : 0, stability: stability, difficulty: 5,
            due: now.addingTimeInterval(days * day), lastReview: now.addingTimeInterval(-lastDaysAgo * day))
    }
}
