import Foundation
import Testing
@testable import Study

@Suite struct SettingKeyTests {
    @Test func everyKeyPrintsItsDefaultAndTakesItBack() throws {
        let printed = SettingKey.allCases.map { $0.value(in: .default) }
        #expect(printed == ["20", "200", "0.90", "4", "8", "20", "off"])
        for key in SettingKey.allCases {
            #expect(try key.applying(key.value(in: .default), to: .default) == .default, "\(key)")
        }
    }

    @Test func eachKeySetsOnlyItsField() throws {
        var expected = StudySettings.default
        expected.newCardsPerDay = 2
        #expect(try SettingKey.newPerDay.applying("2", to: .default) == expected)
        expected = .default
        expected.reviewsPerDay = 0
        #expect(try SettingKey.reviewsPerDay.applying(" 0 ", to: .default) == expected)
        expected = .default
        expected.desiredRetention = 0.85
        #expect(try SettingKey.desiredRetention.applying("0.85", to: .default) == expected)
        expected = .default
        expected.dayStartHour = 0
        #expect(try SettingKey.dayStartHour.applying("0", to: .default) == expected)
        expected = .default
        expected.leechThreshold = 5
        #expect(try SettingKey.leechThreshold.applying("5", to: .default) == expected)
        expected = .default
        expected.learnAheadMinutes = 0
        #expect(try SettingKey.learnAheadMinutes.applying("0", to: .default) == expected)
        expected = .default
        expected.quizAffectsSchedule = true
        #expect(try SettingKey.quizAffectsSchedule.applying("ON", to: .default) == expected)
        #expect(try SettingKey.quizAffectsSchedule.applying("off", to: expected) == .default)
    }

    @Test func rangeEdgesAreAcceptedAndOneStepBeyondIsNot() throws {
        let cases: [(SettingKey, inside: [String], outside: [String])] = [
            (.desiredRetention, ["0.70", "0.7", "0.99"], ["0.69", "1.00", "0.995", "0.9.1", "nan", "90%"]),
            (.dayStartHour, ["0", "23"], ["-1", "24", "4.5"]),
            (.newPerDay, ["0", "9999"], ["-1", "10000", "ten"]),
            (.leechThreshold, ["1", "99"], ["0", "100"]),
            (.learnAheadMinutes, ["0", "1440"], ["-5", "1441"]),
            (.quizAffectsSchedule, ["on", "off", "true", "no"], ["1", "maybe", ""]),
        ]
        for (key, inside, outside) in cases {
            for v in inside { #expect(throws: Never.self, "\(key) \(v)") { try key.applying(v, to: .default) } }
            for v in outside {
                #expect(throws: SettingError.invalidValue(key: key, value: v), "\(key) \(v)") { try key.applying(v, to: .default) }
            }
        }
    }

    @Test func messagesNameTheKeyAndWhatItTakes() throws {
        #expect(try SettingKey.named("New-Per-Day") == .newPerDay)
        #expect(throws: SettingError.unknownKey("new_per_day")) { try SettingKey.named("new_per_day") }
        #expect(SettingError.unknownKey("x").description.contains("new-per-day, reviews-per-day, desired-retention"))
        let bad = SettingError.invalidValue(key: .desiredRetention, value: "1.5").description
        #expect(bad.hasPrefix("desired-retention cannot be \"1.5\": it takes 0.70–0.99"))
        #expect(SettingError.invalidValue(key: .dayStartHour, value: "24").description.contains("0–23"))
        #expect(SettingError.invalidValue(key: .quizAffectsSchedule, value: "1").description.contains("on or off"))
    }
}
