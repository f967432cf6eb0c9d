import Foundation

/// Turns an Anki text file into a user deck in our schema. Anki notes carry one language,
/// so each text goes into both `zh` and `en`; imported cards are marked `imported: true`
/// (they have no choices or sources). Ids are the deck id plus a stable hash of the front,
/// so importing the same file again gives the same ids and keeps review progress.
public enum DeckImporter {
    /// An imported deck: the topic (with its cards) and the lines that were skipped.
    public struct Deck: Sendable {
        public var topic: Topic
        public var skipped: [DeckProblem]
    }

    /// Why a deck cannot be imported at all.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badName(String)
        case noCards(skipped: [DeckProblem])

        public var description: String {
            switch self {
            case let .badName(n):
                return "deck name \"\(n)\" has no letters a-z or digits to make an id from; pass --name NAME (e.g. --name my-deck)"
            case let .noCards(skipped):
                return "no cards could be read" + (skipped.isEmpty ? " (the file has no records)" : ":\n" + skipped.map(\.description).joined(separator: "\n"))
            }
        }
    }

    /// `Deck Name` → `deck-name`: lower-case a-z and digits in hyphen-separated words.
    public static func deckId(_ name: String) -> String? {
        var out = "", gap = false
        for s in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(s) || ("0"..."9").contains(s) {
                if gap && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(s)
                gap = false
            } else {
                gap = true
            }
        }
        return out.isEmpty ? nil : out
    }

    /// 8 hex digits of FNV-1a (64-bit) over the normalized front: stable across runs and
    /// machines, unlike Swift's seeded `Hasher`.
    public static func stableHash(_ text: String) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in TextNormalization.comparisonKey(text).utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Reads `text` as deck `name`; `file` is the path the cards will live in.
    public static func importDeck(_ text: String, name: String, file: String) -> Result<Deck, Failure> {
        guard let id = deckId(name) else { return .failure(.badName(name)) }
        let anki = AnkiText.parse(text)
        var skipped = anki.problems, cards: [Card] = [], firstLine: [String: Int] = [:]
        for record in anki.records {
            let regular = record.fields.indices.filter { i in
                i + 1 != anki.tagsColumn && !anki.metadataColumns.contains(i + 1)
            }.map { record.fields[$0] }
            guard regular.count >= 2 else {
                skipped.append(DeckProblem(line: record.line, "expected 2+ fields, found \(record.fields.count)"))
                continue
            }
            let front = clean(regular[0], html: anki.html), back = clean(regular[1], html: anki.html)
            if front.isEmpty || back.isEmpty {
                skipped.append(DeckProblem(line: record.line, "empty \(front.isEmpty ? "front" : "back")"))
                continue
            }
            let cardId = "\(id)-\(stableHash(front))"
            if let first = firstLine[cardId] {
                skipped.append(DeckProblem(line: record.line, "same front as line \(first); skipped"))
                continue
            }
            firstLine[cardId] = record.line
            var tags = anki.tags
            if let col = anki.tagsColumn, col >= 1, col <= record.fields.count {
                tags += record.fields[col - 1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            }
            var seen: Set<String> = []
            tags = tags.filter { seen.insert($0).inserted }
            cards.append(Card(id: cardId, topic: id, level: 2, q: LocalizedText(zh: front, en: front),
                              a: LocalizedText(zh: back, en: back), tags: tags, imported: true,
                              location: SourceLocation(file: file, line: record.line)))
        }
        guard !cards.isEmpty else { return .failure(.noCards(skipped: skipped)) }
        let title = anki.deck ?? name
        let topic = Topic(id: id, name: LocalizedText(zh: title, en: title), cards: cards,
                          location: SourceLocation(file: file, line: 1))
        return .success(Deck(topic: topic, skipped: skipped))
    }

    /// Trims the field; for HTML files, turns line breaks into newlines, drops other tags and
    /// decodes the common entities.
    static func clean(_ field: String, html: Bool) -> String {
        guard html else { return field.trimmingSpaces }
        var s = field
        for br in ["<br>", "<br/>", "<br />", "<BR>", "</div>", "</p>"] {
            s = s.replacingOccurrences(of: br, with: "\n")
        }
        var out = "", inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" && inTag { inTag = false } else if !inTag { out.append(c) }
        }
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.trimmingSpaces
    }
}
