#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process locale, which ncurses reads to decide how to encode wide characters.
public enum TerminalLocale {
    /// What the environment asked for and what the process ended up with.
    public struct Choice: Sendable, Equatable {
        /// The variable that decides the character set and its value, e.g. "LC_ALL=C";
        /// nil when none of LC_ALL, LC_CTYPE and LANG is set.
        public var requested: String?
        /// Whether the C library has the requested locale (false: not installed).
        public var requestedExists: Bool
        /// The codeset of the requested locale ("ANSI_X3.4-1968" for C), empty when it does not exist.
        public var requestedCodeset: String
        /// The locale in force for characters, e.g. "C.UTF-8".
        public var inEffect: String
        /// Its codeset, e.g. "UTF-8".
        public var codeset: String
        /// True when the user's locale was not UTF-8 and the app switched to `C.UTF-8`.
        public var fellBack: Bool

        /// A choice with the given facts; `ensureUTF8` makes the real one.
        public init(requested: String?, requestedExists: Bool, requestedCodeset: String,
                    inEffect: String, codeset: String, fellBack: Bool) {
            self.requested = requested
            self.requestedExists = requestedExists
            self.requestedCodeset = requestedCodeset
            self.inEffect = inEffect
            self.codeset = codeset
            self.fellBack = fellBack
        }

        /// Whether text is written as UTF-8 now.
        public var isUTF8: Bool { TerminalLocale.isUTF8(codeset) }
    }

    /// Adopts the user's locale; when it is not UTF-8 (say `LANG` is unset or `LC_ALL=C`),
    /// falls back to `C.UTF-8` so Chinese is still written as UTF-8. Says what happened.
    @discardableResult
    public static func ensureUTF8(environment: [String: String]? = nil) -> Choice {
        let requested = requestedVariable(environment ?? currentEnvironment())
        let exists = setlocale(LC_ALL, "") != nil
        let requestedCodeset = exists ? codeset() : ""
        var fellBack = false
        if !isUTF8(requestedCodeset) {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
            fellBack = isUTF8(codeset())
        }
        return Choice(
            requested: requested, requestedExists: exists, requestedCodeset: requestedCodeset,
            inEffect: String(cString: setlocale(LC_CTYPE, nil)), codeset: codeset(), fellBack: fellBack)
    }

    /// "NAME=value" for the variable the C library takes the character set from.
    static func requestedVariable(_ environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty { return "\(name)=\(value)" }
        }
        return nil
    }

    private static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
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
