import Testing
@testable import Study

@Suite struct LocalizedTextTests {
    @Test func picksTheRequestedLanguage() {
        let t = LocalizedText(zh: "秩", en: "rank")
        #expect(t.text(in: .zh) == "秩")
        #expect(t.text(in: .en) == "rank")
    }
}
