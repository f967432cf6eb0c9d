import Foundation

/// Short human text for a waiting time, as review buttons show it: "1m", "10m", "3h", "4d",
/// "2.5mo", "1.2y". Anything under a minute reads "1m", the shortest step a card waits.
public enum IntervalText {
    private static let minute: TimeInterval = 60
    private static let hour: TimeInterval = 3600
    private static let day: TimeInterval = 86_400

    /// The time from `now` until `due`.
    public static func describe(from now: Date, to due: Date) -> String {
        describe(seconds: due.timeIntervalSince(now))
    }

    /// `seconds` as the largest unit that keeps the number readable. Each unit is chosen
    /// after rounding, so 59.7 minutes reads "1h", not "60m"; months (30 days) and years
    /// (365 days) keep one decimal, dropping a trailing ".0".
    public static func describe(seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        if (s / minute).rounded() < 60 { return "\(max(1, Int((s / minute).rounded())))m" }
        if (s / hour).rounded() < 24 { return "\(Int((s / hour).rounded()))h" }
        let days = s / day
        if days.rounded() < 30 { return "\(Int(days.rounded()))d" }
        let months = tenths(days / 30)
        if months < 120 { return decimal(months) + "mo" }
        return decimal(tenths(days / 365)) + "y"
    }

    private static func tenths(_ x: Double) -> Int { Int((x * 10).rounded()) }

    private static func decimal(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
