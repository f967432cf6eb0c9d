/// What reading input produced within the poll timeout.
public enum InputEvent: Hashable, Sendable {
    /// A key (or `.resize`).
    case key(Key)
    /// Nothing arrived in time.
    case timeout
    /// No more input will come (a test script ran out).
    case closed
}

/// A place frames are shown and keys come from: the real terminal through ncurses, or
/// memory in tests. All calls happen on one thread.
///
/// ```swift
/// let backend = MemoryBackend(size: Size(width: 40, height: 10), keys: [.down, .enter])
/// let session = TerminalSession(backend: backend, trapsSignals: false)
/// _ = try session.run(&screen)
/// print(backend.text)
/// ```
public protocol Backend: AnyObject {
    /// The terminal's size in cells, re-read after a `.resize` key.
    var size: Size { get }
    /// Takes over the terminal (raw mode, no echo, colours).
    func start() throws
    /// Gives the terminal back as it was; safe to call more than once.
    func stop()
    /// Draws the changed runs, puts the cursor at `cursor` (hidden when nil) and flushes.
    func draw(_ runs: [CellRun], cursor: Point?)
    /// Forgets what is on screen, so the next full draw starts from blank.
    func invalidate()
    /// Waits up to `timeoutMilliseconds` for a key.
    func poll(timeoutMilliseconds: Int) -> InputEvent
}

/// Why starting the terminal failed, and what to do about it.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// ncurses could not set up the terminal named by `TERM`.
    case cannotStart(term: String)
    /// Standard input or output is not a terminal.
    case notATerminal

    public var description: String {
        switch self {
        case .cannotStart(let term) where term.isEmpty:
            return "cannot start the terminal: TERM is not set; set it to your terminal's type (e.g. export TERM=xterm-256color), then run `dojo doctor`"
        case .cannotStart(let term):
            return "cannot start the terminal: TERM=\(term) is not a terminal type ncurses knows; set TERM to one it does (e.g. export TERM=xterm-256color), then run `dojo doctor`"
        case .notATerminal:
            return "standard input/output is not a terminal; run dojo in an interactive terminal (or use a non-interactive subcommand)"
        }
    }
}
