import Foundation
import Testing

/// The real binary in a real terminal: start, home screen, help overlay, resizes, quit,
/// and the shell finds its terminal modes exactly as they were.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is needed (make test installs it)"))
struct TerminalAppTests {
    /// Runs `dojo` inside the tmux shell and afterwards prints its exit code and whether
    /// `stty -g` is unchanged, so the test sees what the user's shell would see.
    static func launch(_ tmux: TmuxSession, arguments: String = "") throws {
        let dojo = TmuxSession.quote(DojoBinary.url.path)
        try tmux.type("s=$(stty -g); \(dojo) \(arguments); echo \"EXIT=$? SAME=$([ \"$(stty -g)\" = \"$s\" ] && echo yes || echo no)\"")
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
        screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains { $0.contains("EXIT=0 SAME=yes") }, "\(screen.joined(separator: "\n"))")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: ["DOJO_HOME": home.path])
        try Self.launch(tmux)
        try tmux.waitFor(text: "q quit")
        try tmux.keys("C-c")
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains { $0.contains("EXIT=130 SAME=yes") }, "\(screen.joined(separator: "\n"))")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession(width: 80, height: 24, environment: ["DOJO_HOME": home.path])
        // Started in the background of the same shell so the test can signal it by pid.
        let dojo = TmuxSession.quote(DojoBinary.url.path)
        try tmux.type("s=$(stty -g); (sleep 1.5; kill -TERM $(pgrep -n -f \(TmuxSession.quote(DojoBinary.url.path)))) & \(dojo); echo \"EXIT=$? SAME=$([ \"$(stty -g)\" = \"$s\" ] && echo yes || echo no)\"")
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains { $0.contains("EXIT=143 SAME=yes") }, "\(screen.joined(separator: "\n"))")
    }
}
