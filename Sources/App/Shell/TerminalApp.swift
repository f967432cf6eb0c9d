import Foundation
import Study
import Terminal

/// Opens the full-screen app: takes over the terminal, draws the home screen at once, and
/// returns the process exit code once the user leaves (0 on quit, 128+n on a signal).
public enum TerminalApp {
    /// Runs the app on the real terminal. The terminal is restored on every way out; a
    /// terminal that cannot be started throws `TerminalError` before anything is drawn.
    public static func run(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        let mailbox = Mailbox<HomeScreen>()
        var screen = HomeScreen.loading(language: .preferred(environment: environment))
        // Posted updates are applied between polls: 16 ms shows the loaded summary (and,
        // later, training curves) within a frame of their arrival, at ~60 idle wake-ups a second.
        let session = TerminalSession(backend: CursesBackend(), pollMilliseconds: 16)
        // Content parsing and the database open take ~200 ms; the first frame should not
        // wait for them. They start once the terminal is set up (setlocale is not safe
        // beside other threads) and the result reaches the screen through the mailbox, so
        // every curses call stays on this thread.
        let started = { startLoading(environment: environment, into: mailbox) }
        switch try session.run(&screen, mailbox: mailbox, whenStarted: started) {
        case .quit, .inputClosed: return 0
        case .interrupted: return 130
        case .signal(let number): return 128 + number
        }
    }

    /// Opens content and database on a background thread and posts the home summary.
    static func startLoading(environment: [String: String], into mailbox: Mailbox<HomeScreen>) {
        let loader = Thread {
            let context = AppContext.open(environment: environment)
            let summary = context.homeSummary(now: Date())
            mailbox.post { screen in
                screen.summary = summary
                return .none
            }
        }
        loader.name = "dojo.load"
        loader.start()
    }
}
