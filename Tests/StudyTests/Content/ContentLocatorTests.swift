import Foundation
import Testing
@testable import Study

@Suite struct ContentLocatorTests {
    static func locator(env: [String: String] = [:], exe: String, existing: Set<String>) -> ContentLocator {
        ContentLocator(environment: env, executableDirectory: URL(fileURLWithPath: exe, isDirectory: true),
                       isContentDirectory: { existing.contains($0.standardizedFileURL.path) })
    }

    @Test func environmentWins() {
        let l = Self.locator(env: ["DOJO_CONTENT": "/opt/content"], exe: "/repo/.build/release", existing: ["/repo/content"])
        #expect(l.resolve() == .environment(URL(fileURLWithPath: "/opt/content", isDirectory: true)))
    }

    @Test func walksUpFromTheBinaryToTheCheckout() {
        let l = Self.locator(exe: "/repo/.build/x86_64-unknown-linux-gnu/release", existing: ["/repo/content"])
        #expect(l.resolve().url?.path == "/repo/content")
    }

    @Test func prefersACopyBesideTheBinary() {
        let l = Self.locator(exe: "/opt/dojo/bin", existing: ["/opt/dojo/bin/content", "/opt/content"])
        #expect(l.resolve().url?.path == "/opt/dojo/bin/content")
    }

    @Test func findsAnInstalledShareDirectory() {
        let l = Self.locator(exe: "/usr/local/bin", existing: ["/usr/local/share/dojo/content"])
        #expect(l.resolve().url?.path == "/usr/local/share/dojo/content")
    }

    @Test func reportsWhereItSearched() {
        let l = Self.locator(exe: "/a/b", existing: [])
        guard case let .notFound(searched) = l.resolve() else {
            Issue.record("expected notFound")
            return
        }
        #expect(searched.map(\.path) == ["/a/b/content", "/a/content", "/content", "/a/share/dojo/content"])
    }

    @Test func emptyEnvironmentValueIsIgnored() {
        let l = Self.locator(env: ["DOJO_CONTENT": ""], exe: "/repo/bin", existing: ["/repo/content"])
        #expect(l.resolve().url?.path == "/repo/content")
    }
}
