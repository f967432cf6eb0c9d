import Foundation
import GRDB
import Study

extension AppDatabase {
    /// The stored keys, one per `StudySettings` field.
    enum SettingKey: String, CaseIterable {
        case newCardsPerDay = "daily_new_limit"
        case reviewsPerDay = "daily_review_limit"
        case quizAffectsSchedule = "quiz_affects_schedule"
        case desiredRetention = "desired_retention"
        case dayStartHour = "day_start_hour"
        case leechThreshold = "leech_threshold"
        case learnAheadMinutes = "learn_ahead_minutes"
    }

    /// The user's settings; keys never saved keep their defaults.
    public func settings() throws -> StudySettings {
        let stored = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM settings")
                .reduce(into: [String: String]()) { $0[$1["key"]] = $1["value"] }
        }
        var s = StudySettings.default
        func int(_ key: SettingKey) throws -> Int? {
            guard let text = stored[key.rawValue] else { return nil }
            guard let v = Int(text) else { throw StoreError.invalidSetting(key: key.rawValue, value: text) }
            return v
        }
        if let v = try int(.newCardsPerDay) { s.newCardsPerDay = v }
        if let v = try int(.reviewsPerDay) { s.reviewsPerDay = v }
        if let v = try int(.dayStartHour) { s.dayStartHour = v }
        if let v = try int(.leechThreshold) { s.leechThreshold = v }
        if let v = try int(.learnAheadMinutes) { s.learnAheadMinutes = v }
        if let text = stored[SettingKey.quizAffectsSchedule.rawValue] {
            guard let v = Bool(text) else { throw StoreError.invalidSetting(key: SettingKey.quizAffectsSchedule.rawValue, value: text) }
            s.quizAffectsSchedule = v
        }
        if let text = stored[SettingKey.desiredRetention.rawValue] {
            guard let v = Double(text), v > 0, v < 1 else {
                throw StoreError.invalidSetting(key: SettingKey.desiredRetention.rawValue, value: text)
            }
            s.desiredRetention = v
        }
        return s
    }

    /// Stores every field of `settings`.
    public func saveSettings(_ settings: StudySettings) throws {
        let values: [(SettingKey, String)] = [
            (.newCardsPerDay, String(settings.newCardsPerDay)),
            (.reviewsPerDay, String(settings.reviewsPerDay)),
            (.quizAffectsSchedule, String(settings.quizAffectsSchedule)),
            (.desiredRetention, String(settings.desiredRetention)),
            (.dayStartHour, String(settings.dayStartHour)),
            (.leechThreshold, String(settings.leechThreshold)),
            (.learnAheadMinutes, String(settings.learnAheadMinutes)),
        ]
        try writer.write { db in
            for (key, value) in values {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key.rawValue, value])
            }
        }
    }
}
