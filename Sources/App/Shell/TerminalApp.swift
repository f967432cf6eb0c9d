import Foundation
import Study
import Terminal

/// Opens the full-screen app: builds the home summary, takes over the terminal, and
/// returns the process exit code once the user leaves (0 on quit, 128+n on a signal).
public enum TerminalApp {
    /// Runs the app on the real terminal. The terminal is restored on every way out.
    public static func run(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        let context = AppContext.open(environment: environment)
        var screen = HomeScreen(summary: context.homeSummary(now: Date()), language: context.language)
        let session = TerminalSession(backend: CursesBackend())
        switch try session.run(&screen) {
        case .quit, .inputClosed: return 0
        case .interrupted: return 130
        case .signal(let number): return 128 + number
        }
    }
}
