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

    @Test func homeHelpResizeAndQuit() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: ["DOJO_HOME": home.path, "DOJO_LANG": "en"])
        try Self.launch(tmux)
        var screen = try tmux.waitFor(text: "LLM Dojo")
        screen = try tmux.waitFor(text: "q quit")
        #expect(screen.contains { $0.contains("Due now") })
        #expect(screen.contains { $0.contains("Topics") })

        try tmux.keys("?")
        screen = try tmux.waitFor(text: "press ? or Esc to close")
        try tmux.keys("Escape")
        try tmux.waitFor("help closed") { !$0.contains { $0.contains("press ? or Esc") } }

        try tmux.resize(width: 60, height: 16)
        screen = try tmux.waitFor("60×16 layout") { lines in
            lines.count == 16 && lines.contains { $0.contains("Due now 0") } && lines.contains { $0.contains("q quit") }
        }
        #expect(screen.allSatisfy { $0.count <= 60 })

        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor(text: "terminal too small")

        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "Lab experiments")

        try tmux.keys("q")
        #expect(try Self.exitLine(tmux) == "EXIT=0 SAME=yes")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: ["DOJO_HOME": home.path])
        try Self.launch(tmux)
        try tmux.waitFor(text: "q quit")
        try tmux.keys("C-c")
        #expect(try Self.exitLine(tmux) == "EXIT=130 SAME=yes")
    }

    @Test(arguments: [("TERM", 143), ("HUP", 129)])
    func terminationSignalRestoresTheTerminal(signal: String, expectedExit: Int) throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: ["DOJO_HOME": home.path])
        // `timeout --foreground` keeps the app in the terminal's foreground and signals it
        // after 3 s; --preserve-status passes the app's own exit code through.
        try Self.launchCommand(tmux, "timeout --foreground --preserve-status -s \(signal) 3 \(TmuxSession.quote(DojoBinary.url.path))")
        #expect(try Self.exitLine(tmux) == "EXIT=\(expectedExit) SAME=yes")
    }
}
