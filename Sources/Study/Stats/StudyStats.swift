import Foundation

/// Everything `dojo stats` reports, computed from the review log and stored progress. Pure:
/// the store supplies the rows, the content supplies the cards.
public struct StudyStats: Equatable, Sendable, Encodable {
    /// The study day the stats were computed on.
    public var today: String
    public var counts: CardCounts
    public var activity: DailyActivity
    /// True retention over the last 30 days.
    public var retention30Days: TrueRetention
    /// True retention over the whole log.
    public var retentionAllTime: TrueRetention
    public var forecast: DueForecast
    public var topics: [TopicMastery]
    /// Review-log rows in total.
    public var totalReviews: Int

    enum CodingKeys: String, CodingKey {
        case today, counts, activity, forecast, topics
        case retention30Days = "retention_30_days", retentionAllTime = "retention_all_time"
        case totalReviews = "total_reviews"
    }

    /// Computes every figure at `now`.
    public static func compute(
        cards: [ReviewCandidate], progress: [String: CardProgress], log: [ReviewLogEntry],
        scheduler: Scheduler, calendar: StudyCalendar, now: Date
    ) -> StudyStats {
        let today = calendar.day(containing: now)
        return StudyStats(
            today: today.description,
            counts: CardCounts.compute(cards: cards, progress: progress, at: now),
            activity: DailyActivity.compute(log: log, calendar: calendar, today: today),
            retention30Days: TrueRetention.compute(log: log, calendar: calendar, since: calendar.day(today, offsetBy: -29)),
            retentionAllTime: TrueRetention.compute(log: log, calendar: calendar),
            forecast: DueForecast.compute(cards: cards, progress: progress, calendar: calendar, now: now),
            topics: TopicMastery.compute(cards: cards, progress: progress, scheduler: scheduler, at: now),
            totalReviews: log.count)
    }

    /// Stable JSON: snake_case keys, sorted, pretty-printed.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
