import Foundation

/// A real terminal for end-to-end tests: a detached tmux server on its own socket, running
/// an interactive shell whose screen we read with `capture-pane` and drive with `send-keys`.
///
/// The app runs inside the shell rather than as the pane's command so the test can see what
/// the shell sees after the app exits: its exit code and whether the tty modes came back.
final class TmuxSession {
    let socket: String
    let name = "dojo"

    /// Starts a `width`×`height` session running `bash --norc` with `environment` exported.
    init(width: Int, height: Int, environment: [String: String] = [:]) throws {
        socket = "dojo-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "PS1": "$ "]
        for (k, v) in environment { env[k] = v }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env -i PATH=\(Self.quote(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")) HOME=\(Self.quote(NSTemporaryDirectory())) \(env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")) bash --norc --noprofile"])
        try tmux(["set-option", "-t", name, "status", "off"])
        try tmux(["set-window-option", "-t", name, "aggressive-resize", "off"])
    }

    deinit { try? tmux(["kill-server"]) }

    /// Types `text` followed by Enter.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]); try tmux(["send-keys", "-t", name, "Enter"]) }

    /// Sends tmux key names (e.g. "q", "C-c", "Down", "?").
    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Resizes the window (and so the pane) to `width`×`height`.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as lines (trailing spaces trimmed by tmux).
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", name]).components(separatedBy: "\n")
    }

    /// Waits until `predicate` holds for the screen, or throws with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, _ predicate: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(50_000)
        }
        throw TmuxError.timeout(what: what, screen: last.joined(separator: "\n"))
    }

    /// Waits until some line contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) throws -> [String] {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", socket] + args
        // The first call starts the tmux server, which would inherit (and hold open) a pipe
        // given as its output: only commands whose output is read get one.
        let out = Pipe()
        let wantsOutput = args.first == "capture-pane"
        p.standardOutput = wantsOutput ? out : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = wantsOutput ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TmuxError.failed(args: args, status: p.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error, CustomStringConvertible {
    case timeout(what: String, screen: String)
    case failed(args: [String], status: Int32)

    var description: String {
        switch self {
        case let .timeout(what, screen): return "timed out waiting for \(what); screen was:\n\(screen)"
        case let .failed(args, status): return "tmux \(args.joined(separator: " ")) exited \(status)"
        }
    }
}

/// Whether tmux is installed; end-to-end terminal tests need it (`make test` installs it).
var tmuxAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
}
