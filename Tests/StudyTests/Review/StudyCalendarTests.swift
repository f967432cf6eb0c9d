import Foundation
import Testing
@testable import Study

@Suite struct StudyCalendarTests {
    let utc = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!, dayStartHour: 4)

    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func aLateNightReviewBelongsToTheDayBefore() {
        #expect(utc.day(containing: date("2026-11-24T03:59:00Z")).description == "2026-11-23")
        #expect(utc.day(containing: date("2026-11-24T04:00:00Z")).description == "2026-11-24")
        #expect(utc.startOfDay(containing: date("2026-11-24T01:00:00Z")) == date("2026-11-23T04:00:00Z"))
        #expect(utc.startOfNextDay(after: date("2026-11-24T01:00:00Z")) == date("2026-11-24T04:00:00Z"))
    }

    @Test func theDayFollowsTheLocalTimeZone() {
        let shanghai = StudyCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!, dayStartHour: 4)
        // 19:30 UTC is 03:30 the next morning in Shanghai: still the 23rd's study day.
        #expect(shanghai.day(containing: date("2026-11-23T19:30:00Z")).description == "2026-11-23")
        #expect(shanghai.day(containing: date("2026-11-23T20:30:00Z")).description == "2026-11-24")
        #expect(shanghai.startOfNextDay(after: date("2026-11-23T19:30:00Z")) == date("2026-11-23T20:00:00Z"))
    }

    @Test func dayArithmeticCrossesMonthsAndDaylightSaving() {
        let day = StudyDay(year: 2026, month: 2, day: 27)
        #expect(utc.day(day, offsetBy: 2).description == "2026-03-01")
        #expect(utc.days(from: day, to: StudyDay(year: 2026, month: 3, day: 1)) == 2)
        let berlin = StudyCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!, dayStartHour: 4)
        // Clocks go back at 3 am on 2026-10-25, inside the study day that began on the 24th.
        let start = berlin.start(of: StudyDay(year: 2026, month: 10, day: 24))
        let next = berlin.start(of: StudyDay(year: 2026, month: 10, day: 25))
        #expect(next.timeIntervalSince(start) == 25 * 3600)
    }

    @Test func aLogEntryRecordsTheIntervalAndElapsedTimeBeforeTheRating() {
        let last = date("2026-11-01T10:00:00Z")
        let before = CardProgress(cardID: "c", schedule: CardState(
            phase: .review, step: nil, stability: 20, difficulty: 5,
            due: last.addingTimeInterval(21 * 86_400), lastReview: last))
        let at = last.addingTimeInterval(22 * 86_400)
        var after = before
        after.schedule = Scheduler().review(before.schedule, rating: .good, at: at)
        let entry = ReviewLogEntry(
            record: ReviewRecord(cardID: "c", kind: .review, rating: .good, reviewedAt: at, before: before, after: after),
            id: 9)
        #expect(entry.scheduledDaysBefore == 21)
        #expect(entry.elapsedDays == 22)
        #expect(entry.phaseBefore == .review)
        #expect(entry.dueAfter == after.schedule?.due)
    }
}
