import Engine
import Foundation
import Store
import Study
import Terminal

/// Gathers the `dojo doctor` report from the live process: terminal, BLAS, data directory,
/// database and content. Reads only; it creates nothing.
public enum Doctor {
    /// The report for this process and `environment`.
    public static func report(environment: [String: String] = ProcessInfo.processInfo.environment) -> DoctorReport {
        DoctorReport(sections: [
            terminal(TerminalProbe.current(environment: environment)),
            blas(),
            data(DataDirectory.resolve(environment: environment)),
            content(ContentLocator(environment: environment).resolve(), environment: environment),
        ])
    }

    static func terminal(_ p: TerminalProbe) -> DoctorReport.Section {
        var f: [DoctorReport.Finding] = []
        f.append(termFinding(p))
        if let size = p.size {
            let min = HomeScreen.minimumSize
            f.append(size.covers(min)
                ? .init("size", "\(size.width)×\(size.height)")
                : .init("size", "\(size.width)×\(size.height)", .warning, advice: "the app needs at least \(min.width)×\(min.height)"))
        } else {
            f.append(.init("size", "not a terminal", .warning, advice: "stdout is not a tty: use `dojo review --plain` or `dojo quiz --plain`"))
        }
        if p.noColor {
            f.append(.init("colours", "off (NO_COLOR is set)"))
        } else {
            f.append(p.colors >= 256 ? .init("colours", "\(p.colors)")
                     : p.colors >= 8 ? .init("colours", "\(p.colors)", .warning, advice: "256 colours look better (TERM=xterm-256color)")
                     : .init("colours", "none", .warning, advice: "the app works without colour, charts are harder to read"))
        }
        f.append(localeFinding(p.locale))
        f.append(p.libcCJKWidthAgrees
            ? .init("CJK width", "中 is 2 columns")
            : .init("CJK width", "the C library says 中 is not 2 columns", .warning, advice: "the app measures text itself; other programs may misalign"))
        f.append(.init("ncurses", p.cursesVersion))
        return .init("Terminal", f)
    }

    /// Whether ncurses can start on `$TERM`: the app cannot run at all when it cannot.
    static func termFinding(_ p: TerminalProbe) -> DoctorReport.Finding {
        let term = p.term ?? ""
        switch p.terminfo {
        case .found:
            return .init("TERM", term)
        case .unset:
            return .init("TERM", "unset", .failure, advice: "set TERM to your terminal's type (e.g. export TERM=xterm-256color)")
        case .unknown:
            return .init("TERM", "\(term) (not in the terminfo database)", .failure,
                         advice: "dojo cannot start on it: set TERM to a type ncurses knows (e.g. export TERM=xterm-256color), or install ncurses-term for more types")
        case .hardcopy:
            return .init("TERM", "\(term) (a printing terminal)", .failure,
                         advice: "dojo needs a screen terminal: set TERM to your terminal's type (e.g. export TERM=xterm-256color)")
        case .noDatabase:
            return .init("TERM", "\(term) (no terminfo database found)", .failure,
                         advice: "install ncurses-base (apt-get install ncurses-base), or set TERMINFO to where terminfo lives")
        }
    }

    /// The user's locale, and whether the app had to switch to C.UTF-8 to write Chinese.
    static func localeFinding(_ l: TerminalLocale.Choice) -> DoctorReport.Finding {
        let asked = l.requested ?? "LANG, LC_ALL and LC_CTYPE unset"
        guard l.isUTF8 else {
            return .init("locale", "\(asked) (\(l.codeset))", .failure, advice: "no UTF-8 locale: install `locales` or set LANG=C.UTF-8")
        }
        guard l.fellBack else { return .init("locale", "\(l.inEffect) (\(l.codeset))") }
        let what = l.requested == nil ? "" : l.requestedExists ? " (\(l.requestedCodeset))" : " (not installed)"
        // LC_ALL overrides LANG, so the advice names the variable that decided.
        let variable = l.requested.flatMap { $0.split(separator: "=").first.map(String.init) } ?? "LANG"
        return .init("locale", "\(asked)\(what); dojo falls back to \(l.inEffect)", .warning,
                     advice: "dojo shows Chinese, but other programs here may not: export \(variable)=C.UTF-8 (or a UTF-8 locale from `locale -a`)")
    }

    static func blas() -> DoctorReport.Section {
        .init("OpenBLAS", [
            .init("config", BLASRuntime.configuration),
            .init("core", BLASRuntime.coreName),
            .init("threads", "\(BLASRuntime.threads) (of \(ProcessInfo.processInfo.activeProcessorCount) cores)"),
        ])
    }

    static func data(_ dir: DataDirectory) -> DoctorReport.Section {
        var f: [DoctorReport.Finding] = [.init("data dir", dir.url.path)]
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.url.path, isDirectory: &isDir), isDir.boolValue {
            if !FileManager.default.isWritableFile(atPath: dir.url.path) {
                f.append(.init("writable", "no", .failure, advice: "fix the permissions of \(dir.url.path)"))
            }
        } else {
            f.append(.init("exists", "not yet (created on first run)"))
        }
        f.append(contentsOf: DatabaseDiagnosis.findings(for: dir))
        return .init("Data", f)
    }

    static func content(_ resolution: ContentLocator.Resolution, environment: [String: String]) -> DoctorReport.Section {
        guard let url = resolution.url else {
            var searched = ""
            if case let .notFound(paths) = resolution { searched = paths.prefix(3).map(\.path).joined(separator: ", ") }
            return .init("Content", [.init("content dir", "not found", .failure,
                                           advice: "set DOJO_CONTENT to the repo's content/ directory (looked in \(searched), …)")])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let origin = if case .environment = resolution { " (from DOJO_CONTENT)" } else { "" }
            return .init("Content", [.init("content dir", "\(url.path)\(origin) is not a directory", .failure,
                                           advice: "point DOJO_CONTENT at the repo's content/ directory, or unset it to use the bundled content")])
        }
        let decks = DataDirectory.resolve(environment: environment).decksURL.path
        let start = ContinuousClock.now
        let result = ContentLoader(content: url.path, decks: decks).load()
        let elapsed = ContinuousClock.now - start
        var f: [DoctorReport.Finding] = [
            .init("content dir", url.path),
            .init("files", "\(result.fileCount)"),
            .init("cards", "\(result.library.cards.count) in \(result.library.topics.count) topics (loaded in \(elapsed.formatted(.units(allowed: [.milliseconds]))))"),
        ]
        if !result.problems.isEmpty {
            f.append(.init("problems", "\(result.problems.count)", .failure, advice: "run `dojo content check \(url.path)`; first: \(result.problems[0])"))
        }
        return .init("Content", f)
    }
}
