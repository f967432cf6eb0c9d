import Testing
@testable import App

@Suite struct AppVersionTests {
    @Test func versionIsSemantic() {
        #expect(AppVersion.string.split(separator: ".").count == 3)
    }
}
