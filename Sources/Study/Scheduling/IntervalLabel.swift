import Foundation

/// Short labels for waits, as shown on rating buttons: "45s", "10m", "5h", "4d", "3.2mo", "1.1y".
public enum IntervalLabel {
    private static let minute: TimeInterval = 60
    private static let hour: TimeInterval = 3600
    private static let day: TimeInterval = 86_400

    /// The label for a wait of `seconds` (negative waits read as "0s"). Whole units up to
    /// days; months (30 days) and years (365 days) keep one decimal, dropping a trailing ".0".
    public static func text(for seconds: TimeInterval) -> String {
        let s = max(seconds, 0)
        // Each unit is chosen after rounding, so 59.7 minutes reads "1h", not "60m".
        if s.rounded() < minute { return "\(Int(s.rounded()))s" }
        if (s / minute).rounded() < 60 { return "\(Int((s / minute).rounded()))m" }
        if (s / hour).rounded() < 24 { return "\(Int((s / hour).rounded()))h" }
        let days = s / day
        if days.rounded() < 30 { return "\(Int(days.rounded()))d" }
        let months = tenths(days / 30)
        if months < 120 { return decimal(months) + "mo" }
        return decimal(tenths(days / 365)) + "y"
    }

    /// The label for the wait from `now` until `state` is due.
    public static func text(until state: CardState, from now: Date) -> String {
        text(for: state.due.timeIntervalSince(now))
    }

    private static func tenths(_ x: Double) -> Int { Int((x * 10).rounded()) }

    private static func decimal(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
