#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process locale, which ncurses reads to decide how to encode wide characters.
public enum TerminalLocale {
    /// Adopts the user's locale; when it is not UTF-8 (say `LANG` is unset), falls back to
    /// `C.UTF-8` so Chinese is still written as UTF-8. Returns the codeset in force.
    @discardableResult
    public static func ensureUTF8() -> String {
        setlocale(LC_ALL, "")
        if isUTF8(codeset()) { return codeset() }
        if setlocale(LC_ALL, "C.UTF-8") == nil {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return codeset()
    }

    /// The codeset of the current locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
    public static func codeset() -> String {
        guard let raw = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: raw)
    }

    /// True for the names UTF-8 goes by.
    public static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" }
        return normalized == "utf8"
    }
}
