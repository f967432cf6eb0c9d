import Foundation

/// Cards falling due on one study day.
public struct DueDay: Equatable, Sendable, Encodable {
    public var date: String
    public var due: Int
}

/// How many cards fall due on each of the coming days; overdue cards count today.
public struct DueForecast: Equatable, Sendable, Encodable {
    public var days: [DueDay]

    /// Cards due from today up to `days` days (a week: 7).
    public func total(firstDays n: Int) -> Int { days.prefix(n).reduce(0) { $0 + $1.due } }

    /// Forecast over `window` days from `now`, for the content `cards`; suspended cards are
    /// left out and a buried card counts from when its bury ends.
    public static func compute(
        cards: [ReviewCandidate], progress: [String: CardProgress], calendar: StudyCalendar, now: Date, window: Int = 30
    ) -> DueForecast {
        let today = calendar.day(containing: now)
        var counts = [Int](repeating: 0, count: window)
        var seen = Set<String>()
        for card in cards where seen.insert(card.id).inserted {
            guard let p = progress[card.id], !p.isSuspended, let state = p.schedule else { continue }
            let when = max(state.due, p.buriedUntil ?? state.due)
            let offset = max(0, calendar.days(from: today, to: calendar.day(containing: when)))
            if offset < window { counts[offset] += 1 }
        }
        return DueForecast(days: counts.enumerated().map { i, n in
            DueDay(date: calendar.day(today, offsetBy: i).description, due: n)
        })
    }
}
