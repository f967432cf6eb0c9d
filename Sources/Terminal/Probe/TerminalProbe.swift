import CNcursesw
import Foundation

/// What the terminal the process is attached to can do, read without entering curses mode:
/// for `dojo doctor`, and to pick a colour depth before the first frame.
public struct TerminalProbe: Sendable, Equatable {
    /// `$TERM`, or nil when unset.
    public var term: String?
    /// Whether standard output is a terminal.
    public var isTTY: Bool
    /// Columns × rows reported by the tty, when it is one.
    public var size: Size?
    /// Colours terminfo reports for `$TERM` (0 when unknown or `NO_COLOR` is set).
    public var colors: Int
    /// Whether `NO_COLOR` is set (https://no-color.org): colours are then never used.
    public var noColor: Bool
    /// The character set of the C library's locale after `setlocale(LC_ALL, "")`, e.g. "UTF-8".
    public var codeset: String
    /// The locale name that is in effect (after the C.UTF-8 fallback, if it was needed).
    public var locale: String
    /// Whether the C library agrees with our width table on CJK (`wcwidth("中") == 2`).
    public var libcCJKWidthAgrees: Bool
    /// The ncurses library version string, e.g. "ncurses 6.4.20221231".
    public var cursesVersion: String

    /// Whether the locale's character set is UTF-8 (needed for Chinese text and braille charts).
    public var isUTF8: Bool { TerminalLocale.isUTF8(codeset) }

    /// Reads the current process's terminal and locale. Sets the process locale as curses
    /// will (`setlocale(LC_ALL, "")`, falling back to `C.UTF-8` when that is not UTF-8).
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalProbe {
        let codeset = TerminalLocale.ensureUTF8()
        let locale = String(cString: setlocale(LC_CTYPE, nil))
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
        if let term = environment["TERM"], !term.isEmpty {
            var err: Int32 = 0
            if setupterm(term, tty ? STDOUT_FILENO : -1, &err) == 0 {
                colors = max(0, Int(tigetnum("colors")))
            }
        }
        let han: wchar_t = 0x4E2D  // 中
        return TerminalProbe(
            term: environment["TERM"], isTTY: tty, size: size,
            colors: noColor ? 0 : colors, noColor: noColor,
            codeset: codeset, locale: locale,
            libcCJKWidthAgrees: wcwidth(han) == 2,
            cursesVersion: String(cString: dojo_curses_version()))
    }
}
