import ArgumentParser
import Foundation
import Store
import Study

/// `dojo settings [KEY [VALUE]]`: show or change the study settings.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change study settings (daily limits, retention, quiz scheduling, …).",
        discussion: """
            With no argument, prints every setting with its value, default and accepted values. \
            With KEY, prints that one. With KEY VALUE, checks VALUE and stores it; a bad key or \
            value exits 2 and changes nothing. Keys: \
            \(SettingKey.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @Argument(help: "The setting, e.g. new-per-day.")
    var key: String?

    // Unrecognized-style parsing so a value such as -1 reaches our own check (and its
    // message) instead of being taken for an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The new value, e.g. 10 (on/off for quiz-affects-schedule).", valueName: "value"))
    var values: [String] = []

    func validate() throws {
        if values.count > 1 { StudyEnvironment.fail("dojo: settings takes one value, got \(values.joined(separator: " ")).", code: 2) }
    }

    func run() throws {
        let database: AppDatabase
        do {
            database = try AppDatabase.open(in: DataDirectory.resolve())
        } catch {
            StudyEnvironment.fail("dojo: \(error)", code: 1)
        }
        let current = try StudyEnvironment.orExit { try database.settings() }
        guard let key else {
            for k in SettingKey.allCases { print(Self.line(k, current)) }
            return
        }
        let setting: SettingKey
        let updated: StudySettings
        do {
            setting = try SettingKey.named(key)
            guard let value = values.first else {
                print(Self.line(setting, current))
                return
            }
            updated = try setting.applying(value, to: current)
        } catch {
            StudyEnvironment.fail("dojo: \(error)", code: 2)
        }
        try StudyEnvironment.orExit { try database.saveSetting(setting, from: updated) }
        let was = setting.value(in: current), now = setting.value(in: updated)
        print("\(setting.rawValue) = \(now)" + (was == now ? " (unchanged)" : " (was \(was))"))
    }

    /// `key = value  (default D; accepted A) meaning`, padded so a list lines up.
    static func line(_ key: SettingKey, _ settings: StudySettings) -> String {
        let name = key.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
        let value = key.value(in: settings).padding(toLength: 5, withPad: " ", startingAt: 0)
        return "\(name)\(value)  (default \(key.value(in: .default)); \(key.accepted)) \(key.meaning)"
    }
}
