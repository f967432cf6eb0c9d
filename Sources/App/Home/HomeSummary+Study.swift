import Foundation
import Store
import Study

extension HomeSummary {
    /// The home screen's figures from the content and the learner's records, at `now`.
    /// Pure: the caller reads the records; nothing here touches the database or the clock.
    public static func compute(
        library: ContentLibrary, progress: [String: CardProgress], log: [ReviewLogEntry],
        settings: StudySettings, doneToday: DailyCounts, quizAnsweredToday: Int,
        calendar: StudyCalendar, now: Date, language: Language = .en, warnings: [HomeWarning] = []
    ) -> HomeSummary {
        let candidates = library.cards.map { ReviewCandidate(id: $0.id, topic: $0.topic) }
        let scheduler = RecordedReviewSession.scheduler(for: settings)
        let stats = StudyStats.compute(cards: candidates, progress: progress, log: log,
                                       scheduler: scheduler, calendar: calendar, now: now)
        let mastery = Dictionary(stats.topics.map { ($0.topic, $0.meanRetrievability) }, uniquingKeysWith: { a, _ in a })

        func isDue(_ id: String) -> Bool {
            guard let p = progress[id], let state = p.schedule, !p.isSuspended else { return false }
            if let buried = p.buriedUntil, buried > now { return false }
            return state.due <= now
        }
        func isNew(_ id: String) -> Bool { progress[id]?.schedule == nil && progress[id]?.isSuspended != true }

        let topics = library.topics.map { topic in
            TopicRow(id: topic.id, name: topic.name, cards: topic.cards.count,
                     due: topic.cards.filter { isDue($0.id) }.count,
                     new: topic.cards.filter { isNew($0.id) }.count,
                     mastery: mastery[topic.id] ?? nil)
        }
        let unseen = topics.reduce(0) { $0 + $1.new }
        let due = topics.reduce(0) { $0 + $1.due }
        let thirtyDays = stats.retention30Days
        let passed = thirtyDays.young.passed + thirtyDays.mature.passed
        let total = thirtyDays.young.total + thirtyDays.mature.total
        return HomeSummary(
            dueNow: min(due, max(0, settings.reviewsPerDay - doneToday.reviews)),
            newToday: min(unseen, max(0, settings.newCardsPerDay - doneToday.newCards)),
            unseen: unseen, totalCards: library.cards.count, reviewedToday: stats.activity.today,
            streakDays: stats.activity.currentStreak,
            retention: total == 0 ? nil : Double(passed) / Double(total),
            quizAnsweredToday: quizAnsweredToday, experiments: 0,
            topics: topics, warnings: warnings)
    }
}
