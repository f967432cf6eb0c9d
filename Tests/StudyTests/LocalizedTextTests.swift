import Testing
@testable import Study

@Suite struct LocalizedTextTests {
    @Test func picksTheRequestedLanguage() {
        let t = LocalizedText(zh: "秩", en: "rank")
        #expect(t.text(in: .zh) == "秩")
        #expect(t.text(in: .en) == "rank")
    }

    @Test func thePreferredLanguageFollowsDojoLangThenTheLocale() {
        #expect(Language.preferred(environment: [:]) == .en)
        #expect(Language.preferred(environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.preferred(environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.preferred(environment: ["LANG": "zh_CN.UTF-8", "DOJO_LANG": "en"]) == .en)
        #expect(Language.preferred(environment: ["LANG": "C.UTF-8", "DOJO_LANG": "zh"]) == .zh)
        // LC_ALL wins over LANG; an empty variable counts as unset, as POSIX says.
        #expect(Language.preferred(environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "zh_TW.UTF-8"]) == .en)
        #expect(Language.preferred(environment: ["LC_ALL": "", "LANG": "zh_TW.UTF-8"]) == .zh)
        // An unknown DOJO_LANG falls back to the locale.
        #expect(Language.preferred(environment: ["DOJO_LANG": "fr", "LANG": "zh_CN"]) == .zh)
    }
}
