import Foundation

extension StudyStats {
    /// A short table for the terminal.
    public func text() -> String {
        var lines: [String] = []
        let c = counts
        lines.append("Cards       new \(c.new) · learning \(c.learning) · review \(c.review) · relearning \(c.relearning) · suspended \(c.suspended) · leeches \(c.leeches)"
            + (c.removedFromContent > 0 ? " · \(c.removedFromContent) no longer in content (kept)" : ""))
        let studied = activity.days.filter { $0.count > 0 }
        lines.append("Today       \(activity.today.counted("review")) · streak \(activity.currentStreak.counted("day")) (longest \(activity.longestStreak))")
        lines.append("Last year   \(activity.days.reduce(0) { $0 + $1.count }.counted("review")) on \(studied.count.counted("day")) · \(totalReviews) in all")
        lines.append("Retention   30 days: young \(Self.percent(retention30Days.young)) · mature \(Self.percent(retention30Days.mature))")
        lines.append("            all time: young \(Self.percent(retentionAllTime.young)) · mature \(Self.percent(retentionAllTime.mature))")
        lines.append("Due         today \(forecast.total(firstDays: 1)) · tomorrow \(forecast.days.count > 1 ? forecast.days[1].due : 0) · 7 days \(forecast.total(firstDays: 7)) · 30 days \(forecast.total(firstDays: 30))")
        if !topics.isEmpty {
            let width = max(5, topics.map(\.topic.count).max() ?? 5)
            lines.append("")
            lines.append(Self.pad("Topic", width) + "  cards  studied  mastery")
            for t in topics {
                lines.append(Self.pad(t.topic, width) + "  " + Self.left(String(t.cards), 5) + "  "
                    + Self.left(String(t.studied), 7) + "  " + Self.left("\(Int((t.mastery * 100).rounded()))%", 7))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ r: RetentionRate) -> String {
        guard let rate = r.rate else { return "–" }
        return String(format: "%.1f%% (%d/%d)", rate * 100, r.passed, r.total)
    }

    static func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
    static func left(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
}
