import Foundation

/// A study day, named by the local calendar date on which it starts. With the default
/// 4 am day start, a review at 1 am on the 24th belongs to the study day "2026-11-23".
public struct StudyDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, the stable form used in JSON output.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: StudyDay, b: StudyDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Decides which study day a moment belongs to: local days in `timeZone` that begin at
/// `dayStartHour` (4 am by default, like Anki, so a late-night session counts as the same
/// day). Everything that says "today" goes through this type, so tests can pin the zone.
public struct StudyCalendar: Sendable, Equatable {
    public var timeZone: TimeZone
    public var dayStartHour: Int

    public init(timeZone: TimeZone = .current, dayStartHour: Int = 4) {
        self.timeZone = timeZone
        self.dayStartHour = min(max(dayStartHour, 0), 23)
    }

    private var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// The study day that contains `date`.
    public func day(containing date: Date) -> StudyDay {
        let c = calendar
        let parts = c.dateComponents([.year, .month, .day], from: date)
        var day = StudyDay(year: parts.year!, month: parts.month!, day: parts.day!)
        if start(of: day) > date { day = self.day(day, offsetBy: -1) }
        return day
    }

    /// The moment `day` begins.
    public func start(of day: StudyDay) -> Date {
        calendar.date(from: DateComponents(
            year: day.year, month: day.month, day: day.day, hour: dayStartHour))!
    }

    /// The day `offset` days after (or before, if negative) `day`.
    public func day(_ day: StudyDay, offsetBy offset: Int) -> StudyDay {
        let c = calendar
        // Noon is never skipped by a daylight-saving change, so day arithmetic stays exact.
        let noon = c.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
        let moved = c.date(byAdding: .day, value: offset, to: noon)!
        let parts = c.dateComponents([.year, .month, .day], from: moved)
        return StudyDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The start of the study day that contains `date`.
    public func startOfDay(containing date: Date) -> Date {
        start(of: day(containing: date))
    }

    /// The start of the study day after the one that contains `date`: "tomorrow".
    public func startOfNextDay(after date: Date) -> Date {
        start(of: day(day(containing: date), offsetBy: 1))
    }

    /// Whole study days from `a`'s day to `b`'s day (negative if `b` is earlier).
    public func days(from a: StudyDay, to b: StudyDay) -> Int {
        let c = calendar
        let na = c.date(from: DateComponents(year: a.year, month: a.month, day: a.day, hour: 12))!
        let nb = c.date(from: DateComponents(year: b.year, month: b.month, day: b.day, hour: 12))!
        return c.dateComponents([.day], from: na, to: nb).day!
    }
}
