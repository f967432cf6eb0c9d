import Foundation

/// One user-settable field of `StudySettings`, named as `dojo settings` spells it
/// (kebab-case). Parsing and validation are pure so the command and the app agree on them.
public enum SettingKey: String, CaseIterable, Sendable {
    case newPerDay = "new-per-day"
    case reviewsPerDay = "reviews-per-day"
    case desiredRetention = "desired-retention"
    case dayStartHour = "day-start-hour"
    case leechThreshold = "leech-threshold"
    case learnAheadMinutes = "learn-ahead-minutes"
    case quizAffectsSchedule = "quiz-affects-schedule"

    /// The key named `name`, or `SettingError.unknownKey` listing the known ones.
    public static func named(_ name: String) throws(SettingError) -> SettingKey {
        guard let key = SettingKey(rawValue: name.lowercased()) else { throw .unknownKey(name) }
        return key
    }

    /// What the setting does, in one line.
    public var meaning: String {
        switch self {
        case .newPerDay: return "new cards introduced per study day"
        case .reviewsPerDay: return "review cards shown per study day"
        case .desiredRetention: return "recall probability FSRS aims for"
        case .dayStartHour: return "local hour at which a study day begins"
        case .leechThreshold: return "lapses that make a card a leech (suspended)"
        case .learnAheadMinutes: return "learning cards due this soon are shown early"
        case .quizAffectsSchedule: return "quiz answers also rate the card for FSRS"
        }
    }

    /// The values accepted, as shown in help and error messages.
    public var accepted: String {
        switch self {
        case .desiredRetention: return "0.70–0.99"
        case .quizAffectsSchedule: return "on or off"
        default:
            let r = intRange!
            return "\(r.lowerBound)–\(r.upperBound)"
        }
    }

    /// The allowed range of an integer setting; nil for the others.
    var intRange: ClosedRange<Int>? {
        switch self {
        case .newPerDay, .reviewsPerDay: return 0...9999
        case .dayStartHour: return 0...23
        case .leechThreshold: return 1...99
        case .learnAheadMinutes: return 0...1440
        case .desiredRetention, .quizAffectsSchedule: return nil
        }
    }

    static let retentionRange = 0.70...0.99

    /// The setting's value in `settings`, as `dojo settings` prints it and accepts it back.
    public func value(in settings: StudySettings) -> String {
        switch self {
        case .newPerDay: return String(settings.newCardsPerDay)
        case .reviewsPerDay: return String(settings.reviewsPerDay)
        case .desiredRetention: return String(format: "%.2f", settings.desiredRetention)
        case .dayStartHour: return String(settings.dayStartHour)
        case .leechThreshold: return String(settings.leechThreshold)
        case .learnAheadMinutes: return String(settings.learnAheadMinutes)
        case .quizAffectsSchedule: return settings.quizAffectsSchedule ? "on" : "off"
        }
    }

    /// `settings` with this key set from `text`; `SettingError.invalidValue` (naming the key
    /// and the accepted range) when `text` does not parse or lies outside the range.
    public func applying(_ text: String, to settings: StudySettings) throws(SettingError) -> StudySettings {
        let input = text.trimmingCharacters(in: .whitespaces)
        let invalid = SettingError.invalidValue(key: self, value: text)
        var s = settings
        switch self {
        case .desiredRetention:
            guard let v = Double(input), v.isFinite else { throw invalid }
            // Two decimals is what the range is written in; 0.905 would print as 0.91.
            let rounded = (v * 100).rounded() / 100
            guard Self.retentionRange.contains(rounded), abs(rounded - v) < 1e-9 else { throw invalid }
            s.desiredRetention = rounded
        case .quizAffectsSchedule:
            switch input.lowercased() {
            case "on", "true", "yes": s.quizAffectsSchedule = true
            case "off", "false", "no": s.quizAffectsSchedule = false
            default: throw invalid
            }
        default:
            guard let v = Int(input), intRange!.contains(v) else { throw invalid }
            switch self {
            case .newPerDay: s.newCardsPerDay = v
            case .reviewsPerDay: s.reviewsPerDay = v
            case .dayStartHour: s.dayStartHour = v
            case .leechThreshold: s.leechThreshold = v
            case .learnAheadMinutes: s.learnAheadMinutes = v
            case .desiredRetention, .quizAffectsSchedule: break
            }
        }
        return s
    }
}

/// Why a setting could not be read or changed; the message names the key and what to type.
public enum SettingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No setting has this name.
    case unknownKey(String)
    /// The value does not parse or lies outside the key's range.
    case invalidValue(key: SettingKey, value: String)

    public var description: String {
        switch self {
        case let .unknownKey(name):
            return "no setting \"\(name)\". Settings: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))."
        case let .invalidValue(key, value):
            return "\(key.rawValue) cannot be \"\(value)\": it takes \(key.accepted) (\(key.meaning))."
        }
    }
}
