import Foundation

/// The review log as a file: CSV (RFC 4180: header row, CRLF line ends, fields with a comma,
/// quote or line break quoted, quotes doubled) or JSON (an array of objects). Both use the
/// same snake_case column names; times are ISO 8601 in UTC with milliseconds.
public enum ReviewLogExport {
    /// The columns, in order.
    public static let columns = [
        "id", "card_id", "kind", "rating", "reviewed_at", "phase_before", "scheduled_days_before",
        "elapsed_days", "phase_after", "stability_after", "difficulty_after", "due_after", "duration_ms",
    ]

    /// The format a file name asks for: `.csv` or `.json`.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json

        /// The format for `path`'s extension, or nil if it is neither.
        public init?(path: String) {
            let ext = (path as NSString).pathExtension.lowercased()
            self.init(rawValue: ext)
        }
    }

    /// The log in `format`.
    public static func render(_ log: [ReviewLogEntry], as format: Format) throws -> Data {
        switch format {
        case .csv: return Data(csv(log).utf8)
        case .json: return try json(log)
        }
    }

    /// The log as CSV text.
    public static func csv(_ log: [ReviewLogEntry]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for entry in log {
            out += values(entry).map { quote($0.map(\.text) ?? "") }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The log as a JSON array; absent values are null.
    public static func json(_ log: [ReviewLogEntry]) throws -> Data {
        let rows: [[String: Any]] = log.map { entry in
            var row: [String: Any] = [:]
            for (key, value) in zip(columns, values(entry)) { row[key] = value?.json ?? NSNull() }
            return row
        }
        return try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// One field: quoted when it holds a comma, a quote or a line break.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private enum Value {
        case text(String), int(Int), number(Double)
        var text: String {
            switch self {
            case let .text(s): return s
            case let .int(n): return String(n)
            case let .number(x): return "\(x)"
            }
        }
        var json: Any {
            switch self {
            case let .text(s): return s
            case let .int(n): return n
            case let .number(x): return x
            }
        }
    }

    private static func values(_ e: ReviewLogEntry) -> [Value?] {
        [
            .int(Int(e.id)), .text(e.cardID), .text(e.kind.rawValue), .int(e.rating.rawValue),
            .text(timestamp(e.reviewedAt)), e.phaseBefore.map { .text($0.rawValue) },
            e.scheduledDaysBefore.map { .number($0) }, e.elapsedDays.map { .number($0) },
            e.phaseAfter.map { .text($0.rawValue) }, e.stabilityAfter.map { .number($0) },
            e.difficultyAfter.map { .number($0) }, e.dueAfter.map { .text(timestamp($0)) },
            e.durationMilliseconds.map { .int($0) },
        ]
    }

    /// `2026-11-23T10:00:00.000Z`.
    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
