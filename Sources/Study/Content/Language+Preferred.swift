import Foundation

extension Language {
    /// The learner's language from the environment: `DOJO_LANG` (zh or en) if set, else
    /// Chinese when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first one set) starts with
    /// "zh", else English. Every command and screen defaults to this.
    public static func preferred(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let explicit = environment["DOJO_LANG"].flatMap(Language.init(rawValue:)) { return explicit }
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }
}
