import Foundation

/// Hand-written JSON pieces for `dojo schedule`, so keys keep a fixed, documented order.
enum JSONText {
    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The shortest decimal that reads back as the same double; integers keep a ".0".
    static func number(_ x: Double) -> String { "\(x)" }

    /// UTC ISO-8601, with milliseconds only when the time is not a whole second.
    static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let style = seconds == seconds.rounded()
            ? Date.ISO8601FormatStyle()
            : Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return date.formatted(style)
    }

    /// Reads ISO-8601 date-times with a zone ("Z" or "+08:00"), with or without fractions of a second.
    static func parseTimestamp(_ text: String) -> Date? {
        for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            if let date = try? style.parse(text) { return date }
        }
        return nil
    }
}
