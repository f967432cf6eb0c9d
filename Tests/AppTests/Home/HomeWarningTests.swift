import Foundation
import Study
import Terminal
import Testing
@testable import App

/// Problems found at start-up reach the home screen as a short banner that says what to
/// run, with the full text one key away.
@Suite struct HomeWarningTests {
    static let validContent = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("StudyTests/Fixtures/content/valid").path

    /// A data home whose dojo.sqlite is not a database at all.
    static func homeWithGarbageDatabase() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 4096).write(to: home.appendingPathComponent("dojo.sqlite"))
        return home
    }

    @Test func brokenDatabaseBecomesAShortBannerAndTheFullTextIsInTheHelp() throws {
        let home = try Self.homeWithGarbageDatabase()
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("dojo.sqlite").path
        let context = AppContext.open(environment: ["DOJO_HOME": home.path, "DOJO_CONTENT": Self.validContent])
        #expect(context.database == nil)
        #expect(context.warnings.map(\.summary.en) == ["database unusable — nothing will be saved; run `dojo doctor`"])
        #expect(context.warnings.first?.detail.contains(path) == true)
        // The file is left exactly as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x5A, count: 4096))

        let summary = context.homeSummary(now: Date())
        let backend = MemoryBackend(size: Size(width: 60, height: 16), keys: [.char("?"), .char("G")])
        var screen = HomeScreen(summary: summary, language: .en)
        _ = try TerminalSession(backend: backend, pollMilliseconds: 0, trapsSignals: false).run(&screen)
        let home0 = backend.frames[0].lines()
        // 60 columns: the banner wraps onto two rows, nothing is cut, and no path is shown.
        #expect(home0[1] == "! database unusable — nothing will be saved; run `dojo")
        #expect(home0[2] == "doctor` (? for details)")
        #expect(!home0.joined().contains(path))
        // The help overlay, scrolled to its end, has the whole message, path included.
        let rows = backend.frames.last!.lines()
        #expect(rows.contains { $0.contains("Problems:") })
        // The body's rows with the box and spaces taken away: the path wraps at its hyphens.
        let body = rows.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }.joined()
        #expect(body.replacingOccurrences(of: " ", with: "").contains("mv\(path)"))
    }

    @Test func aBannerThatDoesNotFitEndsInAnEllipsis() {
        let warning = HomeWarning.databaseUnusable("details")
        var screen = HomeScreen(summary: HomeSummary(warnings: [warning, warning]), language: .en)
        // 40×10 allows one banner row.
        let row = Frame.render(&screen, size: Size(width: 40, height: 10)).line(at: 1)
        #expect(row.hasPrefix("! database unusable"))
        #expect(row.hasSuffix("…"))
        #expect(DisplayWidth.of(row) <= 40)
        // The same in Chinese: cut between characters, still marked.
        screen.language = .zh
        let zh = Frame.render(&screen, size: Size(width: 40, height: 10)).line(at: 1)
        #expect(zh.hasPrefix("! 数据库无法使用"))
        #expect(zh.hasSuffix("…"))
        #expect(DisplayWidth.of(zh) <= 40)
    }

    /// The real start-up path: the first frame is drawn before content is read, and the
    /// summary the loader posts replaces the "loading" state.
    @Test func contentLoadedInTheBackgroundReachesTheScreen() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let mailbox = Mailbox<HomeScreen>()
        let backend = MemoryBackend(size: Size(width: 80, height: 24), keys: [.char("j")])
        var screen = HomeScreen.loading(language: .en)
        var loadingFrame: [String] = []
        let environment = ["DOJO_HOME": home.path, "DOJO_CONTENT": Self.validContent]
        let session = TerminalSession(backend: backend, pollMilliseconds: 0, trapsSignals: false)
        _ = try session.run(&screen, mailbox: mailbox) {
            TerminalApp.startLoading(environment: environment, into: mailbox)
            // Hold the loop until the loader has posted, so the scripted key meets a loaded screen.
            let deadline = Date().addingTimeInterval(20)
            while mailbox.count == 0 && Date() < deadline { usleep(10_000) }
        }
        loadingFrame = backend.frames[0].lines()
        #expect(loadingFrame[0].contains("loading…"))
        #expect(screen.summary?.totalCards == 3)
        #expect(backend.lines[0].contains("3 cards"))
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("dojo.sqlite").path))
    }
}
