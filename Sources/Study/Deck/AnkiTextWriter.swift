import Foundation

/// Writes cards as an Anki text file: tab-separated front, back and tags, with the headers
/// Anki 2.1.54+ reads (`#separator:tab`, `#html:false`, `#tags column:3`).
public enum AnkiTextWriter {
    /// The header lines, in order.
    public static let headers = ["#separator:tab", "#html:false", "#tags column:3"]

    /// The tag a card flagged as a leech gets, as Anki's own leech tag reads.
    public static let leechTag = "leech"

    /// One note per card: front = question, back = answer (plus the detail after a blank
    /// line when `withDetail`), tags = topic and the card's tags, then `leech` for the ids
    /// in `leeches`.
    public static func export(_ cards: [Card], language: Language, withDetail: Bool = false, leeches: Set<String> = []) -> String {
        var out = headers.joined(separator: "\n") + "\n"
        for card in cards {
            var back = card.a.text(in: language)
            if withDetail, let d = card.detail { back += "\n\n" + d.text(in: language) }
            var names = [card.topic] + card.tags
            if leeches.contains(card.id), !names.contains(leechTag) { names.append(leechTag) }
            let tags = names.map(tag).joined(separator: " ")
            out += [card.q.text(in: language), back, tags].map(field).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Quotes a field when it holds a tab, newline or quote, or starts with `#` (which would
    /// make the line a comment); quotes inside are doubled.
    public static func field(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "\t" || $0 == "\"" || $0.isNewline } || s.hasPrefix("#")
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Anki tags cannot contain spaces.
    static func tag(_ s: String) -> String {
        String(s.map { $0 == " " || $0 == "\t" ? "_" : $0 })
    }
}
