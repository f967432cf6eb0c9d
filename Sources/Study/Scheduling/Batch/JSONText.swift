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

    /// UTC ISO-8601: whole seconds when the time is one, else milliseconds, or microseconds
    /// when the time has them (a `Date` holds about that much at today's dates).
    static func timestamp(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var whole = t.rounded(.down)
        var micros = Int(((t - whole) * 1_000_000).rounded())
        if micros == 1_000_000 { whole += 1; micros = 0 }
        let base = Date(timeIntervalSince1970: whole).formatted(Date.ISO8601FormatStyle())
        guard micros != 0, base.hasSuffix("Z") else { return base }
        let fraction = micros % 1000 == 0 ? digits(micros / 1000, 3) : digits(micros, 6)
        return base.dropLast() + "." + fraction + "Z"
    }

    private static func digits(_ n: Int, _ count: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }

    /// Reads ISO-8601 date-times with a zone ("Z" or "+08:00"), with or without fractions of
    /// a second. The fraction is read here: Foundation's parser keeps only milliseconds.
    static func parseTimestamp(_ text: String) -> Date? {
        guard let dot = text.firstIndex(of: ".") else { return try? Date.ISO8601FormatStyle().parse(text) }
        let digitsStart = text.index(after: dot)
        let digitsEnd = text[digitsStart...].firstIndex { !("0"..."9").contains($0) } ?? text.endIndex
        guard digitsEnd > digitsStart, let fraction = Double("0." + text[digitsStart..<digitsEnd]) else { return nil }
        let whole = String(text[..<dot] + text[digitsEnd...])
        guard let seconds = try? Date.ISO8601FormatStyle().parse(whole) else { return nil }
        return Date(timeIntervalSince1970: seconds.timeIntervalSince1970 + fraction)
    }
}
