import Foundation
import Study

/// What the app has opened for this run: the content library and the database. Built once
/// at start-up by `open`, then handed to screens.
struct AppContext {
    var language: Language

    /// Opens content and database as the environment says (`DOJO_HOME`, `DOJO_CONTENT`, `DOJO_LANG`).
    static func open(environment: [String: String]) throws -> AppContext {
        AppContext(language: preferredLanguage(environment))
    }

    /// The summary the home screen shows at `now`.
    func homeSummary(now: Date) -> HomeSummary {
        HomeSummary()
    }

    /// `DOJO_LANG` if set, else Chinese when the locale says so, else English.
    static func preferredLanguage(_ environment: [String: String]) -> Language {
        if let explicit = environment["DOJO_LANG"].flatMap(Language.init(rawValue:)) { return explicit }
        let locale = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }
}
