import Foundation

/// One review read from a `dojo schedule` input line.
public struct ReviewLine: Sendable, Equatable {
    /// The caller's card identifier; reviews with the same id belong to the same card.
    public var card: String
    /// The rating given.
    public var rating: Rating
    /// When the rating was given.
    public var time: Date

    /// A review with every field given.
    public init(card: String, rating: Rating, time: Date) {
        self.card = card
        self.rating = rating
        self.time = time
    }
}

/// What is wrong with an input line, phrased so the user knows how to fix it.
public enum ReviewLineProblem: Error, Equatable, CustomStringConvertible {
    case invalidJSON
    case notAnObject
    case missingKey(String)
    case wrongType(key: String, expected: String)
    case ratingOutOfRange(String)
    case badTime(String)
    case timeWentBackwards(card: String, previous: String, time: String)

    /// The problem and how to fix it, in one sentence.
    public var description: String {
        switch self {
        case .invalidJSON:
            "not valid JSON; expected an object like {\"card\": \"q1\", \"rating\": 3, \"time\": \"2025-01-01T09:00:00Z\"}"
        case .notAnObject:
            "expected a JSON object with keys \"card\", \"rating\" and \"time\""
        case .missingKey(let key):
            "missing key \"\(key)\""
        case .wrongType(let key, let expected):
            "\"\(key)\" must be \(expected)"
        case .ratingOutOfRange(let value):
            "rating \(value) is out of range; use 1 (again), 2 (hard), 3 (good) or 4 (easy)"
        case .badTime(let text):
            "time \"\(text)\" is not an ISO-8601 date-time such as 2025-01-01T09:00:00Z"
        case .timeWentBackwards(let card, let previous, let time):
            "time \(time) for card \"\(card)\" is earlier than its previous review at \(previous); give each card's reviews in time order"
        }
    }
}

extension ReviewLine {
    /// Reads an ISO-8601 date-time with a zone, as the "time" key takes it, keeping up to
    /// microseconds of a fraction; nil when it is not one.
    public static func parseTime(_ text: String) -> Date? { JSONText.parseTimestamp(text) }

    /// Reads `{"card": "id", "rating": 1-4, "time": "ISO-8601"}`; extra keys are ignored.
    /// The card id may also be an integer. Returns `nil` for a blank line.
    public static func parse(_ line: String) throws(ReviewLineProblem) -> ReviewLine? {
        if line.allSatisfy(\.isWhitespace) { return nil }
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) } catch { throw .invalidJSON }
        guard case .object(let fields) = value else { throw .notAnObject }
        func field(_ key: String) throws(ReviewLineProblem) -> JSONValue {
            guard let v = fields[key] else { throw .missingKey(key) }
            return v
        }

        let card: String
        switch try field("card") {
        case .string(let s) where !s.isEmpty: card = s
        case .number(let n) where n == n.rounded() && abs(n) < 1e15: card = String(Int64(n))
        default: throw .wrongType(key: "card", expected: "a non-empty string")
        }

        guard case .number(let n) = try field("rating") else {
            throw .wrongType(key: "rating", expected: "an integer from 1 to 4")
        }
        guard n == n.rounded(), let raw = Int(exactly: n), let rating = Rating(rawValue: raw) else {
            throw .ratingOutOfRange(n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)")
        }

        guard case .string(let text) = try field("time") else {
            throw .wrongType(key: "time", expected: "an ISO-8601 string such as \"2025-01-01T09:00:00Z\"")
        }
        guard let time = JSONText.parseTimestamp(text) else { throw .badTime(text) }
        return ReviewLine(card: card, rating: rating, time: time)
    }
}

/// Just enough of JSON to tell a missing key from a value of the wrong type.
private enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array, object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            while !array.isAtEnd { _ = try array.decode(JSONValue.self) }
            self = .array
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: JSONValue] = [:]
            for key in keyed.allKeys { fields[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(fields)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let n = try? single.decode(Double.self) { self = .number(n) }
        else { self = .string(try single.decode(String.self)) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
