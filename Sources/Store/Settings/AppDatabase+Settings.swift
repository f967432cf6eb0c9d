import Foundation
import GRDB
import Study

extension SettingKey {
    /// The key's row in the settings table (snake_case, as v1 stored them).
    var storageKey: String {
        switch self {
        case .newPerDay: return "daily_new_limit"
        case .reviewsPerDay: return "daily_review_limit"
        case .quizAffectsSchedule: return "quiz_affects_schedule"
        case .desiredRetention: return "desired_retention"
        case .dayStartHour: return "day_start_hour"
        case .leechThreshold: return "leech_threshold"
        case .learnAheadMinutes: return "learn_ahead_minutes"
        }
    }

    /// The field's value in `settings`, as the settings table stores it.
    func storedValue(in settings: StudySettings) -> String {
        switch self {
        case .newPerDay: return String(settings.newCardsPerDay)
        case .reviewsPerDay: return String(settings.reviewsPerDay)
        case .quizAffectsSchedule: return String(settings.quizAffectsSchedule)
        case .desiredRetention: return String(settings.desiredRetention)
        case .dayStartHour: return String(settings.dayStartHour)
        case .leechThreshold: return String(settings.leechThreshold)
        case .learnAheadMinutes: return String(settings.learnAheadMinutes)
        }
    }
}

extension AppDatabase {
    /// The user's settings; keys never saved keep their defaults.
    public func settings() throws -> StudySettings {
        let stored = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM settings")
                .reduce(into: [String: String]()) { $0[$1["key"]] = $1["value"] }
        }
        var s = StudySettings.default
        func int(_ key: SettingKey) throws -> Int? {
            guard let text = stored[key.storageKey] else { return nil }
            guard let v = Int(text) else { throw StoreError.invalidSetting(key: key.storageKey, value: text) }
            return v
        }
        if let v = try int(.newPerDay) { s.newCardsPerDay = v }
        if let v = try int(.reviewsPerDay) { s.reviewsPerDay = v }
        if let v = try int(.dayStartHour) { s.dayStartHour = v }
        if let v = try int(.leechThreshold) { s.leechThreshold = v }
        if let v = try int(.learnAheadMinutes) { s.learnAheadMinutes = v }
        if let text = stored[SettingKey.quizAffectsSchedule.storageKey] {
            guard let v = Bool(text) else { throw StoreError.invalidSetting(key: SettingKey.quizAffectsSchedule.storageKey, value: text) }
            s.quizAffectsSchedule = v
        }
        if let text = stored[SettingKey.desiredRetention.storageKey] {
            guard let v = Double(text), v > 0, v < 1 else {
                throw StoreError.invalidSetting(key: SettingKey.desiredRetention.storageKey, value: text)
            }
            s.desiredRetention = v
        }
        return s
    }

    /// Stores every field of `settings`.
    public func saveSettings(_ settings: StudySettings) throws {
        try writer.write { db in
            for key in SettingKey.allCases { try Self.store(key, from: settings, db) }
        }
    }

    /// Stores only `key`'s field of `settings`; the other keys keep following the defaults
    /// until they are set themselves.
    public func saveSetting(_ key: SettingKey, from settings: StudySettings) throws {
        try writer.write { db in try Self.store(key, from: settings, db) }
    }

    private static func store(_ key: SettingKey, from settings: StudySettings, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            arguments: [key.storageKey, key.storedValue(in: settings)])
    }
}
