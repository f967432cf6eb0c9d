/// A piece of study text in both languages the app speaks. Both are required: a card that
/// lacks one is reported by the content checker, never shown half-translated.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }
}

/// The languages content is written in.
public enum Language: String, CaseIterable, Sendable, Codable {
    case zh, en
}
