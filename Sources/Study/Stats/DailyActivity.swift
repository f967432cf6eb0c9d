/// Reviews on one study day.
public struct DayCount: Equatable, Sendable, Encodable {
    public var date: String
    public var count: Int

    public init(date: String, count: Int) {
        self.date = date
        self.count = count
    }
}

/// How much was studied per day, for a heatmap, and the streak of days in a row.
public struct DailyActivity: Equatable, Sendable, Encodable {
    /// One entry per day, oldest first, ending today (zeros included, so a heatmap can map
    /// index to cell directly).
    public var days: [DayCount]
    /// Consecutive days with at least one review, ending today — or yesterday, when today
    /// has none yet (the streak is still alive until the day ends).
    public var currentStreak: Int
    /// The longest run of consecutive study days in the whole log.
    public var longestStreak: Int
    /// Ratings given today.
    public var today: Int

    enum CodingKeys: String, CodingKey {
        case days, currentStreak = "current_streak", longestStreak = "longest_streak", today
    }

    /// Counts every log row (reviews and cram) per study day over the last `window` days.
    public static func compute(log: [ReviewLogEntry], calendar: StudyCalendar, today: StudyDay, window: Int = 365) -> DailyActivity {
        var perDay: [StudyDay: Int] = [:]
        for entry in log { perDay[calendar.day(containing: entry.reviewedAt), default: 0] += 1 }
        let days = (0..<window).reversed().map { back -> DayCount in
            let day = calendar.day(today, offsetBy: -back)
            return DayCount(date: day.description, count: perDay[day] ?? 0)
        }
        var current = 0
        var cursor = (perDay[today] ?? 0) > 0 ? today : calendar.day(today, offsetBy: -1)
        while (perDay[cursor] ?? 0) > 0 {
            current += 1
            cursor = calendar.day(cursor, offsetBy: -1)
        }
        var longest = 0, run = 0
        var previous: StudyDay?
        for day in perDay.keys.sorted() {
            run = previous.map { calendar.days(from: $0, to: day) == 1 } == true ? run + 1 : 1
            longest = max(longest, run)
            previous = day
        }
        return DailyActivity(days: days, currentStreak: current, longestStreak: longest, today: perDay[today] ?? 0)
    }
}
