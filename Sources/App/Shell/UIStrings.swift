import Study

/// The app's own interface text in both languages. Kept in one place so a screen never
/// shows half its labels in one language and half in the other.
enum UIStrings {
    static func text(_ zh: String, _ en: String, in language: Language) -> String {
        language == .zh ? zh : en
    }
}
