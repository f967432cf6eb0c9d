import Foundation

/// Turns an Anki text file into a user deck in our schema. Anki notes carry one language,
/// so each text goes into both `zh` and `en`; imported cards are marked `imported: true`
/// (they have no choices or sources). Ids are the deck id plus a stable hash of the front,
/// so importing the same file again gives the same ids and keeps review progress. Two
/// different fronts whose short hashes collide both stay: the later one gets the long hash.
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

    /// 8 hex digits of FNV-1a (64-bit) over the normalized front, folded to 32 bits: stable
    /// across runs and machines, unlike Swift's seeded `Hasher`.
    public static func stableHash(_ text: String) -> String {
        let h = fnv1a(TextNormalization.comparisonKey(text))
        return hex(UInt64(UInt32(truncatingIfNeeded: h ^ (h >> 32))), digits: 8)
    }

    /// All 16 hex digits of the same hash, for a front whose 8-digit hash is taken.
    public static func longHash(_ text: String) -> String {
        hex(fnv1a(TextNormalization.comparisonKey(text)), digits: 16)
    }

    private static func fnv1a(_ key: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Reads `text` as deck `name`; `file` is the path the cards will live in.
    public static func importDeck(_ text: String, name: String, file: String) -> Result<Deck, Failure> {
        guard let id = deckId(name) else { return .failure(.badName(name)) }
        let anki = AnkiText.parse(text)
        var skipped = anki.problems, cards: [Card] = []
        // The first line of each normalized front, and the card id it got.
        var fronts: [String: Int] = [:], taken: Set<String> = []
        for record in anki.records {
            let regular = record.fields.indices.filter { i in
                i + 1 != anki.tagsColumn && !anki.metadataColumns.contains(i + 1)
            }.map { record.fields[$0] }
            guard regular.count >= 2 else {
                let besides = regular.count == record.fields.count ? "" : " (not counting tag and metadata columns)"
                skipped.append(DeckProblem(line: record.line, "expected 2+ fields, found \(regular.count)\(besides)"))
                continue
            }
            let front = clean(regular[0], html: anki.html), back = clean(regular[1], html: anki.html)
            if front.isEmpty || back.isEmpty {
                skipped.append(DeckProblem(line: record.line, "empty \(front.isEmpty ? "front" : "back")"))
                continue
            }
            let key = TextNormalization.comparisonKey(front)
            if let first = fronts[key] {
                skipped.append(DeckProblem(line: record.line, "same front as line \(first); skipped"))
                continue
            }
            fronts[key] = record.line
            var cardId = "\(id)-\(stableHash(front))"
            if taken.contains(cardId) { cardId = "\(id)-\(longHash(front))" }
            var n = 2
            while taken.contains(cardId) { cardId = "\(id)-\(longHash(front))-\(n)"; n += 1 }
            taken.insert(cardId)
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
        // Reading problems (an unclosed quote) and record problems come in separate passes;
        // the user reads them in file order.
        skipped = skipped.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
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
