#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import Synchronization

/// The last termination signal received, 0 when none: written by the signal handler,
/// read by the event loop between polls (an atomic store is async-signal-safe).
private let pendingSignal = Atomic<Int32>(0)

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the event loop checks, so the loop ends
/// and restores the terminal itself; on a crash, gives the terminal back before dying.
public enum SignalTrap {
    /// Signals that end the session cleanly.
    public static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Handlers in place before `install`, put back by `uninstall`; only touched on the UI thread.
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

    /// Installs the handlers. Call once the terminal is in raw mode.
    public static func install() {
        for signal in terminating where previous[signal] == nil {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
        CrashRestore.install()
    }

    /// Puts back the handlers that were there before `install`.
    public static func uninstall() {
        for (signal, old) in previous {
            var action = old
            sigaction(signal, &action, nil)
        }
        previous = [:]
        CrashRestore.uninstall()
    }

    /// The signal received since the last call, if any, clearing it.
    public static func take() -> Int32? {
        let value = pendingSignal.exchange(0, ordering: .relaxed)
        return value == 0 ? nil : value
    }
}

/// Crash signals: restore the terminal, then hand the signal to whoever handled it before
/// (the Swift runtime's backtracer), so crashes still print a backtrace on a sane screen.
private enum CrashRestore {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    /// Previous handlers, by signal number; written before any handler can run.
    nonisolated(unsafe) static var previous: [sigaction] = Array(repeating: sigaction(), count: 32)
    nonisolated(unsafe) static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                endwin()
                // Re-arm the earlier handler; the faulting instruction runs again and reaches it.
                sigaction(signal, &CrashRestore.previous[Int(signal)], nil)
                if signal == SIGABRT || signal == SIGTRAP { raise(signal) }
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, &previous[Int(signal)])
        }
    }

    static func uninstall() {
        guard installed else { return }
        installed = false
        for signal in signals {
            sigaction(signal, &previous[Int(signal)], nil)
        }
    }
}
