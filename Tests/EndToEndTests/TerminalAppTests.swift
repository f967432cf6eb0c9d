import Foundation
import Testing

/// The real binary in a real terminal: start, home screen, help overlay, resizes, quit,
/// and the shell finds its terminal modes exactly as they were.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is needed (make test installs it)"))
struct TerminalAppTests {
    /// Runs `dojo` inside the tmux shell and afterwards prints its exit code and whether
    /// `stty -g` is unchanged, so the test sees what the user's shell would see.
    static func launch(_ tmux: TmuxSession, arguments: String = "") throws {
        try launchCommand(tmux, "\(TmuxSession.quote(DojoBinary.url.path)) \(arguments)")
    }

    static func launchCommand(_ tmux: TmuxSession, _ command: String) throws {
        try tmux.type("s=$(stty -g); \(command); echo \"EXIT=$? SAME=$([ \"$(stty -g)\" = \"$s\" ] && echo yes || echo no)\"")
    }

    /// Waits for the shell's "EXIT=<code> SAME=<yes|no>" line (not the typed command, which
    /// contains "EXIT=$?") and returns it.
    static func exitLine(_ tmux: TmuxSession) throws -> String {
        func isResult(_ line: String) -> Bool {
            line.hasPrefix("EXIT=") && line.dropFirst(5).first?.isNumber == true
        }
        let screen = try tmux.waitFor("the exit line", timeout: 15) { $0.contains(where: isResult) }
        return screen.first(where: isResult) ?? ""
    }

    static func home() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The repository's content, so the app shows the real card count.
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content").path

    /// Waits until the title shows a non-zero card count: content has loaded (it loads in
    /// the background after the first frame) and the home screen is complete.
    @discardableResult
    static func waitForContent(_ tmux: TmuxSession, unit: String = "cards") throws -> [String] {
        try tmux.waitFor("the card count") { lines in
            guard let title = lines.first, let range = title.range(of: #"[1-9][0-9]* "# + unit, options: .regularExpression) else { return false }
            return !title[range].isEmpty
        }
    }

    static func environment(_ home: URL, language: String = "en") -> [String: String] {
        ["DOJO_HOME": home.path, "DOJO_LANG": language, "DOJO_CONTENT": content]
    }

    @Test func homeHelpResizeAndQuit() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: Self.environment(home))
        try Self.launch(tmux)
        var screen = try Self.waitForContent(tmux)
        #expect(screen.contains { $0.contains("q quit") })
        #expect(screen.contains { $0.contains("Due now") })
        #expect(screen.contains { $0.contains("Topics") })
        #expect(screen.contains { $0.contains("Quantization") })

        try tmux.keys("?")
        screen = try tmux.waitFor(text: "Esc closes")
        #expect(screen.contains { $0.contains("q          quit dojo") })
        try tmux.keys("Escape")
        try tmux.waitFor("help closed") { !$0.contains { $0.contains("Esc closes") } }

        try tmux.resize(width: 60, height: 16)
        screen = try tmux.waitFor("60×16 layout") { lines in
            lines.count == 16 && lines.contains { $0.contains("Due now 0") } && lines.contains { $0.contains("q quit") }
        }
        #expect(screen.allSatisfy { $0.count <= 60 })

        try tmux.resize(width: 30, height: 8)
        screen = try tmux.waitFor(text: "terminal too small")
        // Exactly the two rows of the notice: the size whole, nothing left of the home screen.
        #expect(screen.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            == ["terminal too small", "need 40×10"])

        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "Lab experiments")

        try tmux.keys("q")
        #expect(try Self.exitLine(tmux) == "EXIT=0 SAME=yes")
    }

    @Test func chineseHomeAtBothSizes() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: Self.environment(home, language: "zh"))
        try Self.launch(tmux)
        var screen = try Self.waitForContent(tmux, unit: "张卡片")
        #expect(screen.contains { $0.contains("到期复习") })
        #expect(screen.last?.contains("q 退出") == true)
        try tmux.resize(width: 60, height: 16)
        screen = try tmux.waitFor("60×16 in Chinese") { $0.count == 16 && $0.contains { $0.contains("到期复习 0") } }
        #expect(!screen.joined().contains("\u{FFFD}"))
        try tmux.keys("q")
        #expect(try Self.exitLine(tmux) == "EXIT=0 SAME=yes")
    }

    /// Ctrl-C typed in raw mode arrives as a key.
    @Test func ctrlCKeyRestoresTheTerminal() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: Self.environment(home))
        try Self.launch(tmux)
        try Self.waitForContent(tmux)
        try tmux.keys("C-c")
        #expect(try Self.exitLine(tmux) == "EXIT=130 SAME=yes")
    }

    /// Signals sent to the app itself once its home screen is up: it restores the terminal
    /// and exits with 128 + the signal's number.
    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)])
    func signalRestoresTheTerminal(signal: Int32, expectedExit: Int) throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: Self.environment(home))
        try Self.launch(tmux)
        try Self.waitForContent(tmux)
        let app = try tmux.waitForChild(running: DojoBinary.url)
        #expect(kill(app, signal) == 0)
        #expect(try Self.exitLine(tmux) == "EXIT=\(expectedExit) SAME=yes")
    }

    /// An unknown TERM: one clear line, exit 1, and the tty as it was (ncurses' initscr
    /// would have printed "Error opening terminal" and exited on its own).
    @Test func unknownTermFailsCleanly() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: Self.environment(home))
        try Self.launchCommand(tmux, "TERM=bogus-terminal \(TmuxSession.quote(DojoBinary.url.path))")
        let screen = try tmux.waitFor("the exit line") { $0.contains { $0.hasPrefix("EXIT=1 ") } }
        #expect(screen.contains { $0.hasPrefix("EXIT=1 SAME=yes") })
        // The terminal wraps the message at 80 columns; joined, the rows give it back whole.
        let text = screen.joined()
        let message = "dojo: cannot start the terminal: TERM=bogus-terminal is not a terminal type ncurses knows; set TERM to one it does (e.g. export TERM=xterm-256color), then run `dojo doctor`"
        #expect(text.contains(message + "EXIT=1"))
        #expect(text.components(separatedBy: "dojo:").count == 2)
        #expect(!screen.contains { $0.contains("Error opening terminal") })
    }
}
