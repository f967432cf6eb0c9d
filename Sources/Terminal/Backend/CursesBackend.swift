#if canImport(Glibc)
import Glibc
#endif
import CNcursesw

/// The real terminal, through ncurses' wide-character API.
///
/// Starts in raw mode (Ctrl-C arrives as a key), no echo, keypad on, cursor hidden;
/// 256 colours when the terminal has them, 8 or 16 otherwise, none when `NO_COLOR` is set.
/// `stop()` always runs `endwin`, and an `atexit` hook runs it too if the process exits
/// while the terminal is still taken.
///
/// ```swift
/// let backend = CursesBackend()
/// let reason = try TerminalSession(backend: backend).run(&rootScreen)
/// ```
public final class CursesBackend: Backend {
    /// Whether colours are used; `nil` means: unless the `NO_COLOR` environment variable is set.
    private let colorsWanted: Bool
    private var palette = ColorPalette(colorCount: 0, pairLimit: 0, hasDefaultColors: false)
    private var window: UnsafeMutablePointer<WINDOW>?
    /// The ncurses screen `newterm` made; freed by `stop`.
    private var terminal: OpaquePointer?
    private var streams: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)?
    private var cursorVisible = false
    /// What `start` reported about the terminal, for `dojo doctor`.
    public private(set) var capabilities = Capabilities()

    /// Facts about the terminal found at start.
    public struct Capabilities: Sendable, Equatable {
        /// Colours in use: 0 when off.
        public var colors = 0
        /// Colour pairs the terminal allows.
        public var colorPairs = 0
        /// True when the terminal's own default colours can be used.
        public var defaultColors = false
        /// The locale codeset in force, e.g. "UTF-8".
        public var codeset = ""
        /// The ncurses version.
        public var cursesVersion = ""
    }

    /// A backend; `colors: nil` follows `NO_COLOR`.
    public init(colors: Bool? = nil) {
        self.colorsWanted = colors ?? (getenv("NO_COLOR").map { $0.pointee == 0 } ?? true)
    }

    public var size: Size {
        guard window != nil else { return Size(width: 0, height: 0) }
        return Size(width: Int(dojo_cols()), height: Int(dojo_lines()))
    }

    public func start() throws {
        guard window == nil else { return }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        capabilities.codeset = TerminalLocale.ensureUTF8().codeset
        // Keep Esc responsive; ncurses waits this long to tell Esc from an arrow sequence.
        set_escdelay(25)
        // newterm, not initscr: initscr prints "Error opening terminal" and exits the process
        // when TERM is unknown; newterm returns nil, so the caller gets an error it can explain.
        // Its streams are our own copies of fds 1 and 0 (Swift 6 will not touch C's stdout),
        // closed again by `stop`.
        let output = fdopen(dup(STDOUT_FILENO), "w"), input = fdopen(dup(STDIN_FILENO), "r")
        guard let output, let input, let terminal = newterm(nil, output, input), let screen = dojo_stdscr() else {
            if let output { fclose(output) }
            if let input { fclose(input) }
            throw TerminalError.cannotStart(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        streams = (output, input)
        self.terminal = terminal
        window = screen
        CursesExitHook.register()
        raw()
        noecho()
        nonl()
        keypad(screen, true)
        curs_set(0)
        cursorVisible = false
        if colorsWanted && has_color_support() {
            start_color()
            let hasDefault = use_default_colors() == OK
            let count = Int(dojo_colors())
            palette = ColorPalette(
                colorCount: count >= 256 ? 256 : (count >= 16 ? 16 : 8),
                pairLimit: Int(dojo_color_pairs()), hasDefaultColors: hasDefault)
            capabilities.colors = palette.colorCount
            capabilities.colorPairs = Int(dojo_color_pairs())
            capabilities.defaultColors = hasDefault
        }
        capabilities.cursesVersion = String(cString: dojo_curses_version())
        wclear(screen)
    }

    public func stop() {
        guard window != nil else { return }
        curs_set(1)
        endwin()
        if let terminal { delscreen(terminal) }
        terminal = nil
        if let (output, input) = streams {
            fclose(output)
            fclose(input)
        }
        streams = nil
        window = nil
    }

    public func draw(_ runs: [CellRun], cursor: Point?) {
        guard let window else { return }
        for run in runs {
            for (i, cell) in run.cells.enumerated() where !cell.isContinuation {
                put(cell, x: run.origin.x + i, y: run.origin.y, window: window)
            }
        }
        if let cursor {
            if !cursorVisible { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(window)
    }

    public func invalidate() {
        guard let window else { return }
        // Drop ncurses' idea of the screen too, so the next refresh repaints every cell.
        wclear(window)
    }

    public func poll(timeoutMilliseconds: Int) -> InputEvent {
        guard let window else { return .closed }
        wtimeout(window, Int32(timeoutMilliseconds))
        guard let key = readKey(window) else { return .timeout }
        if key == .escape {
            // Alt-x arrives as ESC x in one burst: look for a follower without waiting.
            wtimeout(window, 0)
            return .key(KeyDecoder.combineEscape(with: readKey(window)))
        }
        return .key(key)
    }

    private func readKey(_ window: UnsafeMutablePointer<WINDOW>) -> Key? {
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == dojo_key_code_yes() {
            return KeyDecoder.decode(status: .functionKey, code: code)
        }
        if status == OK {
            return KeyDecoder.decode(status: .character, code: code)
        }
        return nil
    }

    private func put(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>) {
        var attributes = dojo_a_normal()
        if cell.style.bold { attributes |= dojo_a_bold() }
        if cell.style.dim { attributes |= dojo_a_dim() }
        if cell.style.underline { attributes |= dojo_a_underline() }
        if cell.style.reverse { attributes |= dojo_a_reverse() }
        let pair = palette.pair(for: cell.style) { pair, fg, bg in init_pair(pair, fg, bg) }
        // A cchar_t holds a base character and up to four combining ones.
        var text: [wchar_t] = cell.symbol.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        var complex = cchar_t()
        setcchar(&complex, text, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    private func has_color_support() -> Bool { has_colors() }
}

/// Runs `endwin` at process exit if the terminal is still in curses mode, so an `exit()`
/// from anywhere leaves a usable shell.
private enum CursesExitHook {
    nonisolated(unsafe) static var registered = false

    static func register() {
        guard !registered else { return }
        registered = true
        atexit {
            if !isendwin() { endwin() }
        }
    }
}
