/// The event loop: takes over the terminal, draws the screen, feeds it keys and posted
/// updates, redraws on resize, and always gives the terminal back.
///
/// Only changed cells reach the backend. Ctrl-C (which raw mode delivers as a key),
/// SIGINT, SIGTERM and SIGHUP end the loop; `stop()` runs on every way out, thrown errors
/// included. While the terminal is below the screen's minimum size the frame is a
/// "terminal too small" notice, but keys still reach the screen (so `q` still quits).
///
/// ```swift
/// let mailbox = Mailbox<RootScreen>()
/// let session = TerminalSession(backend: CursesBackend())
/// let reason = try session.run(&root, mailbox: mailbox)   // .quit, .interrupted, .signal(15)…
/// ```
public struct TerminalSession {
    /// Why `run` returned.
    public enum ExitReason: Hashable, Sendable {
        /// The screen returned `.quit`.
        case quit
        /// Ctrl-C was pressed.
        case interrupted
        /// A termination signal arrived (SIGINT, SIGTERM, SIGHUP); exit with 128 + its number.
        case signal(Int32)
        /// The input ended (a scripted test ran out of keys).
        case inputClosed
    }

    /// Where frames go and keys come from.
    public let backend: any Backend
    /// How long one poll waits for a key before posted updates are looked at.
    public var pollMilliseconds: Int
    /// How often the screen is redrawn when nothing happens (clocks, ETAs).
    public var idleRedraw: Duration
    /// Whether SIGINT/SIGTERM/SIGHUP handlers are installed for the session's lifetime.
    public var trapsSignals: Bool

    /// A session on `backend`; tests pass `trapsSignals: false`.
    public init(backend: any Backend, pollMilliseconds: Int = 50, idleRedraw: Duration = .seconds(1), trapsSignals: Bool = true) {
        self.backend = backend
        self.pollMilliseconds = pollMilliseconds
        self.idleRedraw = idleRedraw
        self.trapsSignals = trapsSignals
    }

    /// Runs `screen` until it quits, Ctrl-C, a termination signal or the end of input.
    /// Errors from starting the backend or from `screen.handle` are rethrown after the
    /// terminal has been restored.
    ///
    /// `whenStarted` runs once the terminal is taken (and the locale set), just before the
    /// first frame: the place to start background work that posts to `mailbox`, so that
    /// it never runs beside the backend's own set-up.
    public func run<S: Screen>(_ screen: inout S, mailbox: Mailbox<S>? = nil, whenStarted: (() -> Void)? = nil) throws -> ExitReason {
        try backend.start()
        if trapsSignals { SignalTrap.install() }
        defer {
            backend.stop()
            if trapsSignals { SignalTrap.uninstall() }
        }
        whenStarted?()
        let clock = ContinuousClock()
        var previous: Buffer?
        var dirty = true
        var lastDraw = clock.now
        while true {
            if trapsSignals, let signal = SignalTrap.take() { return .signal(signal) }
            if dirty || clock.now - lastDraw >= idleRedraw {
                let frame = Frame.render(&screen, size: backend.size)
                backend.draw(frame.diff(from: previous), cursor: frame.cursor)
                previous = frame
                lastDraw = clock.now
                dirty = false
            }
            var action = Action.none
            switch backend.poll(timeoutMilliseconds: pollMilliseconds) {
            case .closed:
                return .inputClosed
            case .timeout:
                break
            case .key(.resize):
                action = .repaintAll
            case .key(.ctrl("c")):
                return .interrupted
            case .key(let key):
                action = try screen.handle(key)
                dirty = true
            }
            for update in mailbox?.drain() ?? [] {
                dirty = true
                action = action.combined(with: update(&screen))
            }
            switch action {
            case .quit:
                return .quit
            case .repaintAll:
                backend.invalidate()
                previous = nil
                dirty = true
            case .none:
                break
            }
        }
    }
}
