import Foundation

/// Short human text for a waiting time, as review buttons show it: "1m", "10m", "3h", "4d",
/// "2.5mo", "1.2y".
public enum IntervalText {
    /// The time from `now` until `due`.
    public static func describe(from now: Date, to due: Date) -> String {
        describe(seconds: due.timeIntervalSince(now))
    }

    /// `seconds` as the largest unit that keeps the number readable.
    public static func describe(seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        let minutes = s / 60, hours = s / 3600, days = s / 86_400
        if minutes < 60 { return "\(max(1, Int(minutes.rounded())))m" }
        if hours < 24 { return "\(Int(hours.rounded()))h" }
        if days < 30 { return "\(Int(days.rounded()))d" }
        if days < 365 { return oneDecimal(days / 30) + "mo" }
        return oneDecimal(days / 365) + "y"
    }

    private static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
