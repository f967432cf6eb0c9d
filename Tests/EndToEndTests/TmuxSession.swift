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
        var lines = try tmux(["capture-pane", "-p", "-t", name]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }  // capture-pane ends every line with \n
        return lines
    }

    /// The process id of the pane's shell.
    func shellPID() throws -> pid_t {
        let text = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError.failed(args: ["display-message"], status: -1)
        }
        return pid
    }

    /// Waits until the shell has a child running `executable` (the app, once the shell has
    /// forked and exec'd it) and returns its pid.
    func waitForChild(running executable: URL, timeout: TimeInterval = 10) throws -> pid_t {
        let shell = try shellPID()
        let target = executable.resolvingSymlinksInPath().path
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            for pid in children.split(separator: " ").compactMap({ pid_t($0) }) {
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) == target { return pid }
            }
            usleep(20_000)
        }
        throw TmuxError.timeout(what: "a child of the shell running \(target)", screen: (try? screen().joined(separator: "\n")) ?? "")
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

    /// Runs one tmux client command. Spawned with posix_spawn and reaped with waitpid rather
    /// than Foundation's `Process`: the first call forks the tmux server, and `Process` was
    /// seen to leave that client unreaped and wait forever.
    @discardableResult
    private func tmux(_ args: [String]) throws -> String {
        let argv = ["tmux", "-L", socket] + args
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TmuxError.failed(args: args, status: -1) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let wantsOutput = args.first == "capture-pane" || args.first == "display-message"
        if wantsOutput {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            // The server inherits whatever the client was given: never hand it our pipe.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Test runners block or ignore signals on their threads, and a spawned child inherits
        // both; the app inside tmux would then never see SIGWINCH or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArgs, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw TmuxError.failed(args: args, status: spawned) }
        var output = Data()
        if wantsOutput {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n <= 0 { break }
                output.append(contentsOf: chunk[0..<n])
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitCode == 0 else { throw TmuxError.failed(args: args, status: exitCode) }
        return String(decoding: output, as: UTF8.self)
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
