import CNcursesw
import Foundation

/// What the terminal the process is attached to can do, read without entering curses mode:
/// for `dojo doctor`, and to pick a colour depth before the first frame.
public struct TerminalProbe: Sendable, Equatable {
    /// What terminfo (which ncurses reads) knows about `$TERM`.
    public enum Terminfo: Sendable, Equatable {
        /// `TERM` is unset or empty.
        case unset
        /// Found: curses can drive this terminal.
        case found
        /// No terminfo entry has this name.
        case unknown
        /// The terminal cannot move the cursor (a printing terminal).
        case hardcopy
        /// No terminfo database was found at all.
        case noDatabase
    }

    /// `$TERM`, or nil when unset.
    public var term: String?
    /// Whether ncurses can start on `term`.
    public var terminfo: Terminfo
    /// Whether standard output is a terminal.
    public var isTTY: Bool
    /// Columns × rows reported by the tty, when it is one.
    public var size: Size?
    /// Colours terminfo reports for `$TERM` (0 when unknown or `NO_COLOR` is set).
    public var colors: Int
    /// Whether `NO_COLOR` is set (https://no-color.org): colours are then never used.
    public var noColor: Bool
    /// The user's locale and the one in effect (after the C.UTF-8 fallback, if it was needed).
    public var locale: TerminalLocale.Choice
    /// Whether the C library agrees with our width table on CJK (`wcwidth("中") == 2`).
    public var libcCJKWidthAgrees: Bool
    /// The ncurses library version string, e.g. "ncurses 6.4.20221231".
    public var cursesVersion: String

    /// A probe with the given findings; `current` reads the real ones.
    public init(term: String?, terminfo: Terminfo, isTTY: Bool, size: Size?, colors: Int, noColor: Bool,
                locale: TerminalLocale.Choice, libcCJKWidthAgrees: Bool, cursesVersion: String) {
        self.term = term
        self.terminfo = terminfo
        self.isTTY = isTTY
        self.size = size
        self.colors = colors
        self.noColor = noColor
        self.locale = locale
        self.libcCJKWidthAgrees = libcCJKWidthAgrees
        self.cursesVersion = cursesVersion
    }

    /// Whether the locale's character set is UTF-8 (needed for Chinese text and braille charts).
    public var isUTF8: Bool { locale.isUTF8 }

    /// Reads the current process's terminal and locale. Sets the process locale as curses
    /// will (`setlocale(LC_ALL, "")`, falling back to `C.UTF-8` when that is not UTF-8).
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalProbe {
        let locale = TerminalLocale.ensureUTF8(environment: environment)
        let tty = isatty(STDOUT_FILENO) == 1
        var size: Size?
        if tty {
            var ws = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
                size = Size(width: Int(ws.ws_col), height: Int(ws.ws_row))
            }
        }
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var colors = 0
        var terminfo = Terminfo.unset
        if let term = environment["TERM"], !term.isEmpty {
            // With an errret pointer setupterm reports instead of printing and exiting.
            var status: Int32 = 0
            if setupterm(term, tty ? STDOUT_FILENO : -1, &status) == OK {
                terminfo = .found
                colors = max(0, Int(tigetnum("colors")))
            } else {
                terminfo = status == 1 ? .hardcopy : status == -1 ? .noDatabase : .unknown
            }
        }
        let han: wchar_t = 0x4E2D  // 中
        return TerminalProbe(
            term: environment["TERM"], terminfo: terminfo, isTTY: tty, size: size,
            colors: noColor ? 0 : colors, noColor: noColor,
            locale: locale,
            libcCJKWidthAgrees: wcwidth(han) == 2,
            cursesVersion: String(cString: dojo_curses_version()))
    }
}
